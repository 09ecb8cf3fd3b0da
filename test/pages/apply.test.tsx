import ApplyPage from '@/packages/user/pages/apply'
import { meStore } from '@/stores/me'
import { renderPage, screen, stubModal, stubNavigation, tap, typeInto, setupBackend, waitFor } from './helpers'

const backend = setupBackend()

describe('volunteer application page', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('validates with the contract schema before sending anything', async () => {
    backend.as('demo-resident')
    renderPage(<ApplyPage />)
    await screen.findByText('申请成为志愿者')
    await typeInto('真实姓名', '王')
    await typeInto('手机号', '1381234')
    await tap('提交申请')
    expect(await screen.findByText('请填写真实姓名')).toBeTruthy()
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(screen.getByText('请至少选择一项技能')).toBeTruthy()
    expect(backend.eventsFor('applyVolunteer')).toHaveLength(0)
  })

  it('submits a valid application; the profile then shows it as pending', async () => {
    backend.as('demo-resident')
    renderPage(<ApplyPage />)
    await screen.findByText('申请成为志愿者')
    await typeInto('真实姓名', ' 王小明 ')
    await typeInto('手机号', '13812345678')
    await typeInto('出生日期', '1960-05-01')
    await tap('陪伴聊天')
    await tap('家电维修')
    await tap('✓ 陪伴聊天') // toggled off again
    await typeInto('自我介绍', '退休电工')
    await tap('提交申请')
    await waitFor(() => expect(backend.eventsFor('applyVolunteer')).toHaveLength(1))
    const ev = backend.eventsFor('applyVolunteer')[0]
    expect(ev.input).toEqual({ realName: '王小明', phone: '13812345678', birthDate: '1960-05-01', skills: ['家电维修'], intro: '退休电工' })
    expect(ev.requestId).toBeTruthy()
    await waitFor(() => expect(nav.navigateBack).toHaveBeenCalled())
    expect(meStore.get().data?.volunteerStatus).toBe('pending')
    expect((await backend.call('demo-resident', 'user', 'me', {})).application).toMatchObject({ status: 'pending', realName: '王小明', skills: ['家电维修'] })
  })

  it('shows a refused application (already pending, sent from another device meanwhile) in Chinese', async () => {
    backend.as('demo-resident')
    const modal = stubModal()
    renderPage(<ApplyPage />)
    await screen.findByText('申请成为志愿者')
    await backend.call('demo-resident', 'user', 'applyVolunteer', { realName: '林秀英', phone: '13900001111', skills: ['陪伴聊天'], birthDate: '1958-03-02' })
    await typeInto('真实姓名', '王小明')
    await typeInto('手机号', '13812345678')
    await typeInto('出生日期', '1961-04-05')
    await tap('课业辅导')
    await tap('提交申请')
    await waitFor(() => expect(modal).toHaveBeenCalled())
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '您的志愿者申请正在审核中，请耐心等待' })
    expect(nav.navigateBack).not.toHaveBeenCalled()
  })

  it('tells a pending applicant to wait instead of showing the form', async () => {
    backend.as('demo-applicant')
    renderPage(<ApplyPage />)
    expect(await screen.findByText('您的申请正在审核中，请耐心等待。')).toBeTruthy()
    expect(screen.queryByText('提交申请')).toBeNull()
  })

  it('asks a user who has not signed up to sign up first', async () => {
    backend.as('dev-new-apply')
    renderPage(<ApplyPage />)
    expect(await screen.findByText('申请志愿者前，请先完成注册。')).toBeTruthy()
  })

  it('shows loading and error states', async () => {
    backend.as('demo-resident')
    backend.hang()
    const first = renderPage(<ApplyPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    first.unmount()
    backend.online()
    backend.as('demo-resident')
    backend.offline()
    renderPage(<ApplyPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })
})

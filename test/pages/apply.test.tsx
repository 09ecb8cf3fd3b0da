import ApplyPage from '@/packages/user/pages/apply'
import { meStore } from '@/stores/me'
import { setTransport } from '@/services/cloud'
import { hanging, offline, renderPage, screen, stubModal, stubNavigation, tap, typeInto, useFake, waitFor } from './helpers'

describe('volunteer application page', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('validates with the contract schema before sending anything', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    renderPage(<ApplyPage />)
    await screen.findByText('申请成为志愿者')
    await typeInto('真实姓名', '王')
    await typeInto('手机号', '1381234')
    await tap('提交申请')
    expect(await screen.findByText('请填写真实姓名')).toBeTruthy()
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(screen.getByText('请至少选择一项技能')).toBeTruthy()
    expect(fake.eventsFor('applyVolunteer')).toHaveLength(0)
  })

  it('submits a valid application; the profile then shows it as pending', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    renderPage(<ApplyPage />)
    await screen.findByText('申请成为志愿者')
    await typeInto('真实姓名', ' 王小明 ')
    await typeInto('手机号', '13812345678')
    await tap('陪伴聊天')
    await tap('家电维修')
    await tap('✓ 陪伴聊天') // toggled off again
    await typeInto('自我介绍', '退休电工')
    await tap('提交申请')
    await waitFor(() => expect(fake.eventsFor('applyVolunteer')).toHaveLength(1))
    const ev = fake.eventsFor('applyVolunteer')[0]
    expect(ev.input).toEqual({ realName: '王小明', phone: '13812345678', skills: ['家电维修'], intro: '退休电工' })
    expect(ev.requestId).toBeTruthy()
    await waitFor(() => expect(nav.navigateBack).toHaveBeenCalled())
    expect(meStore.get().data?.volunteerStatus).toBe('pending')
  })

  it('shows a refused application (e.g. already pending) in Chinese', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    fake.refusals.set('applyVolunteer', 'APPLICATION_PENDING')
    const modal = stubModal()
    renderPage(<ApplyPage />)
    await screen.findByText('申请成为志愿者')
    await typeInto('真实姓名', '王小明')
    await typeInto('手机号', '13812345678')
    await tap('课业辅导')
    await tap('提交申请')
    await waitFor(() => expect(modal).toHaveBeenCalled())
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '您的志愿者申请正在审核中，请耐心等待' })
    expect(nav.navigateBack).not.toHaveBeenCalled()
  })

  it('tells a pending applicant to wait instead of showing the form', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    fake.addApplication({ id: 'a1', openid: 'u1' })
    renderPage(<ApplyPage />)
    expect(await screen.findByText('您的申请正在审核中，请耐心等待。')).toBeTruthy()
    expect(screen.queryByText('提交申请')).toBeNull()
  })

  it('asks a user who has not signed up to sign up first', async () => {
    useFake('new')
    renderPage(<ApplyPage />)
    expect(await screen.findByText('申请志愿者前，请先完成注册。')).toBeTruthy()
  })

  it('shows loading and error states', async () => {
    useFake('u1')
    setTransport(hanging)
    const first = renderPage(<ApplyPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    first.unmount()
    useFake('u1')
    setTransport(offline)
    renderPage(<ApplyPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })
})

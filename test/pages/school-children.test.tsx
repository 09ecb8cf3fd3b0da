// Layer 2, the 4 o'clock school part A (issue 11): a guardian adds a child, consent first; pick-up adults with their
// codes; 邀请家人 shows the one-time 亲属码; deleting a child after a confirmation. Against the real functions.
import Taro from '@tarojs/taro'
import ChildrenPage from '@/packages/school/pages/children'
import ChildPage from '@/packages/school/pages/child'
import PolicyPage from '@/packages/school/pages/policy'
import { CHILD_POLICY_VERSION } from '@/contracts/school/rules'
import { setLargeFontChoice } from '@/hooks/useLargeFont'
import { act, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, tapIn, typeInto, waitFor } from './helpers'
import { signUp } from './stage'

const backend = setupBackend()

const CHILD = { name: '林小雨', gender: 'female' as const, birthDate: '2018-03-04', school: '鼓楼第一中心小学', grade: 2 as const, guardianPhone: '13912345678' }

describe('school: children, consent first', () => {
  let nav: ReturnType<typeof stubNavigation>
  let redirectTo: jest.SpyInstance
  beforeEach(() => {
    nav = stubNavigation()
    redirectTo = jest.spyOn(Taro, 'redirectTo').mockImplementation((() => Promise.resolve({ errMsg: 'ok' })) as never)
  })
  afterEach(() => redirectTo.mockRestore())

  it('a new guardian is sent to the rules first, consents, then adds a child', async () => {
    const openid = await signUp(backend, { nickname: '林妈妈' })
    backend.as(openid)
    const list = renderPage(<ChildrenPage />)
    expect(await screen.findByText('还没有添加孩子。添加前需要先阅读并同意《儿童个人信息处理规则》。')).toBeTruthy()
    expect(screen.queryByText('邀请家人')).toBeNull()
    await tap('添加孩子')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/school/pages/policy/index?next=child' })
    list.unmount()

    // The child page itself shows no form before the consent: it sends the guardian to the rules.
    setRouterParams({})
    const { unmount } = renderPage(<ChildPage />)
    expect(await screen.findByText('添加孩子前，请先阅读并同意《儿童个人信息处理规则》。')).toBeTruthy()
    expect(screen.queryByLabelText('孩子姓名')).toBeNull()
    await tap('阅读并同意规则')
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/school/pages/policy/index?next=child' })
    unmount()
    expect(backend.eventsFor('addChild')).toEqual([])

    setRouterParams({ next: 'child' })
    const policy = renderPage(<PolicyPage />)
    expect(await screen.findByText('五、您的权利')).toBeTruthy()
    expect(document.body.textContent).toContain('第三十一条')
    await tap('我是孩子的监护人，同意以上规则')
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/school/pages/child/index' }))
    expect(backend.eventsFor('consentChildPolicy')[0].input).toEqual({ version: CHILD_POLICY_VERSION })
    policy.unmount()

    setRouterParams({})
    renderPage(<ChildPage />)
    expect(await screen.findByText('填写孩子信息')).toBeTruthy()
    await typeInto('孩子姓名', CHILD.name)
    await tapIn('性别', '女')
    await typeInto('出生日期', CHILD.birthDate)
    await typeInto('就读学校', CHILD.school)
    await tapIn('年级', '二年级')
    await typeInto('监护人手机号', '1391234')
    await tap('添加孩子')
    expect(await screen.findByText('请输入11位手机号')).toBeTruthy()
    expect(backend.eventsFor('addChild')).toEqual([])
    await typeInto('监护人手机号', CHILD.guardianPhone)
    await tap('添加孩子')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已添加' })))
    expect(backend.eventsFor('addChild')[0].input).toEqual(CHILD)
    const mine = await backend.call(openid, 'school', 'myChildren', {})
    expect(mine.children).toEqual([expect.objectContaining({ ...CHILD, consent: expect.objectContaining({ version: CHILD_POLICY_VERSION }) })])
    // The page now shows the child's form and its pick-up adults.
    expect(await screen.findByText('授权接送人')).toBeTruthy()
  })

  it('pick-up adults get codes the guardian sees; 邀请家人 shows the 亲属码 large, once; a child is deleted after a confirmation', async () => {
    const openid = await signUp(backend, { nickname: '林爸爸' })
    await backend.call(openid, 'school', 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
    const child = await backend.call(openid, 'school', 'addChild', CHILD)
    backend.as(openid)
    setRouterParams({ id: child.id })
    const page = renderPage(<ChildPage />)
    expect(await screen.findByText('林小雨')).toBeTruthy()
    await typeInto('接送人姓名', '林奶奶')
    await tapIn('与孩子的关系', '祖母')
    await typeInto('接送人手机号', '13800001111')
    await tap('添加接送人')
    expect(await screen.findByText('林奶奶（祖母）')).toBeTruthy()
    const code = (await backend.call(openid, 'school', 'myChildren', {})).children[0].pickups[0].code
    expect(screen.getByTestId('pickup-row').textContent).toContain(code)
    const modal = stubModal({ confirm: true })
    await tap('换一个接送码')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已换码' })))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '换接送码' }))
    const renewed = (await backend.call(openid, 'school', 'myChildren', {})).children[0].pickups[0].code
    await waitFor(() => expect(screen.getByTestId('pickup-row').textContent).toContain(renewed))
    page.unmount()

    const list = renderPage(<ChildrenPage />)
    expect(await screen.findByText('林小雨')).toBeTruthy()
    await tap('邀请家人')
    const card = await screen.findByTestId('invite-card')
    expect(card.textContent).toMatch(/[2-9A-Z]{8}/)
    expect(card.textContent).toContain('24 小时内有效')
    list.unmount()

    setRouterParams({ id: child.id })
    renderPage(<ChildPage />)
    const asked = stubModal({ confirm: false }, { confirm: true })
    asked.mockClear()
    await tap('删除孩子')
    await waitFor(() => expect(asked).toHaveBeenCalledWith(expect.objectContaining({ title: '删除孩子' })))
    expect(backend.eventsFor('deleteChild')).toEqual([])
    await tap('删除孩子')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已删除' })))
    expect((await backend.call(openid, 'school', 'myChildren', {})).children).toEqual([])
  })

  it('the child page follows large-font mode', async () => {
    const openid = await signUp(backend)
    await backend.call(openid, 'school', 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
    const child = await backend.call(openid, 'school', 'addChild', CHILD)
    backend.as(openid)
    setRouterParams({ id: child.id })
    const { container } = renderPage(<ChildPage />)
    expect(await screen.findByText('授权接送人')).toBeTruthy()
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(false)
    await act(async () => setLargeFontChoice(true))
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    await act(async () => setLargeFontChoice(false))
  })
})

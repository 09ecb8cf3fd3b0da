import Taro from '@tarojs/taro'
import DetailPage from '@/packages/wish/pages/detail'
import { setTransport } from '@/services/cloud'
import { act, offline, renderPage, screen, setRouterParams, stubModal, stubNavigation, tap, typeInto, useFakeWish, waitFor } from './helpers'

function as(openid: string, roles: ('resident' | 'volunteer' | 'staff')[] = ['resident'], staffCommunityIds: string[] = []) {
  const f = useFakeWish(openid)
  f.wish.addUser({ openid, roles, staffCommunityIds, name: '王志愿' })
  return f
}

/** Sets a date Picker's value as taro-picker-core's change event does. */
async function pickDate(container: HTMLElement, value: string) {
  const p = container.querySelector('taro-picker-core')
  if (!p) throw new Error('no picker')
  await act(async () => {
    p.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
  })
}

const contactText = '电话：13900001111'

describe('wish detail', () => {
  beforeEach(() => {
    stubNavigation()
    setRouterParams({ id: 'w1' })
  })

  it('shows the full wish, photos and timeline, without contact to a volunteer before claiming', async () => {
    const { wish } = as('v1', ['resident', 'volunteer'])
    wish.addWish({ id: 'w1', title: '修门锁', description: '门锁坏了，关不上门。', photos: ['cloud://env/wishes/a.jpg'], neededBy: '2099-12-31' })
    const preview = jest.spyOn(Taro, 'previewImage').mockImplementation((() => Promise.resolve()) as never)
    renderPage(<DetailPage />)
    expect(await screen.findByText('修门锁')).toBeTruthy()
    expect(screen.getByText('门锁坏了，关不上门。')).toBeTruthy()
    expect(screen.getByText('希望在 2099年12月31日 前完成')).toBeTruthy()
    expect(screen.getByTestId('timeline').textContent).toContain('心愿人 发布心愿')
    expect(screen.queryByTestId('contact')).toBeNull()
    expect(document.body.textContent).not.toContain('13900001111')
    await act(async () => {
      screen.getByLabelText('照片1').click()
    })
    expect(preview).toHaveBeenCalledWith({ urls: ['https://tmp.example/env/wishes/a.jpg'], current: 'https://tmp.example/env/wishes/a.jpg' })
    expect(wish.eventsFor('detail')[0].input).toEqual({ wishId: 'w1' })
  })

  it('claims with a promised date no later than needed-by, then shows the phone and address', async () => {
    const { wish } = as('v1', ['resident', 'volunteer'])
    wish.addWish({ id: 'w1', title: '修门锁', neededBy: '2099-12-31' })
    const { container } = renderPage(<DetailPage />)
    await tap('认领')
    expect(screen.getByTestId('claim-form')).toBeTruthy()
    expect(screen.getByText('心愿人希望在 2099年12月31日 前完成')).toBeTruthy()
    expect(screen.queryByLabelText('单位名称')).toBeNull() // volunteers claim as themselves
    await pickDate(container, '2099-01-02')
    expect(screen.getByText('2099年1月2日')).toBeTruthy()
    await tap('确认认领')
    await waitFor(() => expect(wish.eventsFor('claim')).toHaveLength(1))
    expect(wish.eventsFor('claim')[0].input).toEqual({ wishId: 'w1', promisedBy: '2099-01-02' })
    expect(wish.eventsFor('claim')[0].requestId).toMatch(/^[A-Za-z0-9]{20}$/)
    expect(await screen.findByText(contactText)).toBeTruthy()
    expect(screen.getByText('地址：军门社区3号楼501')).toBeTruthy()
    expect(screen.getByText('承诺完成日期：2099年1月2日')).toBeTruthy()
    expect(screen.getAllByText('已认领').length).toBeGreaterThan(0)
    expect(screen.getByText('完成心愿')).toBeTruthy()
  })

  it('refuses a promised date after needed-by locally', async () => {
    const { wish } = as('v1', ['resident', 'volunteer'])
    wish.addWish({ id: 'w1', neededBy: '2099-01-10' })
    const { container } = renderPage(<DetailPage />)
    await tap('认领')
    await pickDate(container, '2099-02-01')
    await tap('确认认领')
    expect(screen.getByText('承诺日期不能晚于 2099年1月10日')).toBeTruthy()
    expect(wish.eventsFor('claim')).toHaveLength(0)
  })

  it('when someone else claimed first (WISH_NOT_OPEN), says 已被认领 and refreshes', async () => {
    const { wish } = as('v2', ['resident', 'volunteer'])
    wish.addWish({ id: 'w1', title: '修门锁' })
    wish.beforeClaim = (w) => {
      w.status = 'claimed'
      w.claim = { openid: 'v1', claimantName: '李志愿', promisedBy: '2099-01-01', claimedAt: '2026-11-27T00:00:00.000Z' }
    }
    const modal = stubModal()
    renderPage(<DetailPage />)
    await tap('认领')
    await tap('确认认领')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '已被认领', content: '这个心愿已被认领或暂不可认领' })))
    expect(screen.getByRole('alert').textContent).toContain('已被认领')
    await waitFor(() => expect(wish.eventsFor('detail')).toHaveLength(2))
    expect(await screen.findByText('认领人：李志愿')).toBeTruthy()
    expect(screen.queryByText('认领')).toBeNull()
    expect(screen.queryByTestId('contact')).toBeNull()
  })

  it('staff claim on behalf of a unit, which they must name unless they are volunteers', async () => {
    const { wish, user } = as('s1', ['resident', 'staff'], ['junmen'])
    user.addUser({ openid: 's1', roles: ['resident', 'staff'], staffCommunityIds: ['junmen'] })
    wish.addWish({ id: 'w1' })
    renderPage(<DetailPage />)
    expect(await screen.findByText(contactText)).toBeTruthy() // scoped staff see contact
    await tap('认领')
    await waitFor(() => expect(user.eventsFor('me').length).toBeGreaterThan(0))
    await tap('确认认领')
    expect(await screen.findByText('请填写认领的单位名称')).toBeTruthy()
    expect(wish.eventsFor('claim')).toHaveLength(0)
    await typeInto('单位名称', '鼓楼区供电公司')
    await tap('确认认领')
    await waitFor(() => expect(wish.eventsFor('claim')).toHaveLength(1))
    expect(wish.eventsFor('claim')[0].input).toMatchObject({ wishId: 'w1', unitName: '鼓楼区供电公司' })
    expect(await screen.findByText('认领人：鼓楼区供电公司（鼓楼区供电公司）')).toBeTruthy()
  })

  it('staff who are also volunteers may claim as themselves', async () => {
    const { wish, user } = as('s2', ['resident', 'volunteer', 'staff'], ['junmen'])
    user.addUser({ openid: 's2', roles: ['resident', 'volunteer', 'staff'], staffCommunityIds: ['junmen'] })
    wish.addWish({ id: 'w1' })
    renderPage(<DetailPage />)
    await tap('认领')
    expect(await screen.findByText('代表单位认领（可不填）')).toBeTruthy()
    await tap('确认认领')
    await waitFor(() => expect(wish.eventsFor('claim')).toHaveLength(1))
    expect(wish.eventsFor('claim')[0].input).not.toHaveProperty('unitName')
  })

  it('shows a refusal in Chinese (e.g. not a volunteer)', async () => {
    const { wish } = as('v1', ['resident', 'volunteer'])
    wish.addWish({ id: 'w1' })
    wish.refusals.set('claim', 'NOT_VOLUNTEER')
    const modal = stubModal()
    renderPage(<DetailPage />)
    await tap('认领')
    await tap('确认认领')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '只有审核通过的志愿者才能进行此操作' })))
  })

  it('the wisher sees their contact, confirms fulfilment with thanks', async () => {
    const { wish } = as('r1')
    wish.addWish({
      id: 'w1',
      openid: 'r1',
      title: '修门锁',
      status: 'fulfilled',
      claim: { openid: 'v1', claimantName: '王志愿', promisedBy: '2099-01-01', claimedAt: '2026-11-20T00:00:00.000Z' },
      fulfilment: { note: '门锁已经换好了', fulfilledAt: '2026-11-26T00:00:00.000Z' },
    })
    renderPage(<DetailPage />)
    expect(await screen.findByText(contactText)).toBeTruthy()
    expect(screen.getByText('门锁已经换好了')).toBeTruthy()
    expect(screen.getByText('等待心愿人确认')).toBeTruthy()
    expect(screen.queryByText('举报')).toBeNull() // not one's own wish
    await tap('确认完成')
    await typeInto('感谢的话', '  谢谢小王，门修好了！ ')
    await tap('确认完成')
    await waitFor(() => expect(wish.eventsFor('confirm')).toHaveLength(1))
    expect(wish.eventsFor('confirm')[0].input).toEqual({ wishId: 'w1', thanks: '谢谢小王，门修好了！' })
    expect(await screen.findByText('“谢谢小王，门修好了！”')).toBeTruthy()
    expect(screen.getByText('已圆满')).toBeTruthy()
  })

  it('staff confirm on behalf of the wisher, without thanks', async () => {
    const { wish } = as('s1', ['resident', 'staff'], ['junmen'])
    wish.addWish({ id: 'w1', status: 'fulfilled', claim: { openid: 'v1', claimantName: '王志愿', promisedBy: '2099-01-01', claimedAt: '2026-11-20T00:00:00.000Z' } })
    renderPage(<DetailPage />)
    await tap('代心愿人确认完成')
    await tap('确认完成')
    await waitFor(() => expect(wish.eventsFor('confirm')).toHaveLength(1))
    expect(wish.eventsFor('confirm')[0].input).toEqual({ wishId: 'w1' })
  })

  it('the claimant withdraws with a reason after confirming, and fulfils with a note', async () => {
    const { wish } = as('v1', ['resident', 'volunteer'])
    const claim = { openid: 'v1', claimantName: '王志愿', promisedBy: '2099-01-01', claimedAt: '2026-11-20T00:00:00.000Z' }
    wish.addWish({ id: 'w1', status: 'claimed', claim })
    const modal = stubModal({ confirm: false })
    jest.spyOn(window, 'prompt').mockReturnValue('临时出差')
    renderPage(<DetailPage />)
    expect(await screen.findByText(contactText)).toBeTruthy() // the claimant sees contact
    await tap('放弃认领')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(wish.eventsFor('withdraw')).toHaveLength(0) // cancelled at the confirmation

    await tap('完成心愿')
    await tap('提交完成')
    expect(screen.getByText('请填写完成说明')).toBeTruthy()
    await typeInto('完成说明', '已上门修好门锁')
    await tap('提交完成')
    await waitFor(() => expect(wish.eventsFor('fulfil')).toHaveLength(1))
    expect(wish.eventsFor('fulfil')[0].input).toEqual({ wishId: 'w1', note: '已上门修好门锁' })
  })

  it('withdraw sends the reason', async () => {
    const { wish } = as('v1', ['resident', 'volunteer'])
    wish.addWish({ id: 'w1', status: 'claimed', claim: { openid: 'v1', claimantName: '王志愿', promisedBy: '2099-01-01', claimedAt: '2026-11-20T00:00:00.000Z' } })
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('临时出差')
    renderPage(<DetailPage />)
    await screen.findByText('放弃认领')
    expect(screen.queryByText('举报')).toBeNull() // not for the claimant
    await tap('放弃认领')
    await waitFor(() => expect(wish.eventsFor('withdraw')).toHaveLength(1))
    expect(wish.eventsFor('withdraw')[0].input).toEqual({ wishId: 'w1', reason: '临时出差' })
    expect(await screen.findByText('待认领')).toBeTruthy()
  })

  it('the wisher cancels only after confirming', async () => {
    const { wish } = as('r1')
    wish.addWish({ id: 'w1', openid: 'r1', status: 'open' })
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<DetailPage />)
    await tap('取消心愿')
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '取消心愿' })
    expect(wish.eventsFor('cancel')).toHaveLength(0)
    await tap('取消心愿')
    await waitFor(() => expect(wish.eventsFor('cancel')).toHaveLength(1))
    expect(await screen.findByText('已取消')).toBeTruthy()
  })

  it('a rejected wish shows the reason and offers edit and resubmit', async () => {
    const nav = stubNavigation()
    const { wish } = as('r1')
    const w = wish.addWish({ id: 'w1', openid: 'r1', status: 'rejected', reason: '请写清楚需要什么' })
    w.timeline.push({ at: '2026-11-02T00:00:00.000Z', from: 'pending_review', to: 'rejected', action: 'review', by: 'staff', reason: '请写清楚需要什么' })
    renderPage(<DetailPage />)
    expect(await screen.findByText('未通过原因：请写清楚需要什么')).toBeTruthy()
    expect(screen.getByTestId('timeline').textContent).toContain('社区工作人员 审核未通过原因：请写清楚需要什么')
    await tap('修改后重新提交')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/post/index?id=w1' })
  })

  it('reports with a required reason; then viewer.can has no report, so the button is gone', async () => {
    const { wish } = as('r2')
    wish.addWish({ id: 'w1' })
    const modal = stubModal()
    jest.spyOn(window, 'prompt').mockReturnValueOnce('').mockReturnValueOnce('内容不实').mockReturnValueOnce('内容不实')
    renderPage(<DetailPage />)
    await tap('举报')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请填写原因' })))
    expect(wish.eventsFor('report')).toHaveLength(0)
    await tap('举报')
    await waitFor(() => expect(wish.eventsFor('report')).toHaveLength(1))
    expect(wish.eventsFor('report')[0].input).toEqual({ wishId: 'w1', reason: '内容不实' })
    await waitFor(() => expect(screen.queryByText('举报')).toBeNull())
    expect(wish.eventsFor('report')).toHaveLength(1)
  })

  it('shows the error and retries', async () => {
    const { wish } = as('r1')
    wish.addWish({ id: 'w1', title: '修门锁' })
    const good = wish.transportWith()
    setTransport(offline)
    renderPage(<DetailPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(good)
    await tap('重试')
    expect(await screen.findByText('修门锁')).toBeTruthy()
  })

  it('a wish that does not exist says so', async () => {
    as('r1')
    renderPage(<DetailPage />)
    expect(await screen.findByText('要找的内容不存在')).toBeTruthy()
  })
})

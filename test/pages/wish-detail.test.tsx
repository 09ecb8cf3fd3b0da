import Taro from '@tarojs/taro'
import DetailPage from '@/packages/wish/pages/detail'
import { act, gone, renderPage, screen, setRouterParams, stubModal, stubNavigation, tap, typeInto, setupBackend, waitFor } from './helpers'
import { MAX_NEEDED_BY_DAYS, MAX_PROMISE_DAYS } from '@/contracts/wish'
import { daysFromToday, formatDay } from '@/format/day'
import { claimedWish, fulfilledWish, openWish, photoPath, photosChecked, rejectedWish } from './stage'

const backend = setupBackend()

// Days on the one clock: the latest needed-by date a wish may have, and days before it.
const NEEDED_BY = daysFromToday(MAX_NEEDED_BY_DAYS)
const PROMISE = daysFromToday(MAX_NEEDED_BY_DAYS - 30)
const NEAR_NEEDED_BY = daysFromToday(40)
const AFTER_NEAR = daysFromToday(50)

/** Sets a date Picker's value as taro-picker-core's change event does. */
async function pickDate(container: HTMLElement, value: string) {
  const p = container.querySelector('taro-picker-core')
  if (!p) throw new Error('no picker')
  await act(async () => {
    p.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
  })
}

/** Opens the detail page of wish `id` as `openid`. */
function open(id: string, openid: string) {
  setRouterParams({ id })
  backend.as(openid)
  return renderPage(<DetailPage />)
}

// Wishes are posted by 林阿姨 (demo-resident, stage.ts WISH: 13900001111, 军门社区3号楼501) and approved by
// 郑社工 (demo-staff); 陈志远 (demo-volunteer) and 黄志强 (demo-volunteer-2) are volunteers of 军门.
const contactText = '电话：13900001111'

describe('wish detail', () => {
  beforeEach(() => {
    stubNavigation()
  })

  it('shows the full wish, photos and timeline, without contact to a volunteer before claiming', async () => {
    const photo = await backend.upload('demo-resident', photoPath(1))
    const id = await openWish(backend, { title: '修门锁', description: '门锁坏了，关不上门。', photos: [photo], neededBy: NEEDED_BY })
    await photosChecked(backend, id)
    const preview = jest.spyOn(Taro, 'previewImage').mockImplementation((() => Promise.resolve()) as never)
    open(id, 'demo-volunteer')
    expect(await screen.findByText('修门锁')).toBeTruthy()
    expect(screen.getByText('门锁坏了，关不上门。')).toBeTruthy()
    expect(screen.getByText(`希望在 ${formatDay(NEEDED_BY)} 前完成`)).toBeTruthy()
    expect(screen.getByTestId('timeline').textContent).toContain('心愿人 发布心愿')
    expect(screen.queryByTestId('contact')).toBeNull()
    expect(document.body.textContent).not.toContain('13900001111')
    await act(async () => {
      screen.getByLabelText('照片1').click()
    })
    const { urls, current } = preview.mock.calls[0][0] as { urls: string[]; current: string }
    expect(urls).toHaveLength(1)
    expect(urls[0]).toMatch(/^https?:\/\//) // a temporary URL, never the cloud:// fileID
    expect(current).toBe(urls[0])
    expect(backend.eventsFor('detail')[0].input).toEqual({ wishId: id })
  })

  it('a photo under the image check shows as 审核中 to a volunteer, and itself to the wisher', async () => {
    const photo = await backend.upload('demo-resident', photoPath(2), 'pending-')
    const id = await openWish(backend, { title: '修窗户', photos: [photo], neededBy: NEEDED_BY })
    const other = open(id, 'demo-volunteer')
    expect(await screen.findByText('修窗户')).toBeTruthy()
    expect(screen.getByTestId('photos').textContent).toContain('审核中')
    expect(screen.getByLabelText('照片审核中')).toBeTruthy()
    expect(screen.queryByLabelText('照片1')).toBeNull()
    other.unmount()
    open(id, 'demo-resident')
    expect(await screen.findByLabelText('照片1')).toBeTruthy()
    expect(screen.getByText('照片审核中，审核通过后其他人才能看到')).toBeTruthy()
    expect(screen.queryByLabelText('照片审核中')).toBeNull()
  })

  it('a risky photo is hidden; the wisher sees why, other residents see nothing of it', async () => {
    const photo = await backend.upload('demo-resident', photoPath(3), 'risky-')
    const id = await openWish(backend, { title: '修水管', photos: [photo], neededBy: NEEDED_BY })
    await photosChecked(backend, id)
    const own = open(id, 'demo-resident')
    expect(await screen.findByText('修水管')).toBeTruthy()
    expect(screen.getByTestId('photos-hidden').textContent).toBe('这张照片未通过内容安全审核（色情），已隐藏')
    expect(screen.queryByLabelText('照片1')).toBeNull()
    own.unmount()
    open(id, 'demo-volunteer')
    expect(await screen.findByText('修水管')).toBeTruthy()
    expect(screen.queryByTestId('photos')).toBeNull()
    expect(document.body.textContent).not.toContain('未通过')
  })

  it('claims with a promised date no later than needed-by, then shows the phone and address', async () => {
    const id = await openWish(backend, { title: '修门锁', neededBy: NEEDED_BY })
    const { container } = open(id, 'demo-volunteer')
    await tap('认领')
    expect(screen.getByTestId('claim-form')).toBeTruthy()
    expect(screen.getByText(`心愿人希望在 ${formatDay(NEEDED_BY)} 前完成`)).toBeTruthy()
    expect(screen.queryByLabelText('单位名称')).toBeNull() // volunteers claim as themselves
    await pickDate(container, PROMISE)
    expect(screen.getByText(formatDay(PROMISE))).toBeTruthy()
    await tap('确认认领')
    await waitFor(() => expect(backend.eventsFor('claim')).toHaveLength(1))
    expect(backend.eventsFor('claim')[0].input).toEqual({ wishId: id, promisedBy: PROMISE })
    expect(backend.eventsFor('claim')[0].requestId).toMatch(/^[A-Za-z0-9]{20}$/)
    expect(await screen.findByText(contactText)).toBeTruthy()
    expect(screen.getByText('地址：军门社区3号楼501')).toBeTruthy()
    expect(screen.getByText(`承诺完成日期：${formatDay(PROMISE)}`)).toBeTruthy()
    expect(screen.getAllByText('已认领').length).toBeGreaterThan(0)
    expect(screen.getByText('完成心愿')).toBeTruthy()
  })

  it('refuses a promised date after needed-by locally', async () => {
    const id = await openWish(backend, { neededBy: NEAR_NEEDED_BY })
    const { container } = open(id, 'demo-volunteer')
    await tap('认领')
    await pickDate(container, AFTER_NEAR)
    await tap('确认认领')
    expect(screen.getByText(`承诺日期不能晚于 ${formatDay(NEAR_NEEDED_BY)}`)).toBeTruthy()
    expect(backend.eventsFor('claim')).toHaveLength(0)
  })

  it(`without a needed-by date, the picker ends ${MAX_PROMISE_DAYS} days ahead and a later day is refused locally`, async () => {
    const id = await openWish(backend)
    const { container } = open(id, 'demo-volunteer')
    await tap('认领')
    const end = daysFromToday(MAX_PROMISE_DAYS)
    expect(screen.getByText(`最晚可承诺到 ${formatDay(end)}（${MAX_PROMISE_DAYS}天内）`)).toBeTruthy()
    expect(container.querySelector('taro-picker-core')?.getAttribute('end')).toBe(end)
    await pickDate(container, '9999-12-31')
    await tap('确认认领')
    expect(screen.getByText(`承诺日期不能晚于 ${formatDay(end)}`)).toBeTruthy()
    expect(backend.eventsFor('claim')).toHaveLength(0)
    await pickDate(container, end)
    await tap('确认认领')
    await waitFor(() => expect(backend.eventsFor('claim')).toHaveLength(1))
    expect(backend.eventsFor('claim')[0].input).toEqual({ wishId: id, promisedBy: end })
  })

  it('when someone else claimed first (WISH_NOT_OPEN), says 已被认领 and refreshes', async () => {
    const id = await openWish(backend, { title: '修门锁', neededBy: NEEDED_BY })
    const modal = stubModal()
    open(id, 'demo-volunteer-2')
    await tap('认领')
    await backend.call('demo-volunteer', 'wish', 'claim', { wishId: id, promisedBy: PROMISE }) // 陈志远 was quicker
    await tap('确认认领')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '已被认领', content: '这个心愿已被认领' })))
    expect(screen.getByRole('alert').textContent).toContain('已被认领')
    await waitFor(() => expect(backend.eventsFor('detail')).toHaveLength(2))
    expect(await screen.findByText('认领人：陈志远')).toBeTruthy()
    expect(screen.queryByText('认领')).toBeNull()
    expect(screen.queryByTestId('contact')).toBeNull()
  })

  it('staff claim on behalf of a unit, which they must name unless they are volunteers', async () => {
    const id = await openWish(backend)
    open(id, 'demo-staff')
    expect(await screen.findByText(contactText)).toBeTruthy() // scoped staff see contact
    await tap('认领')
    await waitFor(() => expect(backend.eventsFor('me').length).toBeGreaterThan(0))
    await tap('确认认领')
    expect(await screen.findByText('请填写认领的单位名称')).toBeTruthy()
    expect(backend.eventsFor('claim')).toHaveLength(0)
    await typeInto('单位名称', '鼓楼区供电公司')
    await tap('确认认领')
    await waitFor(() => expect(backend.eventsFor('claim')).toHaveLength(1))
    expect(backend.eventsFor('claim')[0].input).toMatchObject({ wishId: id, unitName: '鼓楼区供电公司' })
    expect(await screen.findByText('认领人：鼓楼区供电公司（鼓楼区供电公司）')).toBeTruthy()
  })

  it('staff who are also volunteers may claim as themselves', async () => {
    await backend.call('demo-admin', 'user', 'grantStaff', { openid: 'demo-volunteer', communityIds: ['junmen'] })
    const id = await openWish(backend)
    open(id, 'demo-volunteer')
    await tap('认领')
    expect(await screen.findByText('代表单位认领（可不填）')).toBeTruthy()
    await tap('确认认领')
    await waitFor(() => expect(backend.eventsFor('claim')).toHaveLength(1))
    expect(backend.eventsFor('claim')[0].input).not.toHaveProperty('unitName')
    expect(await screen.findByText('认领人：陈志远')).toBeTruthy()
  })

  it('shows a refusal in Chinese (staff who lost the community meanwhile)', async () => {
    const id = await openWish(backend)
    const modal = stubModal()
    open(id, 'demo-staff')
    await tap('认领')
    await typeInto('单位名称', '鼓楼区供电公司')
    await backend.call('demo-admin', 'user', 'revokeStaff', { openid: 'demo-staff', communityIds: ['junmen'] })
    await tap('确认认领')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '只能代表单位认领自己负责社区的心愿' })))
  })

  it('the wisher sees their contact, confirms fulfilment with thanks', async () => {
    const id = await fulfilledWish(backend, '门锁已经换好了', { fields: { title: '修门锁' } })
    open(id, 'demo-resident')
    expect(await screen.findByText(contactText)).toBeTruthy()
    expect(screen.getByText('门锁已经换好了')).toBeTruthy()
    expect(screen.getByText('等待心愿人确认')).toBeTruthy()
    expect(screen.queryByText('举报')).toBeNull() // not one's own wish
    await tap('确认完成')
    await typeInto('感谢的话', '  谢谢小王，门修好了！ ')
    await tap('确认完成')
    await waitFor(() => expect(backend.eventsFor('confirm')).toHaveLength(1))
    expect(backend.eventsFor('confirm')[0].input).toEqual({ wishId: id, thanks: '谢谢小王，门修好了！' })
    expect(await screen.findByText('“谢谢小王，门修好了！”')).toBeTruthy()
    expect(screen.getByText('已圆满')).toBeTruthy()
  })

  it('staff confirm on behalf of the wisher, without thanks', async () => {
    const id = await fulfilledWish(backend, '已完成')
    open(id, 'demo-staff')
    await tap('代心愿人确认完成')
    await tap('确认完成')
    await waitFor(() => expect(backend.eventsFor('confirm')).toHaveLength(1))
    expect(backend.eventsFor('confirm')[0].input).toEqual({ wishId: id })
    expect(await screen.findByText('已圆满')).toBeTruthy()
  })

  it('the claimant withdraws with a reason after confirming, and fulfils with a note', async () => {
    const id = await claimedWish(backend)
    const modal = stubModal({ confirm: false })
    jest.spyOn(window, 'prompt').mockReturnValue('临时出差')
    open(id, 'demo-volunteer')
    expect(await screen.findByText(contactText)).toBeTruthy() // the claimant sees contact
    await tap('放弃认领')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(backend.eventsFor('withdraw')).toHaveLength(0) // cancelled at the confirmation

    await tap('完成心愿')
    await tap('提交完成')
    expect(screen.getByText('请填写完成说明')).toBeTruthy()
    await typeInto('完成说明', '已上门修好门锁')
    await tap('提交完成')
    await waitFor(() => expect(backend.eventsFor('fulfil')).toHaveLength(1))
    expect(backend.eventsFor('fulfil')[0].input).toEqual({ wishId: id, note: '已上门修好门锁' })
    expect(await screen.findByText('等待心愿人确认')).toBeTruthy()
  })

  it('withdraw sends the reason', async () => {
    const id = await claimedWish(backend)
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('临时出差')
    open(id, 'demo-volunteer')
    await screen.findByText('放弃认领')
    expect(screen.queryByText('举报')).toBeNull() // not for the claimant
    await tap('放弃认领')
    await waitFor(() => expect(backend.eventsFor('withdraw')).toHaveLength(1))
    expect(backend.eventsFor('withdraw')[0].input).toEqual({ wishId: id, reason: '临时出差' })
    expect(await screen.findByText('待认领')).toBeTruthy()
  })

  it('the wisher of a claimed wish asks staff to release it, with a reason; the request shows and the button goes', async () => {
    const id = await claimedWish(backend)
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('认领人一直联系不上')
    open(id, 'demo-resident')
    expect(screen.queryByText('取消心愿')).toBeNull()
    await tap('申请释放认领')
    await waitFor(() => expect(backend.eventsFor('requestRelease')).toHaveLength(1))
    expect(backend.eventsFor('requestRelease')[0].input).toEqual({ wishId: id, reason: '认领人一直联系不上' })
    expect((await screen.findByTestId('release-request')).textContent).toContain('认领人一直联系不上')
    expect(screen.queryByText('申请释放认领')).toBeNull()
  })

  it('the wisher cancels only after confirming', async () => {
    const id = await openWish(backend)
    const modal = stubModal({ confirm: false }, { confirm: true })
    open(id, 'demo-resident')
    await tap('取消心愿')
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '取消心愿' })
    expect(backend.eventsFor('cancel')).toHaveLength(0)
    await tap('取消心愿')
    await waitFor(() => expect(backend.eventsFor('cancel')).toHaveLength(1))
    expect(await screen.findByText('已取消')).toBeTruthy()
  })

  it('a rejected wish shows the reason and offers edit and resubmit', async () => {
    const nav = stubNavigation()
    const id = await rejectedWish(backend, '请写清楚需要什么')
    open(id, 'demo-resident')
    expect(await screen.findByText('未通过原因：请写清楚需要什么')).toBeTruthy()
    expect(screen.getByTestId('timeline').textContent).toContain('社区工作人员 审核未通过原因：请写清楚需要什么')
    await tap('修改后重新提交')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/wish/pages/post/index?id=${id}` })
  })

  it('reports with a required reason; then viewer.can has no report, so the button is gone', async () => {
    const id = await openWish(backend)
    const modal = stubModal()
    jest.spyOn(window, 'prompt').mockReturnValueOnce('').mockReturnValueOnce('内容不实').mockReturnValueOnce('内容不实')
    open(id, 'demo-volunteer-2')
    await tap('举报')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请填写原因' })))
    expect(backend.eventsFor('report')).toHaveLength(0)
    await tap('举报')
    await waitFor(() => expect(backend.eventsFor('report')).toHaveLength(1))
    expect(backend.eventsFor('report')[0].input).toEqual({ wishId: id, reason: '内容不实' })
    await gone('举报')
    await backend.settled()
    expect(backend.eventsFor('report')).toHaveLength(1)
  })

  it('shows the error and retries', async () => {
    backend.offline()
    open('wish-demo-lock', 'demo-volunteer')
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('帮忙修理门锁')).toBeTruthy()
  })

  it('a wish that does not exist says so', async () => {
    open('no-such-wish', 'demo-volunteer')
    expect(await screen.findByText('没有找到这个心愿')).toBeTruthy()
  })

  it('a wish waiting for review is not shown to other residents', async () => {
    open('wish-demo-fan', 'demo-resident') // 何阿姨's, in 庆城, not yet reviewed
    expect(await screen.findByText('没有找到这个心愿')).toBeTruthy()
    expect(document.body.textContent).not.toContain('电风扇不转了')
  })
})

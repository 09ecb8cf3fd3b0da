import Taro from '@tarojs/taro'
import PostPage from '@/packages/wish/pages/post'
import { daysFromToday, formatDay } from '@/format/day'
import { uploadFolderOf } from '../../cloud/lib/ownerHash'
import { act, renderPage, screen, setRouterParams, stubModal, stubNavigation, tap, tapIn, tapOnWeapp, typeInto, setupBackend, waitFor } from './helpers'
import { photoPath, postWish, rejectedWish } from './stage'

const backend = setupBackend()

async function fillValid() {
  await typeInto('心愿标题', '想请人修门锁')
  await typeInto('心愿描述', '家里门锁坏了，关不上门，想请人帮忙修一下。')
  await tapIn('心愿类别', '家电维修')
  await typeInto('姓氏', '林')
  await typeInto('联系电话', '13900001111')
  await typeInto('地址', '军门社区3号楼501')
}

/** chooseImage answers with these temp paths, one batch per call. */
function stubChooseImage(...batches: string[][]) {
  return jest.spyOn(Taro, 'chooseImage').mockImplementation((async () => {
    const paths = batches.shift() || []
    return { tempFilePaths: paths, tempFiles: paths.map((path) => ({ path, size: 1000 })), errMsg: 'chooseImage:ok' }
  }) as never)
}

describe('post a wish', () => {
  let nav: ReturnType<typeof stubNavigation>
  let redirect: jest.SpyInstance
  let uploads: string[]
  beforeEach(() => {
    nav = stubNavigation()
    redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation((() => Promise.resolve()) as never)
    backend.as('demo-resident') // 林阿姨: one wish in progress in the seed (帮忙修理门锁)
    // The page's real h5 uploader posts the picked image to the emulator; record the cloud paths it chose.
    uploads = []
    const fetch = window.fetch
    jest.spyOn(window, 'fetch').mockImplementation((url, init) => {
      const m = /\/api\/upload\?cloudPath=([^&]+)/.exec(String(url))
      if (m) uploads.push(decodeURIComponent(m[1]))
      return fetch(url, init)
    })
  })

  it('shows a message under each missing field and sends nothing', async () => {
    renderPage(<PostPage />)
    await tap('提交心愿')
    expect(screen.getByText('请填写心愿标题')).toBeTruthy()
    expect(screen.getByText('请描述您的心愿')).toBeTruthy()
    expect(screen.getByText('请选择心愿类别')).toBeTruthy()
    expect(screen.getByText('请填写您的姓氏，或选择匿名')).toBeTruthy()
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(screen.getByText('请填写地址')).toBeTruthy()
    expect(backend.eventsFor('post')).toHaveLength(0)
  })

  it('counts the title and refuses a bad phone', async () => {
    renderPage(<PostPage />)
    await typeInto('心愿标题', '修门锁')
    expect(screen.getByText('3/30')).toBeTruthy()
    await typeInto('心愿标题', '修门锁😀') // an emoji is one character, as the contract counts (two UTF-16 units)
    expect(screen.getByText('4/30')).toBeTruthy()
    await fillValid()
    await typeInto('联系电话', '12345')
    await tap('提交心愿')
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(backend.eventsFor('post')).toHaveLength(0)
  })

  it('says contact is private', async () => {
    renderPage(<PostPage />)
    expect(await screen.findByText('仅认领人和社区工作人员可见')).toBeTruthy()
  })

  it("adds at most 3 photos, uploading each to the resident's own folder wishes/<owner hash>/", async () => {
    const choose = stubChooseImage([photoPath(1), photoPath(2)], [photoPath(3), photoPath(4)])
    const toast = nav.showToast
    renderPage(<PostPage />)
    await tap('添加照片')
    await waitFor(() => expect(screen.getByText('2/3')).toBeTruthy())
    expect(choose.mock.calls[0][0]).toMatchObject({ count: 3 })
    await tap('添加照片')
    await waitFor(() => expect(screen.getByText('3/3')).toBeTruthy())
    expect(choose.mock.calls[1][0]).toMatchObject({ count: 1 })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '最多上传3张照片' }))
    expect(screen.queryByText('添加照片')).toBeNull()
    await waitFor(() => expect(uploads).toHaveLength(3))
    const folder = uploadFolderOf('demo-resident')
    expect(folder).toMatch(/^wishes\/[0-9a-f]{32}$/)
    expect(uploads.every((p) => new RegExp(`^${folder}/[a-z0-9]+\\.jpg$`).test(p))).toBe(true)
    // Removing one makes room again.
    const remove = await screen.findAllByText('删除')
    await act(async () => {
      remove[0].click()
    })
    expect(screen.getByText('2/3')).toBeTruthy()
    expect(screen.getByText('添加照片')).toBeTruthy()
  })

  it('submits the right input, then opens my wishes', async () => {
    stubChooseImage([photoPath(1)])
    renderPage(<PostPage />)
    await fillValid()
    await tapIn('称呼', '叔叔')
    expect(screen.getByText('心愿墙上显示为：林叔叔')).toBeTruthy()
    await tap('添加照片')
    await waitFor(() => expect(uploads).toHaveLength(1))
    await screen.findByText('删除') // uploaded
    await tap('提交心愿')
    await waitFor(() => expect(backend.eventsFor('post')).toHaveLength(1))
    expect(backend.eventsFor('post')[0].input).toEqual({
      title: '想请人修门锁',
      description: '家里门锁坏了，关不上门，想请人帮忙修一下。',
      category: '家电维修',
      nameStyle: 'surname',
      surname: '林',
      honorific: '叔叔',
      contactPhone: '13900001111',
      address: '军门社区3号楼501',
      photos: [expect.stringMatching(new RegExp(`^cloud://.+/${uploads[0]}$`))],
    })
    expect(backend.eventsFor('post')[0].requestId).toBeTruthy()
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/wish/pages/mine/index' }))
    const mine = await backend.call('demo-resident', 'wish', 'listMine', {})
    expect(mine.items[0]).toMatchObject({ title: '想请人修门锁', status: 'pending_review', displayName: '林叔叔' })
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/wish/pages/mine/index' }))
  })

  it('anonymous wishes send no surname, and a needed-by date when chosen', async () => {
    const { container } = renderPage(<PostPage />)
    await fillValid()
    await tapIn('称呼方式', '匿名')
    expect(screen.getByText('心愿墙上显示为：匿名居民')).toBeTruthy()
    const picker = container.querySelector('taro-picker-core')!
    const neededBy = daysFromToday(60)
    await act(async () => {
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: neededBy }, bubbles: true }))
    })
    expect(screen.getByText(formatDay(neededBy))).toBeTruthy()
    await tap('提交心愿')
    await waitFor(() => expect(backend.eventsFor('post')).toHaveLength(1))
    const input = backend.eventsFor('post')[0].input as Record<string, unknown>
    expect(input).toMatchObject({ nameStyle: 'anonymous', neededBy })
    expect(input).not.toHaveProperty('surname')
    expect(input).not.toHaveProperty('honorific')
  })

  it('shows CONTENT_RISKY in Chinese and keeps the form', async () => {
    const modal = stubModal()
    renderPage(<PostPage />)
    await fillValid()
    await typeInto('心愿标题', '赌博')
    await tap('提交心愿')
    await waitFor(() => expect(backend.eventsFor('post')).toHaveLength(1))
    const msg = '内容含有不适宜发布的信息，请修改后再提交'
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe(msg)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: msg }))
    expect(redirect).not.toHaveBeenCalled()
    expect((await backend.call('demo-resident', 'wish', 'listMine', {})).items.map((w) => w.title)).not.toContain('赌博')
  })

  it('tells a resident with 3 unfinished wishes on opening, before she fills the form', async () => {
    await postWish(backend, { title: '第二个心愿' })
    await postWish(backend, { title: '第三个心愿' }) // with 帮忙修理门锁: 3 in progress
    renderPage(<PostPage />)
    expect(await screen.findByText('您已有3个进行中的心愿，请等心愿完成或取消后再发布')).toBeTruthy()
    expect(screen.queryByLabelText('心愿标题')).toBeNull()
    expect(screen.getByText('查看我的心愿')).toBeTruthy()
  })

  it('shows TOO_MANY_OPEN_WISHES in Chinese when the server refuses the post', async () => {
    await postWish(backend, { title: '第二个心愿' }) // with 帮忙修理门锁: 2 in progress, so the form opens
    stubModal()
    renderPage(<PostPage />)
    await fillValid()
    await postWish(backend, { title: '第三个心愿' }) // meanwhile, from another device: now 3 in progress
    await tap('提交心愿')
    expect(await screen.findByText('您已有3个进行中的心愿，请等心愿完成或取消后再发布')).toBeTruthy()
    expect((await backend.call('demo-resident', 'wish', 'listMine', {})).items).toHaveLength(4) // with the closed 陪老人聊天
  })

  it('edits a rejected wish (?id=) and resubmits it, keeping its photos', async () => {
    const photo = await backend.upload('demo-resident', photoPath(9))
    const id = await rejectedWish(backend, '请写清楚需要什么', { title: '修东西', category: '其他', surname: '陈', honorific: '同学', photos: [photo] })
    setRouterParams({ id })
    renderPage(<PostPage />)
    expect(await screen.findByText('修改心愿')).toBeTruthy()
    expect(screen.getByText('上次未通过原因：请写清楚需要什么')).toBeTruthy()
    expect(screen.getByText('1/3')).toBeTruthy()
    await typeInto('心愿标题', '修厨房水龙头')
    await tap('重新提交')
    await waitFor(() => expect(backend.eventsFor('resubmit')).toHaveLength(1))
    expect(backend.eventsFor('resubmit')[0].input).toMatchObject({
      wishId: id,
      title: '修厨房水龙头',
      category: '其他',
      surname: '陈',
      honorific: '同学',
      contactPhone: '13900001111',
      photos: [photo],
    })
    expect(backend.eventsFor('post')).toHaveLength(0)
    await backend.settled()
    expect(await backend.call('demo-resident', 'wish', 'detail', { wishId: id })).toMatchObject({ title: '修厨房水龙头', status: 'pending_review' })
  })

  it('weapp: asks for the claimed-notice subscription (the id from user.me) inside the tap, before sending', async () => {
    renderPage(<PostPage />)
    await fillValid()
    const tapped = await tapOnWeapp(backend, '提交心愿', 'post', 'WISH_CLAIMED')
    // The id the wish function sends with, as user.me gives it (HEMEI_TPL_WISH_CLAIMED unset: the local default).
    expect(tapped).toEqual({ asked: [['local-tpl-wish-claimed']], sentBeforeAsk: 0, id: 'local-tpl-wish-claimed' })
  })

  it('h5: does not ask for a subscription', async () => {
    const sub = jest.spyOn(Taro, 'requestSubscribeMessage')
    renderPage(<PostPage />)
    await fillValid()
    await tap('提交心愿')
    await waitFor(() => expect(backend.eventsFor('post')).toHaveLength(1))
    expect(sub).not.toHaveBeenCalled()
  })
})

import Taro from '@tarojs/taro'
import PostPage from '@/packages/wish/pages/post'
import { setUploader } from '@/services/storage'
import { act, renderPage, screen, setRouterParams, stubModal, stubNavigation, tap, tapIn, typeInto, useFakeWish, waitFor } from './helpers'

function resident() {
  const f = useFakeWish('r1')
  f.wish.addUser({ openid: 'r1', communityId: 'junmen' })
  return f
}

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
  let uploads: string[]
  let redirect: jest.SpyInstance
  beforeEach(() => {
    nav = stubNavigation()
    redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation((() => Promise.resolve()) as never)
    uploads = []
    setUploader(async (cloudPath, filePath) => {
      uploads.push(cloudPath)
      return `cloud://env.local/${cloudPath}#${filePath}`
    })
  })

  it('shows a message under each missing field and sends nothing', async () => {
    const { wish } = resident()
    renderPage(<PostPage />)
    await tap('提交心愿')
    expect(screen.getByText('请填写心愿标题')).toBeTruthy()
    expect(screen.getByText('请描述您的心愿')).toBeTruthy()
    expect(screen.getByText('请选择心愿类别')).toBeTruthy()
    expect(screen.getByText('请填写您的姓氏，或选择匿名')).toBeTruthy()
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(screen.getByText('请填写地址')).toBeTruthy()
    expect(wish.eventsFor('post')).toHaveLength(0)
  })

  it('counts the title and refuses a bad phone', async () => {
    const { wish } = resident()
    renderPage(<PostPage />)
    await typeInto('心愿标题', '修门锁')
    expect(screen.getByText('3/30')).toBeTruthy()
    await fillValid()
    await typeInto('联系电话', '12345')
    await tap('提交心愿')
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(wish.eventsFor('post')).toHaveLength(0)
  })

  it('says contact is private', async () => {
    resident()
    renderPage(<PostPage />)
    expect(await screen.findByText('仅认领人和社区工作人员可见')).toBeTruthy()
  })

  it('adds at most 3 photos, uploading each to wishes/', async () => {
    resident()
    const choose = stubChooseImage(['blob:a', 'blob:b'], ['blob:c', 'blob:d'])
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
    expect(uploads.every((p) => /^wishes\/[a-z0-9]+\.jpg$/.test(p))).toBe(true)
    // Removing one makes room again.
    await act(async () => {
      screen.getAllByText('删除')[0].click()
    })
    expect(screen.getByText('2/3')).toBeTruthy()
    expect(screen.getByText('添加照片')).toBeTruthy()
  })

  it('submits the right input, then opens my wishes', async () => {
    const { wish } = resident()
    stubChooseImage(['blob:a'])
    renderPage(<PostPage />)
    await fillValid()
    await tapIn('称呼', '叔叔')
    expect(screen.getByText('心愿墙上显示为：林叔叔')).toBeTruthy()
    await tap('添加照片')
    await waitFor(() => expect(uploads).toHaveLength(1))
    await tap('提交心愿')
    await waitFor(() => expect(wish.eventsFor('post')).toHaveLength(1))
    expect(wish.eventsFor('post')[0].input).toEqual({
      title: '想请人修门锁',
      description: '家里门锁坏了，关不上门，想请人帮忙修一下。',
      category: '家电维修',
      nameStyle: 'surname',
      surname: '林',
      honorific: '叔叔',
      contactPhone: '13900001111',
      address: '军门社区3号楼501',
      photos: [`cloud://env.local/${uploads[0]}#blob:a`],
    })
    expect(wish.eventsFor('post')[0].requestId).toBeTruthy()
    expect(wish.wishes[0].status).toBe('pending_review')
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/wish/pages/mine/index' }))
  })

  it('anonymous wishes send no surname, and a needed-by date when chosen', async () => {
    const { wish } = resident()
    const { container } = renderPage(<PostPage />)
    await fillValid()
    await tapIn('称呼方式', '匿名')
    expect(screen.getByText('心愿墙上显示为：匿名居民')).toBeTruthy()
    const picker = container.querySelector('taro-picker-core')!
    await act(async () => {
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: '2099-03-01' }, bubbles: true }))
    })
    expect(screen.getByText('2099年3月1日')).toBeTruthy()
    await tap('提交心愿')
    await waitFor(() => expect(wish.eventsFor('post')).toHaveLength(1))
    const input = wish.eventsFor('post')[0].input as Record<string, unknown>
    expect(input).toMatchObject({ nameStyle: 'anonymous', neededBy: '2099-03-01' })
    expect(input).not.toHaveProperty('surname')
    expect(input).not.toHaveProperty('honorific')
  })

  it('shows CONTENT_RISKY in Chinese and keeps the form', async () => {
    const { wish } = resident()
    const modal = stubModal()
    renderPage(<PostPage />)
    await fillValid()
    await typeInto('心愿标题', '赌博')
    await tap('提交心愿')
    await waitFor(() => expect(wish.eventsFor('post')).toHaveLength(1))
    const msg = '内容含有不适宜发布的信息，请修改后再提交'
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe(msg)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: msg }))
    expect(redirect).not.toHaveBeenCalled()
    expect(wish.wishes).toHaveLength(0)
  })

  it('tells a resident with 3 unfinished wishes on opening, before she fills the form', async () => {
    const { wish } = resident()
    for (let i = 1; i <= 3; i++) wish.addWish({ id: `old${i}`, openid: 'r1', status: 'open' })
    renderPage(<PostPage />)
    expect(await screen.findByText('您已有3个进行中的心愿，请等心愿完成或取消后再发布')).toBeTruthy()
    expect(screen.queryByLabelText('心愿标题')).toBeNull()
    expect(screen.getByText('查看我的心愿')).toBeTruthy()
  })

  it('shows TOO_MANY_OPEN_WISHES in Chinese when the server refuses the post', async () => {
    const { wish } = resident()
    wish.refusals.set('post', 'TOO_MANY_OPEN_WISHES')
    stubModal()
    renderPage(<PostPage />)
    await fillValid()
    await tap('提交心愿')
    expect(await screen.findByText('您已有3个进行中的心愿，请等心愿完成或取消后再发布')).toBeTruthy()
    expect(wish.wishes).toHaveLength(0)
  })

  it('edits a rejected wish (?id=) and resubmits it, keeping its photos', async () => {
    const { wish } = resident()
    wish.addWish({ id: 'w9', openid: 'r1', status: 'rejected', reason: '请写清楚需要什么', title: '修东西', category: '其他', nameStyle: 'surname', surname: '陈', honorific: '同学', photos: ['cloud://env/wishes/p1.jpg'] })
    setRouterParams({ id: 'w9' })
    renderPage(<PostPage />)
    expect(await screen.findByText('修改心愿')).toBeTruthy()
    expect(screen.getByText('上次未通过原因：请写清楚需要什么')).toBeTruthy()
    expect(screen.getByText('1/3')).toBeTruthy()
    await typeInto('心愿标题', '修厨房水龙头')
    await tap('重新提交')
    await waitFor(() => expect(wish.eventsFor('resubmit')).toHaveLength(1))
    expect(wish.eventsFor('resubmit')[0].input).toMatchObject({
      wishId: 'w9',
      title: '修厨房水龙头',
      category: '其他',
      surname: '陈',
      honorific: '同学',
      contactPhone: '13900001111',
      photos: ['cloud://env/wishes/p1.jpg'],
    })
    expect(wish.eventsFor('post')).toHaveLength(0)
    expect(wish.wishes[0].status).toBe('pending_review')
  })

  it('weapp: asks for the claimed-notice subscription inside the tap, before sending', async () => {
    const prev = { env: process.env.TARO_ENV, tpl: process.env.TARO_APP_TPL_WISH_CLAIMED }
    const { wish } = resident()
    renderPage(<PostPage />)
    await fillValid()
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_TPL_WISH_CLAIMED = 'tpl-claimed'
    let postsAtAsk = -1
    const sub = jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((async () => {
      postsAtAsk = wish.eventsFor('post').length
      return { errMsg: 'requestSubscribeMessage:ok' }
    }) as never)
    try {
      await tap('提交心愿')
      await waitFor(() => expect(wish.eventsFor('post')).toHaveLength(1))
      expect(sub).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-claimed'] }))
      expect(postsAtAsk).toBe(0)
    } finally {
      process.env.TARO_ENV = prev.env
      if (prev.tpl === undefined) delete process.env.TARO_APP_TPL_WISH_CLAIMED
      else process.env.TARO_APP_TPL_WISH_CLAIMED = prev.tpl
    }
  })

  it('h5: does not ask for a subscription', async () => {
    const { wish } = resident()
    const sub = jest.spyOn(Taro, 'requestSubscribeMessage')
    renderPage(<PostPage />)
    await fillValid()
    await tap('提交心愿')
    await waitFor(() => expect(wish.eventsFor('post')).toHaveLength(1))
    expect(sub).not.toHaveBeenCalled()
  })
})

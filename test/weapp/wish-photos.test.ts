// Layer 3: wish photos in the real weapp build: the resident picks a photo (wx.chooseImage), it goes up with
// wx.cloud.uploadFile into the emulator's storage stand-in, the wish is posted with its fileID, and the detail
// page shows it from the URL the cloud resolved (cloud.getTempFileURL on the emulator).
import http from 'http'
import { uploadFolderOf } from '../../cloud/lib/ownerHash'
import { callAs, calls, env, renderPage, settle, taroNode, tinyPng, waitFor } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.chosenImages = []
  env.modalAnswer = { confirm: true, cancel: false }
})

const TITLE = '想请人帮忙修自行车'

/** GET a URL: status and content type. */
function head(url: string): Promise<{ status: number; type: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let bytes = 0
        res.on('data', (c) => (bytes += c.length))
        res.on('end', () => resolve({ status: res.statusCode || 0, type: String(res.headers['content-type'] || ''), bytes }))
      })
      .on('error', reject)
  })
}

test('a resident posts a wish with a photo; the detail page shows it from cloud storage', async () => {
  const post = renderPage('packages/wish/pages/post/index', { persona: 'demo-resident' })
  await settle(post)

  // closing the picker adds nothing
  await post.tap({ text: '添加照片' })
  await waitFor(() => calls('chooseImage').length === 1)
  await settle(post)
  expect(post.text()).toContain('0/3')
  expect(calls('cloud.uploadFile')).toEqual([])

  env.chosenImages = [tinyPng()]
  await post.tap({ text: '添加照片' })
  await waitFor(() => calls('cloud.uploadFile').length === 1)
  await waitFor(() => post.text().includes('1/3') && !post.text().includes('正在上传'))
  expect(calls('chooseImage')[1]).toMatchObject({ count: 3 })
  // into the resident's own folder, which the page learnt from `me` (the cloud accepts no other)
  const folder = uploadFolderOf('demo-resident')
  expect(calls('cloud.uploadFile')[0].cloudPath).toMatch(new RegExp(`^${folder}/[A-Za-z0-9_-]+\\.png$`))
  expect(post.all('wx-image')).toHaveLength(1)

  const [title, surname, phone, address] = post.all('wx-input')
  await post.trigger(title, 'input', { value: TITLE, cursor: TITLE.length, keyCode: 0 })
  await post.trigger('wx-textarea', 'input', { value: '自行车链条掉了，后胎也没气，想请会修车的邻居帮忙看看。', cursor: 5, keyCode: 0 })
  await post.tap({ text: '家电维修' })
  await post.trigger(surname, 'input', { value: '林', cursor: 1, keyCode: 0 })
  await post.trigger(phone, 'input', { value: '13905910011', cursor: 11, keyCode: 0 })
  await post.trigger(address, 'input', { value: '军门社区 白水井路 12 号 3 单元 201', cursor: 5, keyCode: 0 })
  await post.tap({ text: '提交心愿' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已提交审核'))
  const sent = env.cloudCalls.find((c) => c.data?.action === 'post')!
  expect(sent.data.input.photos).toEqual([expect.stringMatching(new RegExp(`^cloud://[^/]+/${folder}/[A-Za-z0-9_-]+\\.png$`))])
  expect(sent.result).toMatchObject({ ok: true })
  const wishId = sent.result.data.id
  expect(await callAs('demo-staff', 'wish', { action: 'review', input: { wishId, decision: 'approve' }, requestId: 'weapp-photo-review-1' })).toMatchObject({ ok: true })
  // Others see the photo once WeChat's image check (the emulator's stand-in, a moment later) has passed it.
  await waitFor(async () => (await callAs('demo-resident', 'wish', { action: 'detail', input: { wishId } })).data?.photoStates?.[0] === 'pass', { interval: 50 })

  const detail = renderPage('packages/wish/pages/detail/index', { persona: 'demo-volunteer', query: { id: wishId } })
  const text = await settle(detail)
  expect(text).toContain(TITLE)
  expect(text).toContain('点击照片可查看大图')
  const photos = env.cloudCalls.find((c) => c.data?.action === 'detail')!.result.data.photos
  expect(photos).toEqual([expect.stringMatching(/^https?:\/\//)])
  const images = detail.all('wx-image')
  expect(images).toHaveLength(1)
  // the image the page shows is the URL the cloud resolved, and it serves the PNG
  expect(Object.values(taroNode(detail, images[0]) || {})).toContain(photos[0])
  const got = await head(photos[0])
  expect(got).toMatchObject({ status: 200, type: expect.stringContaining('image/png') })
  expect(got.bytes).toBeGreaterThan(0)

  // tapping it previews it full size
  await detail.tap(images[0])
  await waitFor(() => calls('previewImage').length === 1)
  expect(calls('previewImage')[0]).toMatchObject({ urls: photos, current: photos[0] })
  expect(env.errors).toEqual([])
})

test('the volunteer fulfils a claimed wish with a photo; everyone sees it with the fulfilment', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-volunteer', query: { id: 'wish-demo-schoolbag' } })
  await settle(page)
  await page.tap({ text: '完成心愿' })
  await waitFor(() => page.texts('.hm-h2').includes('完成心愿'))
  env.chosenImages = [tinyPng()]
  await page.tap({ text: '添加照片（可不加）' })
  await waitFor(() => page.text().includes('已添加照片'))
  await page.trigger('wx-textarea', 'input', { value: '买了新书包送到张叔叔家，孙子很喜欢。', cursor: 5, keyCode: 0 })
  await page.tap({ text: '提交完成' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已提交完成'))
  const fulfil = env.cloudCalls.find((c) => c.data?.action === 'fulfil')!
  expect(fulfil.data.input.photo).toMatch(new RegExp(`^cloud://[^/]+/${uploadFolderOf('demo-volunteer')}/[A-Za-z0-9_-]+\\.png$`))
  expect(fulfil.result).toMatchObject({ ok: true, data: { status: 'fulfilled' } })
  // Others see the photo once its image check has passed.
  const checked = async () => (await callAs('demo-volunteer', 'wish', { action: 'detail', input: { wishId: 'wish-demo-schoolbag' } })).data?.fulfilment?.photoState === 'pass'
  await waitFor(checked, { interval: 50 })

  const other = renderPage('packages/wish/pages/detail/index', { persona: 'demo-resident', query: { id: 'wish-demo-schoolbag' } })
  const text = await settle(other)
  expect(text).toContain('买了新书包送到张叔叔家')
  const photo = env.cloudCalls.find((c) => c.data?.action === 'detail')!.result.data.fulfilment.photo
  expect(photo).toMatch(/^https?:\/\//)
  expect(other.all('wx-image')).toHaveLength(1)
  expect(Object.values(taroNode(other, other.all('wx-image')[0]) || {})).toContain(photo)
  expect((await head(photo)).status).toBe(200)
  expect(env.errors).toEqual([])
})

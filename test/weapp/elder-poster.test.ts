// Layer 3: the poster in the real weapp build. 保存到相册 draws the week on the page's type="2d" Canvas (the test
// answers the selector query with a canvas whose 2d context records every call), then canvasToTempFilePath and
// saveImageToPhotosAlbum, asking for the album permission first; after a refusal it explains and offers the settings.
import { addDays, chinaDay } from '../../cloud/lib/dates'
import type { ActivityDoc } from '../../cloud/domain/elder/model'
import { testNow } from '../clock'
import { stageDocs } from '../support/stageDocs'
import { calls, env, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'

const emulator = withEmulator()
const ROUTE = 'packages/elder-staff/pages/poster/index'
type Dict = Record<string, any>

/** A daily activity of 军门社区 running since a month ago (so every day of this week has it). */
async function stageDaily(title: string, startTime: string): Promise<void> {
  const at = new Date(testNow() - 40 * 86_400_000)
  const a: ActivityDoc = {
    _id: `act-weapp-${Math.random().toString(36).slice(2, 10)}`,
    communityId: 'junmen',
    title,
    category: '运动',
    host: '李师傅',
    description: '',
    segments: [{ from: addDays(chinaDay(testNow()), -30), kind: 'daily', startTime, durationMin: 60, place: '广场', capacity: null, signupRequired: false }],
    status: 'active',
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
  }
  await stageDocs(emulator().control, [{ coll: 'eld_activities', doc: a }])
}

/** Answers the page's selector query with a 2d canvas whose context records its calls; fakes the album APIs. */
function fakeCanvasAndAlbum(album: { granted?: boolean; refuse?: boolean; settingsGrant?: boolean }) {
  const wx = (global as Dict).wx
  const ops: { op: string; args: unknown[] }[] = []
  const ctx: Dict = new Proxy(
    {},
    {
      get:
        (_t, key: string) =>
        (...args: unknown[]) =>
          void ops.push({ op: key, args }),
      set: (_t, key: string, value) => (ops.push({ op: `set:${key}`, args: [value] }), true),
    },
  )
  const canvas: Dict = {
    width: 0,
    height: 0,
    getContext: (type: string) => (type === '2d' ? ctx : null),
    createImage: () => {
      const img: Dict = {}
      Object.defineProperty(img, 'src', { set: (v: string) => ((img._src = v), setTimeout(() => img.onload?.(), 0)), get: () => img._src })
      return img
    },
  }
  const selected: string[] = []
  wx.createSelectorQuery = () => {
    const q: Dict = {
      select: (sel: string) => (selected.push(sel), q),
      fields: () => q,
      exec: (cb: (res: unknown[]) => void) => setTimeout(() => cb([{ node: canvas, width: 1240, height: 1754 }]), 0),
    }
    return q
  }
  const asyncApi = (api: string, answer: (opts: Dict) => Dict | Error) => (opts: Dict) => {
    const { success, fail, complete, ...args } = opts
    env.calls.push({ api, args })
    setTimeout(() => {
      const res = answer(args)
      if (res instanceof Error) fail?.({ errMsg: `${api}:fail ${res.message}` })
      else success?.({ errMsg: `${api}:ok`, ...res })
      complete?.({})
    }, 0)
  }
  wx.canvasToTempFilePath = asyncApi('canvasToTempFilePath', () => ({ tempFilePath: 'wxfile://tmp/poster.png' }))
  wx.getSetting = asyncApi('getSetting', () => ({ authSetting: album.granted === undefined ? {} : { 'scope.writePhotosAlbum': album.granted } }))
  wx.authorize = asyncApi('authorize', () => (album.refuse ? new Error('auth deny') : {}))
  wx.openSetting = asyncApi('openSetting', () => ({ authSetting: { 'scope.writePhotosAlbum': !!album.settingsGrant } }))
  wx.saveImageToPhotosAlbum = asyncApi('saveImageToPhotosAlbum', () => ({}))
  return { ops, canvas, selected }
}

const order = () =>
  env.calls.map((c) => c.api).filter((a) => ['downloadFile', 'canvasToTempFilePath', 'getSetting', 'authorize', 'openSetting', 'saveImageToPhotosAlbum', 'showModal'].includes(a))

test('保存到相册 draws the week on the 2d canvas, exports it and saves it to the album after asking once', async () => {
  await stageDaily('八段锦', '07:00')
  await stageDaily('太极拳', '08:30')
  const page = renderPage(ROUTE, { persona: 'demo-staff', query: { week: 'this' } })
  await waitFor(() => page.text().includes('太极拳'))
  await settle(page)
  expect(page.text()).toContain('军门社区 长者活动安排')
  const { ops, canvas, selected } = fakeCanvasAndAlbum({})
  await page.tap({ text: '保存到相册' })
  await waitFor(() => calls('saveImageToPhotosAlbum').length === 1)
  expect(order()).toEqual(['downloadFile', 'canvasToTempFilePath', 'getSetting', 'authorize', 'saveImageToPhotosAlbum'])
  expect(selected).toEqual(['#elder-poster-canvas'])
  expect([canvas.width, canvas.height]).toEqual([1240, 1754])
  // What was drawn: the heading, every day's lines with both titles, and the code image.
  const texts = ops.filter((o) => o.op === 'fillText').map((o) => String(o.args[0]))
  expect(texts[0]).toBe('军门社区 长者活动安排')
  expect(texts.filter((t) => t.includes('八段锦'))).toHaveLength(7)
  expect(texts.filter((t) => t.includes('太极拳'))).toHaveLength(7)
  expect(ops.filter((o) => o.op === 'drawImage')).toHaveLength(1)
  const poster = env.cloudCalls.find((c) => c.name === 'elder' && c.data.action === 'poster')!
  expect(calls('downloadFile')[0].url).toBe(poster.result.data.code.url)
  expect(calls('canvasToTempFilePath')[0].canvas).toBe(canvas)
  expect(calls('saveImageToPhotosAlbum')[0]).toEqual({ filePath: 'wxfile://tmp/poster.png' })
  expect(calls('authorize')[0]).toEqual({ scope: 'scope.writePhotosAlbum' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已保存到相册'))
  expect(env.errors).toEqual([])
})

test('after a refusal: the page explains and opens the settings; saved once the permission is on, not otherwise', async () => {
  await stageDaily('合唱练习', '09:30')
  const page = renderPage(ROUTE, { persona: 'demo-staff', query: { week: 'next' } })
  await waitFor(() => page.text().includes('合唱练习'))
  await settle(page)
  fakeCanvasAndAlbum({ granted: false, settingsGrant: true })
  env.modalAnswer = { confirm: true, cancel: false }
  await page.tap({ text: '保存到相册' })
  await waitFor(() => calls('saveImageToPhotosAlbum').length === 1)
  expect(order()).toEqual(['downloadFile', 'canvasToTempFilePath', 'getSetting', 'showModal', 'openSetting', 'saveImageToPhotosAlbum'])
  expect(calls('showModal')[0].content).toContain('相册')

  env.calls.length = 0
  fakeCanvasAndAlbum({ refuse: true })
  env.modalAnswer = { confirm: false, cancel: true }
  await page.tap({ text: '保存到相册' })
  await waitFor(() => calls('showModal').length === 2)
  await settle(page)
  expect(order()).toEqual(['downloadFile', 'canvasToTempFilePath', 'getSetting', 'authorize', 'showModal', 'showModal'])
  expect(calls('showModal')[1].content).toContain('海报未保存')
  expect(calls('saveImageToPhotosAlbum')).toHaveLength(0)
  env.modalAnswer = { confirm: true, cancel: false }
  expect(env.errors).toEqual([])
})

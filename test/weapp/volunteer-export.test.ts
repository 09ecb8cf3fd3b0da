// Layer 3 (issue 10, part D2): the volunteer exports in the real weapp build. 导出本月服务记录 on the staff confirm
// page and 导出我的记录 on the record page download the file and open it with wx.openDocument (xlsx, with its menu).
import fs from 'fs'
import { calls, env, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'
import { stageDocs } from '../support/stageDocs'
import { PRIVACY_VERSION } from '../../src/contracts/user'

const emulator = withEmulator()

/** The export call's file, downloaded then opened: the same bytes as the stored xlsx. */
async function expectOpened(action: string, nameEnd: RegExp) {
  await waitFor(() => calls('openDocument').length === 1)
  const order = env.calls.map((c) => c.api).filter((api) => api === 'downloadFile' || api === 'openDocument')
  expect(order).toEqual(['downloadFile', 'openDocument'])
  const exported = env.cloudCalls.find((c) => c.name === 'export')!
  expect(exported.data.action).toBe(action)
  expect(exported.result.ok).toBe(true)
  const [download] = calls('downloadFile')
  expect(download.url).toBe(exported.result.data.url)
  expect(download.filePath).toMatch(nameEnd)
  const [open] = calls('openDocument')
  expect(open).toMatchObject({ filePath: download.filePath, fileType: 'xlsx', showMenu: true })
  const opened = fs.readFileSync(open.filePath)
  expect(opened.subarray(0, 2).toString()).toBe('PK')
  expect(opened.equals(Buffer.from(await (await fetch(download.url)).arrayBuffer()))).toBe(true)
  return exported
}

test('导出本月服务记录 on the staff confirm page downloads the month and opens it', async () => {
  const page = renderPage('packages/volunteer-staff/pages/confirm/index', { persona: 'demo-staff' })
  await settle(page)
  await page.tap({ text: '导出本月服务记录' })
  const exported = await expectOpened('volunteerMonth', /-志愿服务记录-军门社区\.xlsx$/)
  expect(exported.data.input).toMatchObject({ communityId: 'junmen', month: expect.stringMatching(/^\d{4}-\d{2}$/) })
  await settle(page)
  expect(page.text()).toContain('已导出')
  expect(env.errors).toEqual([])
})

test('导出我的记录 on the record page downloads my record (平台记录) and opens it', async () => {
  const openid = `weapp-vol-${Math.random().toString(36).slice(2, 8)}`
  const at = new Date()
  await stageDocs(emulator().control, [
    {
      coll: 'users',
      doc: {
        _id: openid,
        nickname: '林志明',
        communityId: 'junmen',
        privacyVersion: PRIVACY_VERSION,
        privacyAgreedAt: at,
        volunteerStatus: 'approved',
        volunteer: { realName: '林志明', birthDate: '1970-01-01', trainingTags: [], number: 'JM-W0001', approvedAt: at },
        staffCommunityIds: [],
        createdAt: at,
        updatedAt: at,
      } as { _id: string },
    },
    {
      coll: 'vol_ledger',
      doc: {
        _id: `entry-${openid}`,
        openid,
        volunteerName: '林志明',
        volunteerNo: 'JM-W0001',
        communityId: 'junmen',
        organiser: '军门社区',
        source: 'live',
        serviceDate: '2026-01-10',
        startTime: '09:00',
        endTime: '11:00',
        place: '军门社区广场',
        serviceType: '社区服务',
        content: '社区服务：环境清洁',
        minutes: 120,
        confirmedBy: 'demo-staff',
        confirmedByName: '郑社工',
        confirmedAt: at,
        requestId: `weapp-${openid}`,
      } as { _id: string },
    },
    { coll: 'vol_summaries', doc: { _id: openid, liveMinutes: 120, backfillMinutes: 0, byYear: { 2026: 120 }, backfillByYear: {}, entries: 1, updatedAt: at } as { _id: string } },
  ])
  const page = renderPage('packages/volunteer/pages/record/index', { persona: openid })
  await waitFor(() => page.text().includes('导出我的记录'))
  await page.tap({ text: '导出我的记录' })
  const exported = await expectOpened('volunteerRecord', /志愿服务平台记录-林志明\.xlsx$/)
  expect(exported.data.input).toEqual({})
  expect(exported.result.data.rows).toBe(1)
  expect(env.errors).toEqual([])
})

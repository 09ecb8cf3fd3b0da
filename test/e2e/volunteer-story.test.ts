// The volunteer service's story in a real browser (issue 10, "Browser e2e, as new users would"), one long story on
// two phones: 郑社工 publishes a slot of a project → 陈志远 finds it from the home tile and signs up → at the slot,
// 郑社工 opens 签到码 from the project's slot and 陈志远 types the 6 digits from 我的服务 → 去签到, then checks out
// with the 签退码 → after the slot 郑社工 confirms from the slot's 确认时长 → 陈志远's record (from 我的) shows the
// hours, the star progress and 平台记录 → 郑社工 exports the month from the workbench and the file opens. Screenshots
// of the record at normal and large font. The emulator's clock is
// moved forward (advanceClock) to the next China day's 07:30 and then through the slot, so it passes at any hour.
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { addDays, chinaDay, nowMs } from '../../cloud/lib/dates'
import { callAs, clockTo } from './backstage'
import { choosePersona, current, fill, goTab, openAsStaff, toastGone } from './app'
import { appMounted, confirmModal, openApp, see, story, tap, useStack } from './harness'
import { requireChineseFontForScreenshots, shot } from './screenshots'

beforeAll(requireChineseFontForScreenshots)
const stack = useStack()

/** The 6 digits 签到码 shows now. */
async function digits(page: Page): Promise<string> {
  const el = current(page).locator('[data-testid="slot-code-digits"]')
  await el.waitFor({ state: 'visible' })
  const code = ((await el.textContent()) || '').trim()
  expect(code).toMatch(/^\d{6}$/)
  return code
}

test('staff publish a slot, a volunteer signs up, checks in and out with the codes, staff confirm, the record shows the hours, staff export the month', async () => {
  // The project exists (making one is part A's page test); the slot is published in the browser.
  await callAs(stack, 'demo-staff', 'volunteer', 'saveProject', {
    communityId: 'junmen',
    title: '河道清洁行动',
    description: '清理白马河沿岸的垃圾。',
    serviceType: '环境保护',
    place: { name: '白马河公园', lat: 26.0872, lng: 119.3015, radiusM: 200 },
    requirements: { trainingTags: [], insuranceRequired: false },
    contactName: '郑社工',
    contactPhone: '13905910001',
  })
  const day = addDays(chinaDay(nowMs()), 1)
  await clockTo(stack, day, '07:30')

  const staff = await stack.newPage()
  const volunteer = await stack.newPhone()
  await story(staff, 'volunteer-story', async () => {
    // 1. Staff publish a slot: 我的 → 志愿服务项目 → the project → 发布班次 (09:00–11:00 by default).
    await openAsStaff(stack, staff)
    await tap(current(staff), '志愿服务项目')
    await tap(current(staff), '河道清洁行动')
    const project = current(staff)
    await see(project, '发布班次')
    await fill(project, '例如 2026-12-05', day)
    await tap(project, /^发布$/)
    await see(project, `${day} 09:00–11:00`)
    await toastGone(staff)

    // 2. A volunteer signs up: 首页 → 志愿服务 → the slot → 报名.
    await openApp(stack, volunteer)
    await choosePersona(volunteer, '陈志远（志愿者）')
    await goTab(volunteer, '首页')
    await tap(current(volunteer), '志愿服务')
    await tap(current(volunteer), '河道清洁行动')
    await tap(current(volunteer), /^报名$/)
    await see(current(volunteer), '取消报名')
    await toastGone(volunteer)

    // 3. At the slot: staff open 签到码 from the project's slot; the volunteer goes 我的 → 我的服务 → 去签到.
    await clockTo(stack, day, '09:05')
    await staff.reload()
    await appMounted(staff)
    await tap(current(staff), '签到码')
    const inCode = await digits(staff)
    await goTab(volunteer, '我的')
    await tap(current(volunteer), '我的服务')
    await tap(current(volunteer), '去签到')
    const checkin = current(volunteer)
    await see(checkin, '已报名')
    await fill(checkin, '6位数字', inCode)
    await tap(checkin, '提交签到码')
    await see(checkin, '已签到')

    await clockTo(stack, day, '10:55')
    await tap(current(staff), '签退码')
    await see(current(staff), /签退”扫码签退/)
    const outCode = await digits(staff)
    await fill(checkin, '6位数字', outCode)
    await tap(checkin, '提交签退码')
    await see(checkin, '已签退')

    // 4. After the slot, staff confirm from the slot's 确认时长: 09:05–10:55 is 1.8 hours.
    await clockTo(stack, day, '11:30')
    await staff.goBack()
    await appMounted(staff)
    await tap(current(staff), '确认时长')
    const confirm = current(staff)
    await see(confirm, /^陈志远/)
    await tap(confirm, '批量确认（1 人）')
    await confirmModal(staff, '确认')
    await see(confirm, '已确认')

    // 5. The volunteer's record, from 我的: the hours, the star progress, 平台记录.
    await goTab(volunteer, '我的')
    await tap(current(volunteer), '我的志愿记录')
    const totals = current(volunteer).locator('[data-testid="record-totals"]')
    await see(totals, '服务时长（平台记录）')
    await see(totals, '平台确认时长：1.8 小时')
    await see(totals, '距 1 星（100 小时）还差 98.2 小时，进度 1%')
    await see(current(volunteer), /河道清洁行动/)
    await shot(volunteer, 'volunteer-record')

    await callAs(stack, 'demo-volunteer', 'user', 'updateProfile', { largeFont: true })
    await volunteer.reload()
    await appMounted(volunteer)
    await see(current(volunteer).locator('[data-testid="record-totals"]'), '平台确认时长：1.8 小时')
    await current(volunteer).locator('.hm-large').first().waitFor()
    await shot(volunteer, 'volunteer-record-large')

    // 6. Staff export the month from the workbench's 待确认的服务时长 → 导出本月服务记录, and the file opens.
    await goTab(staff, '首页')
    await tap(current(staff), '工作台')
    await tap(current(staff), '待确认的服务时长')
    await tap(current(staff), '导出本月服务记录')
    const link = current(staff).locator('[data-testid="export-link"]')
    await link.waitFor({ state: 'visible' })
    const [download] = await Promise.all([staff.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe(`${day.slice(0, 7)}-志愿服务记录-军门社区.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path())!)
    const sheet = wb.getWorksheet('服务记录')!
    const rows = sheet.getSheetValues().slice(2) as unknown[][]
    const header = sheet.getRow(1).values as unknown[]
    const row = rows.find((r) => r && r[header.indexOf('姓名')] === '陈志远')
    expect(row).toBeDefined()
    expect(row![header.indexOf('服务内容')]).toEqual(expect.stringContaining('河道清洁行动'))
    expect(row![header.indexOf('服务时长（小时）')]).toBe(1.8)
  })
})

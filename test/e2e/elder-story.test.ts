// Elder activities in a real browser (issue 12, "Browser e2e, as new users would"), one long story on two phones:
// 郑社工 creates a weekly activity (合唱, 20 places, sign-up needed) → a brand-new user opens 长者活动 from home, adds
// her mother as a family-managed profile and signs her up for today's 合唱 from the week view, which then shows it
// (and axe finds no serious or critical violation there, in the always-large elder pages) → just before it starts
// 郑社工 ticks her on the roster, which says who signed her up, and adds a walk-in by name → the week's poster prints
// to one A4 portrait page holding the week's titles and the community's name (read back with pdfjs).
// The activity starts 40–45 minutes after the story begins, on today's weekday: the emulator's clock moves only
// half an hour (each minute it moves fires the scheduler once), or first to 00:05 when the evening is too late for
// a one-hour activity; so the story passes at any hour of any day. Screenshots: elder-week, elder-signup,
// elder-roster, elder-poster.
import type { Locator, Page } from 'playwright-core'
import { addDays, chinaDay, chinaTime, nowMs } from '../../cloud/lib/dates'
import { WEEKDAY_LABELS, isoWeekdayOf } from '../../src/contracts/weekdays'
import { audit, blocking } from './axe'
import { callAs, clockTo } from './backstage'
import { current, fill, goTab, openAsStaff, signUpAsNewUser, toastGone } from './app'
import { appMounted, openApp, see, story, tap, timed, useStack } from './harness'
import { readPdf } from './pdf'
import { requireChineseFontForScreenshots, shot } from './screenshots'

beforeAll(requireChineseFontForScreenshots)
const stack = useStack()

const COMMUNITY = '军门社区'
/** The activities: the one staff create in the browser, and a daily one made beforehand. */
const [CHOIR, TAICHI] = ['合唱', '太极拳']
/** The people: the new user, her mother (a family-managed profile), and a walk-in. */
const [DAUGHTER, MOTHER, WALK_IN] = ['王丽', '张秀英', '李大爷']
const MINUTE = 60_000
/** A4 portrait in PDF points (210 × 297 mm). */
const A4_PT = { width: 595, height: 842 }

/** Types into the text field whose accessible name (its label) is `label`. */
async function fillLabelled(scope: Locator, label: string, value: string): Promise<void> {
  // Taro puts the name on its <taro-input-core> / <taro-textarea-core>; type into the real field inside it.
  const name = `[aria-label="${label}"]`
  const input = scope.locator(`:is(input, textarea)${name}, ${name} :is(input, textarea)`).locator('visible=true').first()
  await input.waitFor({ state: 'visible' })
  await input.click()
  await input.fill(value)
}

/** The week view's block of one day, by its header (e.g. 明天 · 周二 12月1日). */
function dayBlock(page: Page, header: RegExp): Locator {
  return current(page)
    .locator('[data-testid="elder-day"]')
    .filter({ has: page.getByText(header) })
}

/** Text without its white space (a PDF's text runs keep or drop the spaces between words). */
const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, '')

/**
 * Prints the page as Chromium's print to PDF does (print media, the page size its CSS asks for), once its images
 * (the poster's code) have loaded; reads the PDF back and checks it is ONE A4 portrait page. Returns its text.
 */
async function printed(page: Page): Promise<string> {
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0))
  await page.emulateMedia({ media: 'print' })
  const pdf = await timed('print to PDF', () => page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })
  const pages = await readPdf(new Uint8Array(pdf))
  expect(pages).toHaveLength(1)
  expect(Math.abs(pages[0].width - A4_PT.width)).toBeLessThanOrEqual(1)
  expect(Math.abs(pages[0].height - A4_PT.height)).toBeLessThanOrEqual(1)
  return pages[0].text
}

test('staff create a weekly activity, a daughter signs up her mother, staff check her in and add a walk-in, the poster prints on one A4 page', async () => {
  if (chinaTime(nowMs()) >= '22:00') await clockTo(stack, addDays(chinaDay(nowMs()), 1), '00:05')
  const startMs = Math.ceil((nowMs() + 40 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE
  const today = chinaDay(startMs)
  const start = chinaTime(startMs)
  // Every week on today's weekday and three days later's, e.g. 每周日、周三 18:45.
  const weekdays = [isoWeekdayOf(today), isoWeekdayOf(addDays(today, 3))].sort((a, b) => a - b)
  // A second activity, every day, so next week's poster is a full week (making one in the browser is step 1's job).
  await callAs(stack, 'demo-staff', 'elder', 'saveActivity', {
    communityId: 'junmen',
    title: TAICHI,
    category: '运动',
    host: '陈师傅',
    description: '',
    rule: { kind: 'daily', from: today, startTime: '07:00', durationMin: 60, place: '白马河公园', capacity: null, signupRequired: false },
  })

  const staff = await stack.newPage()
  const family = await stack.newPhone()
  await story(staff, 'elder-story', async () => {
    // 1. Staff create the activity: 我的 → 长者活动管理 → 新建活动.
    await openAsStaff(stack, staff)
    await tap(current(staff), '长者活动管理')
    await tap(current(staff), '新建活动')
    const form = current(staff)
    await see(form, '新建长者活动')
    await fillLabelled(form, '活动名称', CHOIR)
    await tap(form, '文娱')
    await fillLabelled(form, '带领人（如社区达人）', '林老师')
    await fillLabelled(form, '活动介绍', '一起唱老歌，欢迎爱唱歌的长者。')
    for (const d of weekdays) await tap(form, WEEKDAY_LABELS[d])
    for (const d of weekdays) await see(form, `✓ ${WEEKDAY_LABELS[d]}`)
    await fill(form, '例如 2026-12-05', today)
    await fill(form, '09:30', start)
    await fillLabelled(form, '地点', '社区活动中心二楼')
    await fillLabelled(form, '名额（不填为不限）', '20')
    await see(form, '✓ 需要报名')
    await tap(form, '保存活动')
    const activity = current(staff)
    await see(activity, new RegExp(`^每${weekdays.map((d) => WEEKDAY_LABELS[d]).join('、')} ${start}`))
    await see(activity, '接下来的场次')
    await toastGone(staff)

    // 2. A daughter, new to the app, signs up her mother: 首页 → 长者活动 → today's 合唱 → 为家人报名 → 添加家人.
    await openApp(stack, family)
    await signUpAsNewUser(family, COMMUNITY, DAUGHTER)
    await tap(current(family), '长者活动')
    const todayRow = dayBlock(family, /^今天 · /)
      .locator('[data-testid="elder-occurrence"]')
      .filter({ hasText: CHOIR })
    await see(todayRow, '余 20 位')
    await todayRow.click()
    const occurrence = current(family)
    await see(occurrence, '带领：林老师')
    await tap(occurrence, '为家人报名')
    await see(occurrence, '您还没有添加家人。')
    await tap(occurrence, '添加家人')
    const profiles = current(family)
    await see(profiles, '还没有添加家人')
    await tap(profiles, '添加家人')
    await fillLabelled(profiles, '长者姓名', MOTHER)
    await fillLabelled(profiles, '年龄', '78')
    await fillLabelled(profiles, '手机号（选填）', '13805910002')
    await tap(profiles, '已征得长者本人同意')
    await see(profiles, '✓ 已征得长者本人同意')
    await tap(profiles, '保存')
    await see(profiles, `已添加 ${MOTHER}`)
    await see(profiles, '78 岁 · 13805910002')
    await timed('back to the occurrence', () => family.goBack())
    const back = current(family)
    await tap(back, `为${MOTHER}报名`)
    await see(back, `${MOTHER} 报名成功`)
    await see(back, `${MOTHER}：已报名（家属代报名）`)
    await see(back, '余 19 位')
    await shot(family, 'elder-signup')

    // The week view shows it; axe finds nothing serious there (the elder pages are always large).
    await timed('back to the week', () => family.goBack())
    await see(todayRow, `已为${MOTHER}报名`)
    await see(todayRow, '余 19 位')
    await current(family).locator('.hm-page.hm-large').waitFor()
    await shot(family, 'elder-week')
    expect(blocking('week view', await audit(family))).toEqual([])

    // 3. Ten minutes before the start staff open the roster from the activity's occurrence, tick her and add a walk-in.
    await clockTo(stack, today, chinaTime(startMs - 10 * MINUTE))
    await goTab(staff, '我的')
    await tap(current(staff), '长者活动管理')
    await tap(current(staff), CHOIR)
    const occurrenceRow = current(staff)
      .locator('[data-testid="staff-occurrence"]')
      .filter({ hasText: `${today} ${start}` })
    await see(occurrenceRow, '社区活动中心二楼 · 已报名 1/20')
    await tap(occurrenceRow, '名单')
    const roster = current(staff)
    const motherRow = roster.locator('[data-testid="roster-row"]').filter({ hasText: MOTHER })
    await see(motherRow, `家属代报名 · ${DAUGHTER}`)
    await tap(motherRow, `签到 ${MOTHER}`)
    await see(motherRow, /^已签到 \d\d:\d\d$/)
    await fill(roster, '姓名', WALK_IN)
    await tap(roster, '按姓名添加')
    await see(roster.locator('[data-testid="walk-in"]'), new RegExp(`^${WALK_IN} · \\d\\d:\\d\\d$`))
    await see(roster, '已报名 1 人，已签到 1 人，现场参加 1 人，共到场 2 人')
    await shot(staff, 'elder-roster')

    const rosterRoute = staff.url()

    // 4. The week's poster, from the activity's 本周海报: on screen, then printed to PDF as the 打印 button would;
    // then next week's, a full week (太极拳 every day, 合唱 twice).
    await timed('back to the activity', () => staff.goBack())
    await tap(current(staff), '本周海报')
    const poster = current(staff).locator('[data-testid="elder-poster"]')
    await see(poster, `${COMMUNITY} 长者活动安排`)
    await see(poster, new RegExp(`${start} +${CHOIR} +社区活动中心二楼`))
    await see(poster, new RegExp(`07:00 +${TAICHI} +白马河公园`))
    const thisWeek = await printed(staff)
    for (const text of [COMMUNITY, CHOIR, TAICHI, '社区活动中心二楼']) expect(thisWeek).toContain(text)

    const thisWeekLine = await poster.locator('.elder-poster-week').textContent()
    await tap(current(staff), '下周')
    await staff.waitForFunction((before) => {
      const shown = Array.from(document.querySelectorAll('[data-testid="elder-poster"]')).filter((e) => e.getClientRects().length > 0)
      const p = shown[shown.length - 1]
      return !!p && p.querySelector('.elder-poster-week')?.textContent !== before && p.querySelectorAll('[data-testid="poster-item"]').length === 9
    }, thisWeekLine)
    const items = poster.locator('[data-testid="poster-item"]')
    await shot(staff, 'elder-poster')
    // Every line of the week on screen is on the one printed page.
    const nextWeek = squeeze(await printed(staff))
    expect(nextWeek).toContain(squeeze(`${COMMUNITY} 长者活动安排`))
    for (const line of await items.allTextContents()) expect(nextWeek).toContain(squeeze(line))

    // The roster again in 大字模式 (staff pages follow the setting), for the README.
    await callAs(stack, 'demo-staff', 'user', 'updateProfile', { largeFont: true })
    await staff.goto('about:blank')
    await staff.goto(rosterRoute)
    await appMounted(staff)
    await current(staff).locator('.hm-page.hm-large').waitFor()
    await see(current(staff), '已报名 1 人，已签到 1 人，现场参加 1 人，共到场 2 人')
    await shot(staff, 'elder-roster-large')
  })
})

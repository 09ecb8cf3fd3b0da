// The 4 o'clock school's story in a real browser (issue 11, "Browser e2e, as new users would"), one long story on four
// phones: 郑社工 creates a 先到先得 session with 2 places from 四点钟学校管理 and assigns 陈志远 to the station → two
// families take the places (staged through the app's HTTP API, as the app's client calls it, to keep the story
// short: a new family 张 and 林阿姨 for her grandchild) → a brand-new parent signs up (privacy, 军门社区), opens the
// 四点钟学校 tile, reads and consents to 儿童个人信息处理规则, adds the child and an authorised pick-up adult, enrols
// and is 候补第 1 位 → 林阿姨 cancels on her phone (with the confirmation) → the parent's 我的报名 shows the offer and
// accepts it (已录取) → on the next session day at 15:50, 陈志远 opens the roster from the session page (names masked)
// and checks the child in; at 17:30 he chooses the pick-up adult, a wrong code is refused, the right one accepted →
// the parent's 到校和接送记录 shows arrived at, picked up at and by whom. Screenshots of the session page, the family
// view and the roster, at normal and large font. The enrolment window opens at 00:00 today (China) and the emulator's
// clock jumps to the next weekday's 15:50 and 17:30 (advanceClock without the scheduler's runs on the way: the story's
// subject is not a job), so it passes at any hour.
import type { Locator, Page } from 'playwright-core'
import { addDays, chinaDay, nowMs } from '../../cloud/lib/dates'
import { ATTENDANCE_MESSAGES, CHILD_POLICY_VERSION, ENROLMENT_STATUS_LABELS, PRIVACY_VERSION } from '../../src/contracts'
import { isoWeekdayOf } from '../../src/contracts/weekdays'
import { choosePersona, current, fill, fillLabelled, goTab, largeFontAs, openAsStaff, signUpAsNewUser, toastGone } from './app'
import { callAs, clockTo } from './backstage'
import { confirmModal, openApp, see, story, tap, useStack } from './harness'
import { requireChineseFontForScreenshots, shot } from './screenshots'

beforeAll(requireChineseFontForScreenshots)
const stack = useStack()

const SESSION = '白马河四点钟学校 一至三年级'
const CHILD = '王小雨'
const ADULT = '王外婆'
const PARENT = '王妈妈'

/** The first Monday-to-Friday day after `day` (the session's default weekdays). */
function nextWeekday(day: string): string {
  let d = addDays(day, 1)
  while (isoWeekdayOf(d) > 5) d = addDays(d, 1)
  return d
}

/** Stages a family through the API: a guardian (signed up unless `signedUp`) consents, adds a first-grader and enrols them. */
async function stageFamily(openid: string, child: string, sessionId: string, signedUp = false): Promise<void> {
  if (!signedUp) await callAs(stack, openid, 'user', 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'junmen', nickname: `${child}家长` })
  await callAs(stack, openid, 'school', 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
  const c = await callAs(stack, openid, 'school', 'addChild', { name: child, gender: 'male', birthDate: '2019-05-01', school: '鼓楼第一小学', grade: 1, guardianPhone: '13905911234' })
  const answer = await callAs(stack, openid, 'school', 'enrol', { sessionId, childId: c.id })
  expect(answer.status).toBe('enrolled')
}

/** The text of an element once it shows. */
async function textOf(el: Promise<Locator>): Promise<string> {
  return ((await (await el).textContent()) || '').trim()
}

/** One child's card among the cards of a page (MyEnrolmentCard names itself after the child). */
const cardOf = (page: Page, child: string): Locator => current(page).getByRole('group', { name: `${child}的报名` })

test('staff make a session of 2 places; three families enrol, one cancels and the waitlisted accepts the offer; a volunteer checks the child in and out with the code; the guardian sees the day', async () => {
  // Enrolment happens now (the window opened at 00:00 today); the clock moves once, to the session day.
  const day = chinaDay(nowMs())
  const sessionDay = nextWeekday(day)

  const staff = await stack.newPage()
  const parent = await stack.newPhone()
  await story(staff, 'school-story', async () => {
    // 1. 郑社工: 我的 → 四点钟学校管理 → 新建班次, 2 places, the term from the session day, the window open now.
    await openAsStaff(stack, staff)
    await tap(current(staff), '四点钟学校管理')
    await tap(current(staff), '新建班次')
    const form = current(staff)
    await see(form, '新建班次')
    await tap(form, '军门社区')
    await fill(form, '例如 2027 春季 四点钟学校 一至三年级', SESSION)
    await fillLabelled(form, '学期开始日期', sessionDay)
    await fillLabelled(form, '学期结束日期', addDays(sessionDay, 60))
    await fillLabelled(form, '名额', '2')
    await fillLabelled(form, '报名开始', `${day} 00:00`)
    await fillLabelled(form, '报名截止', `${addDays(day, 7)} 18:00`)
    await tap(form, '发布班次')
    const card = current(staff).getByTestId('staff-session-card').filter({ hasText: SESSION })
    await see(card, '名额 2，已占 0，候补 0 人')
    await toastGone(staff)

    // … and assigns 陈志远 to 军门's station (服务站志愿者), so that he sees its rosters.
    await tap(current(staff), '服务站志愿者')
    await tap(current(staff), '军门社区')
    const approved = current(staff).getByTestId('approved-volunteer').filter({ hasText: '陈志远' })
    await tap(approved, '安排到服务站')
    await see(approved, '已安排')
    await see(current(staff).getByTestId('station-volunteer'), /^陈志远/)

    // 2. Two families take the two places (staged through the API, see the header).
    const sessions = await callAs(stack, 'demo-staff', 'school', 'staffSessions', { communityId: 'junmen' })
    const sessionId: string = sessions.items.find((d: any) => d.session.name === SESSION).session.id
    await stageFamily('e2e-family-zhang', '张一鸣', sessionId)
    await stageFamily('demo-resident', '林小川', sessionId, true)

    // The third, a brand-new parent: sign up → 四点钟学校 → the session → consent → the child → a pick-up adult → 报名.
    await openApp(stack, parent)
    const parentId = await signUpAsNewUser(parent, '军门社区', PARENT)
    await tap(current(parent), '四点钟学校')
    await tap(current(parent), SESSION)
    await see(current(parent), '您还没有添加孩子，添加后才能报名。')
    await tap(current(parent), '添加孩子')
    await tap(current(parent), '阅读并同意规则')
    await see(current(parent), '儿童个人信息处理规则')
    await tap(current(parent), '我是孩子的监护人，同意以上规则')
    const child = current(parent)
    await see(child, '填写孩子信息')
    await fillLabelled(child, '孩子姓名', CHILD)
    await tap(child, '女')
    await fillLabelled(child, '出生日期', '2019-03-01')
    await fillLabelled(child, '就读学校', '鼓楼第一小学')
    await fillLabelled(child, '监护人手机号', '13905915678')
    await tap(child, '添加孩子')
    await see(current(parent), '授权接送人')
    await fillLabelled(current(parent), '接送人姓名', ADULT)
    await tap(current(parent), '外祖母')
    await fillLabelled(current(parent), '接送人手机号', '13905917890')
    await tap(current(parent), '添加接送人')
    const pickup = current(parent).getByTestId('pickup-row').filter({ hasText: ADULT })
    await see(pickup, `${ADULT}（外祖母）`)
    const code = /接送码：(\d{4})/.exec((await pickup.textContent()) || '')?.[1]
    expect(code).toMatch(/^\d{4}$/)
    await toastGone(parent)
    await parent.goBack()
    const session = current(parent)
    await see(session, `${CHILD}（一年级）`)
    await tap(session, '报名')
    await confirmModal(parent)
    await see(cardOf(parent, CHILD), `状态：${ENROLMENT_STATUS_LABELS.waitlisted}`)
    await see(cardOf(parent, CHILD), '候补第 1 位')
    await see(session, '名额：2 个，已录取 2，剩余 0，候补 1 人')
    await shot(parent, 'school-session')
    await largeFontAs(stack, parent, parentId, true)
    await see(cardOf(parent, CHILD), '候补第 1 位')
    await shot(parent, 'school-session-large')

    // 3. 林阿姨 cancels her grandchild's place on her phone (四点钟学校 → 我的报名), with the confirmation …
    const grandma = await stack.newPhone()
    await openApp(stack, grandma)
    await choosePersona(grandma, '林阿姨（居民）')
    await goTab(grandma, '首页')
    await tap(current(grandma), '四点钟学校')
    await tap(current(grandma), '我的报名')
    await tap(cardOf(grandma, '林小川'), '取消报名')
    await confirmModal(grandma, '确定取消')
    await see(cardOf(grandma, '林小川'), `状态：${ENROLMENT_STATUS_LABELS.cancelled}`)
    await grandma.context().close()

    // … and the parent's 我的报名 shows the offer; 确认入学 enrols the child.
    await tap(current(parent), '我的报名')
    const offer = cardOf(parent, CHILD)
    await see(offer, `状态：${ENROLMENT_STATUS_LABELS.offered}`)
    await see(offer, /^有名额空出，请在 .+ 前确认入学$/)
    await shot(parent, 'school-family-large')
    await largeFontAs(stack, parent, parentId, false)
    await see(cardOf(parent, CHILD), '确认入学')
    await shot(parent, 'school-family')
    await tap(cardOf(parent, CHILD), '确认入学')
    await see(cardOf(parent, CHILD), `状态：${ENROLMENT_STATUS_LABELS.enrolled}`)
    await toastGone(parent)

    // 4. The session day at 15:50: 陈志远 opens the roster from the session page and checks the child in.
    await clockTo(stack, sessionDay, '15:50', { fire: false })
    const volunteer = await stack.newPhone()
    await openApp(stack, volunteer)
    await choosePersona(volunteer, '陈志远（志愿者）')
    await goTab(volunteer, '首页')
    await tap(current(volunteer), '四点钟学校')
    await tap(current(volunteer), SESSION)
    await tap(current(volunteer), '花名册（服务站志愿者）')
    const roster = current(volunteer)
    await see(roster, /（今天）$/)
    const row = roster.getByTestId('school-roster-row').filter({ hasText: '王*雨' })
    await see(roster.getByTestId('school-roster-row').filter({ hasText: '张*鸣' }), '一年级')
    expect(await roster.textContent()).not.toMatch(/王小雨|张一鸣|林小川/)
    await tap(row, '到校')
    const arrived = await textOf(see(row, /^\d\d:\d\d 到校$/))
    await toastGone(volunteer)
    await shot(volunteer, 'school-roster')
    await largeFontAs(stack, volunteer, 'demo-volunteer', true)
    await see(current(volunteer).getByTestId('school-roster-row').filter({ hasText: '王*雨' }), /到校$/)
    await shot(volunteer, 'school-roster-large')

    // At 17:30 the grandmother comes: he chooses her, a wrong code is refused, the right one lets the child go.
    await clockTo(stack, sessionDay, '17:30', { fire: false })
    const rowNow = current(volunteer).getByTestId('school-roster-row').filter({ hasText: '王*雨' })
    await tap(rowNow, '接走')
    const sheet = current(volunteer).getByTestId('checkout-sheet')
    await tap(sheet, `${ADULT}（外祖母）`)
    await fill(sheet, '4位数字', String((Number(code) + 1) % 10000).padStart(4, '0'))
    await tap(sheet, '确认接走')
    await see(sheet.getByTestId('checkout-refusal'), new RegExp(`^${ATTENDANCE_MESSAGES.wrongCode}`))
    await see(sheet, ATTENDANCE_MESSAGES.contactStaff)
    await fill(sheet, '4位数字', code!)
    await tap(sheet, '确认接走')
    await sheet.waitFor({ state: 'hidden' })
    // (A volunteer's roster says when the child left, never who took them: that is for staff and the guardians.)
    const out = await textOf(see(rowNow, /^\d\d:\d\d 已离校$/))

    // 5. The parent sees the day: 我的报名 → 到校和接送记录.
    await tap(cardOf(parent, CHILD), '到校和接送记录')
    const record = current(parent).getByTestId('child-day').filter({ hasText: '接走' })
    await see(record, arrived)
    await see(record, `${out.slice(0, 5)} 由 ${ADULT}（外祖母）接走`)
  })
  // Four phones and about a hundred steps: 35–65 s measured on a shared 2-core machine; room above the layer's 120 s.
}, 240_000)

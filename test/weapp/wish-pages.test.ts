// Layer 3: every page of the wish wall (wish and staff subpackages) loads in the real weapp build against the
// seeded emulator in the states the demo wishes put it in (pages.test.ts opens them bare), renders what that
// state needs, logs no error, and keeps within WeChat's rendering budgets. Read-only: nothing is changed.
import { appPages, calls, env, followNavigation, renderPage, settle, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

const buttons = (page: PageHandle) => page.all('wx-button').map((b) => (b.textContent || '').trim())

interface Case {
  name: string
  route: string
  persona: string
  /** texts the page must show */
  shows: string[]
  /** texts it must not show */
  hides?: (string | RegExp)[]
  /** buttons it must offer / must not offer */
  offers?: string[]
  withholds?: string[]
}

const CASES: Case[] = [
  {
    name: 'the wall (community)',
    route: 'packages/wish/pages/wall/index',
    persona: 'demo-volunteer',
    shows: ['本社区', '全区', '全部类别', '帮忙修理门锁', '陪老人聊天', '发布心愿'],
    hides: ['想找人辅导数学', '电风扇不转了'],
  },
  {
    name: 'detail: a closed wish with the thanks, for a stranger',
    route: 'packages/wish/pages/detail/index?id=wish-demo-chat',
    persona: 'demo-applicant',
    shows: ['陪老人聊天', '已圆满', '完成情况', '一起听了《荔枝换绛桃》', '感谢的话', '“谢谢小陈', '心愿人 确认完成'],
    hides: ['联系方式', /13905910011/],
    withholds: ['认领', '确认完成'],
  },
  {
    // Whoever fulfilled never confirms (SELF_REVIEW): 郑社工 claimed it for the unit.
    name: 'detail: a fulfilled wish, for the staff member who claimed it for a unit: no confirming their own work',
    route: 'packages/wish/pages/detail/index?id=wish-demo-light',
    persona: 'demo-staff',
    shows: ['楼道灯换灯泡', '已完成', '认领人：鼓楼供电共建小组', '等待心愿人确认', '爱心单位 认领心愿', '联系方式'],
    offers: ['隐藏心愿'],
    withholds: ['认领', '代心愿人确认完成'],
  },
  {
    name: 'detail: a fulfilled wish, for other staff (the admin) who may confirm for the wisher',
    route: 'packages/wish/pages/detail/index?id=wish-demo-light',
    persona: 'demo-admin',
    shows: ['楼道灯换灯泡', '已完成', '认领人：鼓楼供电共建小组', '等待心愿人确认', '联系方式'],
    offers: ['代心愿人确认完成', '隐藏心愿'],
    withholds: ['认领'],
  },
  {
    name: 'detail: an overdue claim, for staff who may release it',
    route: 'packages/wish/pages/detail/index?id=wish-demo-medicine',
    persona: 'demo-staff',
    shows: ['代取慢性病药', '已认领', '已逾期', '认领人：陈志远'],
    offers: ['释放认领'],
  },
  {
    name: 'detail: a claimed wish, for its claimant',
    route: 'packages/wish/pages/detail/index?id=wish-demo-schoolbag',
    persona: 'demo-volunteer',
    shows: ['给孙子买书包', '已认领', '电话：13905910022', '地址：军门社区 津泰路 8 号 502'],
    offers: ['完成心愿', '放弃认领'],
    withholds: ['认领'],
  },
  {
    name: 'detail: a claimed wish, for a resident who is not its claimant',
    route: 'packages/wish/pages/detail/index?id=wish-demo-schoolbag',
    persona: 'demo-resident',
    shows: ['给孙子买书包', '已认领'],
    hides: ['联系方式', /13905910022|津泰路/],
    offers: ['举报'],
    withholds: ['认领', '完成心愿', '放弃认领'],
  },
  {
    name: 'detail: an open wish, for staff of another community',
    route: 'packages/wish/pages/detail/index?id=wish-demo-lock',
    persona: 'demo-staff-tangmen',
    shows: ['帮忙修理门锁', '待认领'],
    hides: ['联系方式', /13905910011|白水井路/],
    offers: ['举报'],
    withholds: ['认领', '隐藏心愿'],
  },
  {
    name: 'detail: a wish pending review, for scoped staff',
    route: 'packages/wish/pages/detail/index?id=wish-demo-fan',
    persona: 'demo-staff',
    shows: ['电风扇不转了', '待审核', '社区工作人员审核通过后，心愿会出现在心愿墙上。'],
    withholds: ['认领'],
  },
  {
    name: 'detail: a wish pending review is not found for anyone else',
    route: 'packages/wish/pages/detail/index?id=wish-demo-fan',
    persona: 'demo-volunteer',
    shows: ['没有找到这个心愿'],
    hides: ['电风扇不转了', '落地电风扇'],
  },
  {
    name: 'post: a new wish',
    route: 'packages/wish/pages/post/index',
    persona: 'demo-resident',
    shows: ['心愿标题', '0/30', '生活帮扶', '学习用品', '陪伴探访', '家电维修', '联系方式', '提交心愿'],
  },
  {
    name: 'mine: the wisher’s own wishes',
    route: 'packages/wish/pages/mine/index',
    persona: 'demo-resident',
    shows: ['帮忙修理门锁', '待认领', '陪老人聊天', '已圆满'],
    hides: ['给孙子买书包'],
  },
  {
    name: 'claims: the volunteer’s claims',
    route: 'packages/wish/pages/claims/index',
    persona: 'demo-volunteer',
    shows: ['给孙子买书包', '代取慢性病药', '已逾期', '陪老人聊天'],
    hides: ['帮忙修理门锁', '楼道灯换灯泡'],
  },
  {
    name: 'staff queue: pending',
    route: 'packages/staff/pages/wishes/index',
    persona: 'demo-staff',
    shows: ['待审核', '被举报', '认领逾期', '电风扇不转了', '查看心愿统计'],
    offers: ['通过', '不通过'],
  },
  {
    name: 'staff stats',
    route: 'packages/staff/pages/wish-stats/index',
    persona: 'demo-staff',
    shows: ['统计范围：您负责的 2 个社区', '各状态心愿数', '近7天完成', '发布到认领（中位数）'],
  },
]

test('the wish pages are in app.json, in their subpackages', () => {
  const routes = appPages()
  for (const r of ['wall', 'detail', 'post', 'mine', 'claims']) expect(routes).toContain(`packages/wish/pages/${r}/index`)
  for (const r of ['wishes', 'wish-stats']) expect(routes).toContain(`packages/staff/pages/${r}/index`)
  const covered = new Set(CASES.map((c) => c.route.split('?')[0]))
  const wishRoutes = routes.filter((r) => r.startsWith('packages/wish/') || /^packages\/staff\/pages\/wish/.test(r))
  expect(wishRoutes.filter((r) => !covered.has(r))).toEqual([])
})

test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const page = renderPage(c.route, { persona: c.persona })
  const text = await settle(page)
  for (const s of c.shows) expect(text).toContain(s)
  for (const h of c.hides || []) {
    if (typeof h === 'string') expect(text).not.toContain(h)
    else expect(text).not.toMatch(h)
  }
  for (const b of c.offers || []) expect(buttons(page)).toContain(b)
  for (const b of c.withholds || []) expect(buttons(page)).not.toContain(b)
  expect(text).not.toMatch(/系统繁忙|出错了/)
  // every cloud call answered (refusals included), none failed in transport
  expect(env.cloudCalls.filter((x) => x.error)).toEqual([])
  expect(env.errors).toEqual([])
  expect(Math.max(...page.setDataSizes)).toBeLessThanOrEqual(256 * 1024)
  expect(page.nodeCount()).toBeLessThan(1000)
})

test('staff stats count the seeded wishes of 军门 and 庆城 by status', async () => {
  const page = renderPage('packages/staff/pages/wish-stats/index', { persona: 'demo-staff' })
  await settle(page)
  const rows = Object.fromEntries(
    page.all('.hm-row').map((r) => {
      const [label, value] = Array.from(r.querySelectorAll('.hm-text')).map((t) => (t.textContent || '').trim())
      return [label, value]
    }),
  )
  expect(rows).toMatchObject({ 待审核: '1', 待认领: '2', 已认领: '2', 已完成: '1', 已圆满: '1', 未通过: '0', 已取消: '0', 已隐藏: '0' })
  expect(env.errors).toEqual([])
})

test('the home tile 微心愿墙 opens the wall in its subpackage', async () => {
  const home = renderPage('pages/home/index', { persona: 'demo-resident' })
  await settle(home)
  await home.tap({ text: '微心愿墙' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/wish/pages/wall/index' }])
  const wall = followNavigation()
  expect(wall.route).toBe('packages/wish/pages/wall/index')
  expect(await settle(wall)).toContain('帮忙修理门锁')
  expect(env.errors).toEqual([])
})

test.each([
  ['demo-resident', '我的心愿', 'packages/wish/pages/mine/index', '帮忙修理门锁'],
  ['demo-volunteer', '我的认领', 'packages/wish/pages/claims/index', '给孙子买书包'],
  ['demo-staff', '心愿审核', 'packages/staff/pages/wishes/index', '电风扇不转了'],
  ['demo-staff', '心愿统计', 'packages/staff/pages/wish-stats/index', '各状态心愿数'],
])('me (%s): %s opens %s', async (persona, link, route, shows) => {
  const me = renderPage('pages/me/index', { persona })
  await settle(me)
  await me.tap({ text: link })
  expect(calls('navigateTo')).toEqual([{ url: `/${route}` }])
  const page = followNavigation()
  expect(page.route).toBe(route)
  expect(await settle(page)).toContain(shows)
  expect(env.errors).toEqual([])
})

test('the staff entries are not in me for a resident', async () => {
  const me = renderPage('pages/me/index', { persona: 'demo-resident' })
  const text = await settle(me)
  expect(text).toContain('我的心愿')
  expect(text).not.toContain('心愿审核')
  expect(text).not.toContain('心愿统计')
})

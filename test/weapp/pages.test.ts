// Layer 3: every page in dist/weapp/app.json (main package and subpackages) loads in the simulator
// against the real emulator, renders something, and logs no error.
import { appPages, env, readAppJson, renderPage, settle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

/** Who opens each page: staff pages need staff; everything else a signed-up resident. */
const STAFF_PACKAGES = ['packages/staff/', 'packages/volunteer-staff/', 'packages/school-staff/', 'packages/elder-staff/']
const personaFor = (route: string) => (STAFF_PACKAGES.some((p) => route.startsWith(p)) ? 'demo-staff' : 'demo-resident')

const routes = appPages()

test('app.json lists the tab pages in the main package and the rest in subpackages', () => {
  const app = readAppJson()
  expect(app.pages).toEqual(expect.arrayContaining(['pages/home/index', 'pages/me/index']))
  const tabs = (app.tabBar?.list || []).map((t: { pagePath: string }) => t.pagePath)
  // only tab pages in the main package (DESIGN.md §2, §6)
  expect([...app.pages].sort()).toEqual([...tabs].sort())
  expect((app.subPackages || app.subpackages || []).length).toBeGreaterThan(0)
  expect(routes.length).toBeGreaterThan(app.pages.length)
})

test.each(routes)('%s loads and renders without errors', async (route) => {
  const page = renderPage(route, { persona: personaFor(route) })
  const text = await settle(page)
  expect(text.length).toBeGreaterThan(0)
  // a page that failed to load its data shows the generic error state instead of content
  expect(text).not.toMatch(/系统繁忙|出错了/)
  expect(env.errors).toEqual([])
  // WeChat's rendering rules (DESIGN.md §6): setData ≤ 256 KB per call, fewer than 1,000 nodes per page
  expect(page.setDataSizes.length).toBeGreaterThan(0)
  expect(Math.max(...page.setDataSizes)).toBeLessThanOrEqual(256 * 1024)
  expect(page.nodeCount()).toBeLessThan(1000)
})

// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every wish page (and home, me, signup, apply), in
// 大字模式, at 390×844, as the persona who would see it. Fails on any serious or critical violation; writes the full per-page table to
// test-results/e2e/a11y.json (HEMEI_A11Y_REPORT overrides the path). One stack, pages visited in sequence.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { choosePersona, current, goTab, toastGone } from './app'
import { appMounted, see, story, useStack } from './harness'
import { audit, blocking, type Found } from './axe'

const root = path.resolve(__dirname, '../..')
const REPORT = process.env.HEMEI_A11Y_REPORT || path.join(root, 'test-results/e2e/a11y.json')
const detail = (id: string) => `/packages/wish/pages/detail/index?id=${id}`

/** One page to check: whose eyes, which route, and what shows once its data is there. */
interface Visit {
  name: string
  route: string
  ready: string | RegExp
}

const VISITS: { persona: string; visits: Visit[] }[] = [
  {
    persona: '新用户',
    visits: [
      { name: 'wall (new visitor)', route: '/packages/wish/pages/wall/index', ready: /注册/ },
      { name: 'signup', route: '/packages/user/pages/signup/index', ready: '欢迎加入和美社区' },
    ],
  },
  {
    persona: '林阿姨（居民）',
    visits: [
      { name: 'home', route: '/pages/home/index', ready: /林阿姨，您好/ },
      { name: 'me', route: '/pages/me/index', ready: '大字模式' },
      { name: 'wall', route: '/packages/wish/pages/wall/index', ready: '帮忙修理门锁' },
      { name: 'detail open (wisher)', route: detail('wish-demo-lock'), ready: '帮忙修理门锁' },
      { name: 'detail closed with thanks', route: detail('wish-demo-chat'), ready: '陪老人聊天' },
      { name: 'post', route: '/packages/wish/pages/post/index', ready: '心愿标题' },
      { name: 'mine', route: '/packages/wish/pages/mine/index', ready: '帮忙修理门锁' },
      { name: 'apply', route: '/packages/user/pages/apply/index', ready: '申请成为志愿者' },
    ],
  },
  {
    persona: '陈志远（志愿者）',
    visits: [
      { name: 'detail open (volunteer)', route: detail('wish-demo-lock'), ready: '帮忙修理门锁' },
      { name: 'detail claimed (claimant)', route: detail('wish-demo-schoolbag'), ready: '给孙子买书包' },
      { name: 'claims', route: '/packages/wish/pages/claims/index', ready: '给孙子买书包' },
    ],
  },
  {
    persona: '郑社工（军门、庆城社工）',
    visits: [
      { name: 'staff queue', route: '/packages/staff/pages/wishes/index', ready: '电风扇不转了' },
      { name: 'staff stats', route: '/packages/staff/pages/wish-stats/index', ready: '各状态心愿数' },
      { name: 'staff check-in code', route: '/packages/staff/pages/checkin-code/index', ready: /秒后更新/ },
      { name: 'staff workbench', route: '/packages/staff/pages/workbench/index', ready: '志愿者申请' },
      { name: 'detail pending (staff)', route: detail('wish-demo-fan'), ready: '电风扇不转了' },
      { name: 'detail fulfilled (staff)', route: detail('wish-demo-light'), ready: '楼道灯换灯泡' },
    ],
  },
]

const stack = useStack({ pageErrors: 'ignore' })

/** Opens a route with a fresh load (so no earlier page stays hidden in the DOM), in 大字模式, once its data shows. */
async function open(page: Page, visit: Visit): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${stack.url}#${visit.route}`)
  await appMounted(page)
  await see(current(page), visit.ready)
  await page.waitForFunction(() => !document.querySelector('.taro_page [aria-busy="true"]'))
  await page.locator('.taro_page .hm-page.hm-large').locator('visible=true').first().waitFor()
  await toastGone(page)
}

interface AxNode {
  role: string
  name?: string
  children?: AxNode[]
}
/** Every node of an accessibility snapshot. */
function flatten(node: AxNode | null): AxNode[] {
  return node ? [node, ...(node.children || []).flatMap(flatten)] : []
}

/** Waits until no animation or transition runs (Taro h5 slides a new page in). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' && !a.pending))
}

test('axe finds no serious or critical WCAG 2 A/AA violation on any wish page in 大字模式 at 390×844', async () => {
  const page = await stack.newPage()
  await page.setViewportSize({ width: 390, height: 844 })
  const results: Record<string, Found[]> = {}
  for (const { persona, visits } of VISITS) {
    await story(page, `a11y-${persona}`, async () => {
      await page.goto(stack.url)
      await appMounted(page)
      await choosePersona(page, persona)
      // 大字模式 on (the switch is a local choice, so it holds across personas and reloads).
      await goTab(page, '我的')
      const toggle = current(page).locator('.hm-row').filter({ hasText: '大字模式' }).getByRole('checkbox')
      if (!(await toggle.isChecked())) await toggle.click()
      await current(page).locator('.hm-page.hm-large').waitFor()
    })
    for (const visit of visits) {
      await story(page, `a11y-${visit.name.replace(/\W+/g, '-')}`, async () => {
        await open(page, visit)
        results[visit.name] = await audit(page)
      })
    }
  }

  mkdirSync(path.dirname(REPORT), { recursive: true })
  writeFileSync(REPORT, JSON.stringify(results, null, 2))
  const lines = Object.entries(results).map(([name, found]) => `${name.padEnd(28)} ${found.map((f) => `${f.id}(${f.impact}×${f.nodes})`).join(' ') || '-'}`)
  console.log(`axe WCAG 2 A/AA violations per page (大字模式, 390×844):\n${lines.join('\n')}`)

  expect(Object.entries(results).flatMap(([name, found]) => blocking(name, found))).toEqual([])
  expect(stack.pageErrors).toEqual([])
})

test('大字模式 on h5: tab bar, 大字模式 row, whole-box inputs, button names and a way back from a sub-page', async () => {
  const page = await stack.newPage()
  await page.setViewportSize({ width: 390, height: 844 })
  await story(page, 'a11y-targets', async () => {
    await page.goto(stack.url)
    await appMounted(page)
    await choosePersona(page, '林阿姨（居民）')
    await goTab(page, '我的')
    const me = current(page)
    const row = me.locator('.hm-row').filter({ hasText: '大字模式' })
    const toggle = row.getByRole('checkbox', { name: '大字模式' })
    if (!(await toggle.isChecked())) await toggle.click()
    await me.locator('.hm-page.hm-large').waitFor()

    // Zoom is allowed (no user-scalable=no, no maximum-scale).
    expect(await page.locator('meta[name=viewport]').getAttribute('content')).not.toMatch(/user-scalable\s*=\s*no|maximum-scale/)

    // The tab bar follows large mode: labels >= 18 px, items >= 60 px tall.
    const tabs = await page
      .locator('.weui-tabbar__item')
      .evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, px: parseFloat(getComputedStyle(e.querySelector('.weui-tabbar__label')!).fontSize) })))
    expect(tabs.length).toBe(2)
    for (const t of tabs) {
      expect(t.px).toBeGreaterThanOrEqual(18)
      expect(t.h).toBeGreaterThanOrEqual(60)
    }

    // The 大字模式 row is the switch's target: >= 60 px tall and the full card width; a tap on its text toggles it.
    const box = (await row.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(60)
    const knob = (await row.locator('taro-switch-core').boundingBox())!
    expect(knob.x + knob.width).toBeGreaterThan(box.x + box.width - 48) // the switch sits at the row's end
    await row.getByText('大字模式', { exact: true }).click()
    await me.locator('.hm-page:not(.hm-large)').waitFor()
    expect(await toggle.isChecked()).toBe(false)
    await row.getByText('大字模式', { exact: true }).click()
    await me.locator('.hm-page.hm-large').waitFor()

    // The wall's buttons are buttons, by name.
    await page.goto(`${stack.url}#/packages/wish/pages/wall/index`)
    await appMounted(page)
    const wall = current(page)
    await see(wall, '帮忙修理门锁')
    await wall.getByRole('button', { name: '发布心愿' }).waitFor()
    const tree = await page.accessibility.snapshot()
    const controls = flatten(tree).filter((n) => n.role === 'button' || n.role === 'link')
    console.log(`wall accessibility tree: ${controls.filter((n) => n.role === 'button').length} buttons, ${controls.filter((n) => n.role === 'link').length} links`)
    expect(controls.filter((n) => n.role === 'button').length).toBeGreaterThan(0)
    expect(controls.filter((n) => !n.name?.trim())).toEqual([])

    // On 发布心愿, a tap at the bottom edge of the title box focuses its input, and the text sits in the middle.
    await wall.getByRole('button', { name: '发布心愿' }).click()
    const post = current(page)
    await see(post, '心愿标题')
    const input = post.locator('input[placeholder="例如：想请人帮忙修一下门锁"]')
    const wrapper = input.locator('xpath=..')
    expect(await wrapper.evaluate((e) => e.tagName.toLowerCase() + '.' + e.className)).toMatch(/^taro-input-core\..*hm-input/)
    await settled(page) // the page slides in
    const outer = (await wrapper.boundingBox())!
    const inner = (await input.boundingBox())!
    expect(outer.height).toBeGreaterThanOrEqual(60)
    expect(inner.height).toBeGreaterThanOrEqual(outer.height - 6)
    await page.mouse.click(outer.x + outer.width - 8, outer.y + outer.height - 4)
    expect(await input.evaluate((e) => e === document.activeElement)).toBe(true)

    // A sub-page has an on-screen way back: ‹ 返回 to the wall here, ‹ 返回首页 when opened directly.
    await post.getByRole('link', { name: '返回', exact: true }).click()
    await see(current(page), '帮忙修理门锁')
    await page.goto('about:blank')
    await page.goto(`${stack.url}#/packages/wish/pages/mine/index`)
    await appMounted(page)
    await current(page).getByRole('link', { name: '返回首页' }).click()
    await see(current(page), /林阿姨，您好/)
  })
  expect(stack.pageErrors).toEqual([])
})

// Smoke: the emulator serves the built h5 app, Chromium loads it, and Taro mounts the home page.
import { appMounted, useStack } from './harness'

const stack = useStack({ pageErrors: 'ignore' })

test('the emulator serves index.html for the h5 app', async () => {
  const res = await fetch(stack.url)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/text\/html/)
  const html = await res.text()
  expect(html).toContain('<div id="app">')
  expect(html).toContain('和美社区')
})

test('the app mounts in Chromium on a phone viewport, without page errors', async () => {
  const page = await stack.newPage()
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(stack.url)
  await appMounted(page)
  expect(await page.evaluate(() => window.innerWidth)).toBe(375)
  expect(await page.title()).toBe('和美社区')
  expect(failed).toEqual([])
  expect(stack.pageErrors).toEqual([])
})

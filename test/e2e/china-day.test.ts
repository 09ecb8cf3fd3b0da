// "Today" in the h5 app is China's day even when the browser's time zone is UTC: at 17:30 UTC on 28 February
// it is already 1 March in China, and the claim form counts its suggested promise date (a week on) from there.
import { choosePersona, current } from './app'
import { openApp, see, story, tap, useStack } from './harness'

const stack = useStack()

test('a browser set to UTC at 17:30 UTC shows China’s day, not its own', async () => {
  const page = await stack.newPhone({ timezoneId: 'UTC' })
  await story(page, 'china-day-utc-browser', async () => {
    await page.clock.setFixedTime(new Date('2026-02-28T17:30:00Z'))
    await openApp(stack, page)
    expect(await page.evaluate(() => `${new Date().getDate()} ${Intl.DateTimeFormat().resolvedOptions().timeZone}`)).toBe('28 UTC')
    await choosePersona(page, '陈志远（志愿者）')
    await openApp(stack, page, '/packages/wish/pages/detail/index?id=wish-demo-tutor')
    await tap(current(page), '认领')
    const form = current(page).locator('[data-testid="claim-form"]')
    await see(form, '认领这个心愿')
    // China's today + 7 = 8 March (the browser's own day would give 7 March).
    await see(form, '2026年3月8日')
  })
})

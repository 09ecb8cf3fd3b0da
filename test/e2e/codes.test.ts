// Codes and exports in a real browser: a poster code (wish.shareCode, the emulator's wxacode stand-in) decodes to
// a link that opens the wish in the h5 app; staff export a month from 心愿统计 and download the .xlsx.
import ExcelJS from 'exceljs'
import { choosePersona, current } from './app'
import { appMounted, openApp, see, story, tap, useStack } from './harness'
import { decodeQrPng } from '../support/qr'

const stack = useStack()

test("a wish's poster code, read by a camera, opens that wish in the app", async () => {
  const res = await fetch(`${stack.url}api/fn/wish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hemei-openid': 'demo-staff' },
    body: JSON.stringify({ action: 'shareCode', input: { wishId: 'wish-demo-lock' } }),
  })
  const body = await res.json()
  expect(body.ok).toBe(true)
  const link = decodeQrPng(Buffer.from(await (await fetch(body.data.url)).arrayBuffer()))
  expect(link).toBe(`${stack.url}#/packages/wish/pages/detail/index?scene=wish-demo-lock`)

  const page = await stack.newPage()
  await openApp(stack, page)
  await choosePersona(page, '林阿姨（居民）')
  await story(page, 'poster-code', async () => {
    await page.goto(link)
    await appMounted(page)
    await see(current(page), '帮忙修理门锁')
  })
})

test('staff export the month from 心愿统计 and download the spreadsheet', async () => {
  const page = await stack.newPage()
  await openApp(stack, page)
  await choosePersona(page, '郑社工（军门、庆城社工）')
  await story(page, 'export', async () => {
    await tap(current(page), '心愿统计')
    await see(current(page), '导出表格')
    await tap(current(page), '导出')
    const link = current(page).locator('[data-testid="export-link"]')
    await link.waitFor({ state: 'visible' })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-心愿月报-军门社区\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path())!)
    const header = wb.getWorksheet('已圆满心愿')!.getRow(1).values as unknown[]
    expect(header.slice(1, 4)).toEqual(['编号', '心愿', '类别'])
    expect(wb.getWorksheet('统计')!.getCell('B2').value).toBe('军门社区')
  })
})

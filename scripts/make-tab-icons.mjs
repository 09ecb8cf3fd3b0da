// One-off: draws the tab bar icons (home, me; normal and selected) with Chromium's canvas and writes
// 81×81 PNGs to src/assets/tab/. WeChat's tabBar needs local PNG/JPG icons (no SVG, ≤ 40 KB each).
// Run: node scripts/make-tab-icons.mjs (needs /usr/bin/chromium).
import { writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const COLORS = { normal: '#4a4a4a', active: '#b3261e' } // the tabBar's color and selectedColor
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const page = await browser.newPage()
for (const [state, color] of Object.entries(COLORS)) {
  const icons = await page.evaluate((color) => {
    const draw = (paint) => {
      const c = document.createElement('canvas')
      c.width = c.height = 81
      const g = c.getContext('2d')
      g.strokeStyle = g.fillStyle = color
      g.lineWidth = 6
      g.lineJoin = g.lineCap = 'round'
      paint(g)
      return c.toDataURL('image/png')
    }
    const home = draw((g) => {
      g.beginPath()
      g.moveTo(12, 40)
      g.lineTo(40.5, 14)
      g.lineTo(69, 40)
      g.stroke() // roof
      g.strokeRect(21, 38, 39, 30) // walls
      g.fillRect(35, 50, 11, 18) // door
    })
    const me = draw((g) => {
      g.beginPath()
      g.arc(40.5, 28, 13, 0, Math.PI * 2)
      g.stroke() // head
      g.beginPath()
      g.arc(40.5, 78, 28, Math.PI * 1.1, Math.PI * 1.9)
      g.stroke() // shoulders
    })
    return { home, me }
  }, color)
  for (const [name, url] of Object.entries(icons)) {
    const file = `src/assets/tab/${name}${state === 'active' ? '-active' : ''}.png`
    writeFileSync(file, Buffer.from(url.split(',')[1], 'base64'))
    console.log('wrote', file)
  }
}
await browser.close()

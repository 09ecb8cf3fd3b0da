// Global setup for the browser layer: make sure Chromium is there, bundle the cloud functions, and
// build the h5 app when dist/h5 is missing or older than src/ (so `npm run test:e2e` alone tests current code).
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '../..')
const CHROMIUM = process.env.HEMEI_CHROMIUM || '/usr/bin/chromium'

/** Newest modification time of any file under dir (0 when dir is missing). */
function newest(dir) {
  if (!fs.existsSync(dir)) return 0
  let max = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    max = Math.max(max, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
  }
  return max
}

module.exports = async () => {
  // The one clock: every process this run starts reads the same HEMEI_CLOCK offset.
  require('./clock.cjs').pinClock()
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (npx playwright install cannot work here)`)
  }
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
  execFileSync(process.execPath, [tsx, path.join(root, 'cloud/build.ts')], { cwd: root, stdio: 'inherit' })

  const index = path.join(root, 'dist/h5/index.html')
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  const sources = Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'config')))
  if (!built || sources > built || process.env.HEMEI_E2E_REBUILD) {
    console.log(`\ne2e: building dist/h5 (${built ? 'older than src/' : 'missing'})`)
    // Not jest's NODE_ENV=test: that makes babel-preset-taro add react-refresh hooks to a production build.
    const env = { ...process.env }
    delete env.NODE_ENV
    const t0 = Date.now()
    try {
      // Quiet unless it fails: webpack's progress bars would bury the test report.
      execFileSync(process.execPath, [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], { cwd: root, stdio: 'pipe', env, maxBuffer: 64 * 1024 * 1024 })
    } catch (e) {
      process.stdout.write(String(e.stdout || '').slice(-20000))
      process.stderr.write(String(e.stderr || '').slice(-20000))
      throw new Error('e2e: taro build --type h5 failed', { cause: e })
    }
    console.log(`e2e: dist/h5 built in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }
}

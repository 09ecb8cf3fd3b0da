// Global setup for the cloud layer: bundle the cloud functions once, so tests run the real artifacts.
const { execFileSync } = require('child_process')
const path = require('path')
module.exports = async () => {
  // The one clock: every process this run starts reads the same HEMEI_CLOCK offset.
  require('./clock.cjs').pinClock()
  const root = path.resolve(__dirname, '../..')
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'cloud/build.ts')], { cwd: root, stdio: 'inherit' })
}

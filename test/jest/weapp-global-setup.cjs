// Global setup for layer 3: make sure the artifacts under test exist and are not older than their sources.
// - dist/weapp: built by `npm test`'s pretest; rebuilt here when missing or older than src/ or config/
//   (e.g. `npx jest --selectProjects weapp` after an edit).
// - dist/cloudfunctions: what the emulator runs; bundled with `tsx cloud/build.ts` when missing or older than
//   cloud/ (functions, domain, lib, build.ts) or src/contracts.
const fs = require('fs')
const path = require('path')
const { root, newest, oldest, runQuiet, buildFunctionsIfStale } = require('./artifacts.cjs')

module.exports = async () => {
  // The one clock: every process this run starts reads the same HEMEI_CLOCK offset.
  require('./clock.cjs').pinClock()
  const weappApp = path.join(root, 'dist/weapp/app.js')
  if (oldest([weappApp]) < newest(['src', 'config', 'babel.config.js', 'project.config.json'])) {
    console.log('\n[weapp] dist/weapp is missing or older than src/: building it (taro build --type weapp)')
    runQuiet([path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'])
  }
  if (fs.existsSync(path.join(root, 'cloud/build.ts'))) buildFunctionsIfStale('weapp')
}

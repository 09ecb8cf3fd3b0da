// Global setup for layer 3: make sure the artifacts under test exist.
// dist/weapp is built by `npm test`'s pretest; build it here only when missing (e.g. `npx jest --selectProjects weapp`).
// The emulator runs the bundled cloud functions from dist/cloudfunctions; bundle them when missing.
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')
module.exports = async () => {
  const root = path.resolve(__dirname, '../..')
  if (!fs.existsSync(path.join(root, 'dist/weapp/app.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], { cwd: root, stdio: 'inherit' })
  }
  if (!fs.existsSync(path.join(root, 'dist/cloudfunctions')) && fs.existsSync(path.join(root, 'cloud/build.ts'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'cloud/build.ts')], { cwd: root, stdio: 'inherit' })
  }
}

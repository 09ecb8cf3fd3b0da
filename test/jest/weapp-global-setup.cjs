// Global setup for layer 3: make sure the artifacts under test exist and are not older than their sources.
// - dist/weapp: built by `npm test`'s pretest; rebuilt here when missing or older than src/ or config/
//   (e.g. `npx jest --selectProjects weapp` after an edit).
// - dist/cloudfunctions: what the emulator runs; bundled with `tsx cloud/build.ts` when missing or older than
//   cloud/ (functions, domain, lib, build.ts) or src/contracts.
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '../..')

/** Newest mtime (ms) of the files under the given paths (0 if none). */
function newest(paths) {
  let max = 0
  const visit = (p) => {
    let st
    try {
      st = fs.statSync(p)
    } catch {
      return
    }
    if (st.isDirectory()) {
      if (path.basename(p) === 'node_modules') return
      for (const name of fs.readdirSync(p)) visit(path.join(p, name))
    } else if (st.mtimeMs > max) max = st.mtimeMs
  }
  paths.forEach((p) => visit(path.join(root, p)))
  return max
}

/** Oldest mtime (ms) among the given files, or 0 if one is missing. */
function oldest(files) {
  let min = Infinity
  for (const f of files) {
    try {
      min = Math.min(min, fs.statSync(f).mtimeMs)
    } catch {
      return 0
    }
  }
  return files.length ? min : 0
}

/** Run a build quietly; show its output only if it fails. */
function build(args) {
  // Not jest's NODE_ENV=test: babel-preset-taro would add react-refresh hooks to the weapp build (the
  // bytes under test must be the production build WeChat runs, and size.mjs would measure them too).
  const env = { ...process.env }
  delete env.NODE_ENV
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe', env, maxBuffer: 64 * 1024 * 1024 })
  } catch (e) {
    process.stderr.write(String(e.stdout || '') + String(e.stderr || ''))
    throw e
  }
}

module.exports = async () => {
  // The one clock: every process this run starts reads the same HEMEI_CLOCK offset.
  require('./clock.cjs').pinClock()
  const weappApp = path.join(root, 'dist/weapp/app.js')
  if (oldest([weappApp]) < newest(['src', 'config', 'babel.config.js', 'project.config.json'])) {
    console.log('\n[weapp] dist/weapp is missing or older than src/: building it (taro build --type weapp)')
    build([path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'])
  }
  if (!fs.existsSync(path.join(root, 'cloud/build.ts'))) return
  const fnDir = path.join(root, 'dist/cloudfunctions')
  const bundles = fs.existsSync(fnDir) ? fs.readdirSync(fnDir).map((fn) => path.join(fnDir, fn, 'index.js')) : []
  if (oldest(bundles) < newest(['cloud/functions', 'cloud/domain', 'cloud/lib', 'cloud/build.ts', 'src/contracts'])) {
    console.log('\n[weapp] dist/cloudfunctions is missing or stale: bundling (tsx cloud/build.ts)')
    build([path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'cloud/build.ts')])
  }
}

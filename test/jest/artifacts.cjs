// The built artifacts the jest layers run (dist/weapp, dist/cloudfunctions): rebuilt by a global setup when
// missing or older than their sources, so `npx jest …` after an edit never tests stale bytes.
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '../..')

/** Newest mtime (ms) of the files under the given repo paths (0 if none). */
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
      if (path.basename(p) !== 'node_modules') for (const name of fs.readdirSync(p)) visit(path.join(p, name))
    } else if (st.mtimeMs > max) max = st.mtimeMs
  }
  paths.forEach((p) => visit(path.join(root, p)))
  return max
}

/** Oldest mtime (ms) among the given files, or 0 if one is missing (or none is given). */
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

/** Runs a node script quietly (not under jest's NODE_ENV=test); shows its output only if it fails. */
function runQuiet(args) {
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

/** Bundles the cloud functions (tsx cloud/build.ts) when a bundle is missing or older than its sources. */
function buildFunctionsIfStale(tag) {
  const fnDir = path.join(root, 'dist/cloudfunctions')
  const bundles = fs.existsSync(fnDir) ? fs.readdirSync(fnDir).map((fn) => path.join(fnDir, fn, 'index.js')) : []
  if (oldest(bundles) >= newest(['cloud/functions', 'cloud/domain', 'cloud/lib', 'cloud/build.ts', 'src/contracts'])) return
  console.log(`\n[${tag}] dist/cloudfunctions is missing or stale: bundling (tsx cloud/build.ts)`)
  runQuiet([path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'cloud/build.ts')])
}

module.exports = { root, newest, oldest, runQuiet, buildFunctionsIfStale }

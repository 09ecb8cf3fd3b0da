// Global setup for layer 2: the page tests talk to the real cloud functions. This makes sure the function
// bundles are fresh, then starts one seeded emulator per jest worker (a child process each, fresh temp data
// dir, demo seed, small worker pools). Workers find theirs in HEMEI_PAGES_EMULATORS by JEST_WORKER_ID
// (pages-environment.cjs); tests put the database back to the seed before each test (test/pages/backend.ts).
const { execFileSync, spawn } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const root = path.resolve(__dirname, '../..')
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')

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
      if (path.basename(p) !== 'node_modules') for (const name of fs.readdirSync(p)) visit(path.join(p, name))
    } else if (st.mtimeMs > max) max = st.mtimeMs
  }
  paths.forEach((p) => visit(path.join(root, p)))
  return max
}

/** Bundles the cloud functions (tsx cloud/build.ts) when a bundle is missing or older than its sources. */
function buildFunctionsIfStale() {
  const fnDir = path.join(root, 'dist/cloudfunctions')
  const bundles = ['user', 'wish'].map((fn) => path.join(fnDir, fn, 'index.js'))
  let oldest = Infinity
  for (const b of bundles) oldest = Math.min(oldest, fs.existsSync(b) ? fs.statSync(b).mtimeMs : 0)
  if (oldest >= newest(['cloud/functions', 'cloud/domain', 'cloud/lib', 'cloud/build.ts', 'src/contracts'])) return
  try {
    execFileSync(process.execPath, [tsx, path.join(root, 'cloud/build.ts')], { cwd: root, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 })
  } catch (e) {
    process.stderr.write(String(e.stdout || '') + String(e.stderr || ''))
    throw e
  }
}

/** Starts one emulator child; resolves with {url, control, child, dataDir}. */
function startOne(timeoutMs = 60000) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hemei-pages-'))
  const child = spawn(process.execPath, [tsx, path.join(root, 'test/pages/support/emulator-main.ts'), dataDir], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (c) => (err += c))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`pages emulator did not start in ${timeoutMs} ms:\n${err}${out}`))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`pages emulator exited with ${code} before it was ready:\n${err}${out}`))
    })
    child.stdout.on('data', (c) => {
      out += c
      const nl = out.indexOf('\n')
      if (nl < 0) return
      clearTimeout(timer)
      const info = JSON.parse(out.slice(0, nl))
      resolve({ url: info.url.replace(/\/$/, ''), control: info.control, child, dataDir })
    })
  })
}

module.exports = async (globalConfig) => {
  buildFunctionsIfStale()
  // One per worker (jest numbers them 1..maxWorkers): workers never share a database they reset.
  const n = Math.max(1, globalConfig.maxWorkers || 1)
  const started = await Promise.all(Array.from({ length: n }, () => startOne()))
  globalThis.__hemeiPagesEmulators = started
  process.env.HEMEI_PAGES_EMULATORS = JSON.stringify(started.map(({ url, control }) => ({ url, control })))
}

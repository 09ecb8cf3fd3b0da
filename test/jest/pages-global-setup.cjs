// Global setup for layer 2: the page tests talk to the real cloud functions. This makes sure the function
// bundles are fresh, then starts one seeded emulator per jest worker (a child process each, fresh temp data
// dir, demo seed, small worker pools). Workers find theirs in HEMEI_PAGES_EMULATORS by JEST_WORKER_ID
// (pages-environment.cjs); tests put the database back to the seed before each test (test/pages/backend.ts).
const { spawn } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const { root, buildFunctionsIfStale } = require('./artifacts.cjs')
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')

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
  buildFunctionsIfStale('pages')
  // One per worker (jest numbers them 1..maxWorkers): workers never share a database they reset.
  const n = Math.max(1, globalConfig.maxWorkers || 1)
  const started = await Promise.all(Array.from({ length: n }, () => startOne()))
  globalThis.__hemeiPagesEmulators = started
  process.env.HEMEI_PAGES_EMULATORS = JSON.stringify(started.map(({ url, control }) => ({ url, control })))
}

/**
 * The real emulator for layer 3, in a child process: `startEmulator({port: 0, dataDir: <fresh tmp>, seed: true})`
 * (cloud/emulator/index.ts), run by tsx outside jest's jsdom sandbox. The harness's wx.cloud.callFunction
 * posts to its /api/fn/<name> with X-Hemei-Openid.
 */
import { spawn, type ChildProcess } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'

const root = path.resolve(__dirname, '../..')

export interface RunningEmulator {
  url: string
  port: number
  /** The child's loopback control port (POST /write: test/support/stageDocs.ts). */
  control: string
  dataDir: string
  /** stderr/stdout of the emulator process so far (for failure messages) */
  log(): string
  stop(): Promise<void>
}

/** Start a seeded emulator on a random loopback port with a fresh data dir. */
export function startEmulatorProcess(timeoutMs = 45000): Promise<RunningEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hemei-weapp-'))
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(__dirname, 'emulator-main.ts'), dataDir], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr!.on('data', (c) => (err += c))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`emulator did not start in ${timeoutMs} ms:\n${err}${out}`))
    }, timeoutMs)
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`emulator exited with ${code} before it was ready:\n${err}${out}`))
    })
    child.stdout!.on('data', (c) => {
      out += c
      const nl = out.indexOf('\n')
      if (nl < 0) return
      let info: { url: string; port: number; control: string }
      try {
        info = JSON.parse(out.slice(0, nl))
      } catch {
        return
      }
      clearTimeout(timer)
      resolve({
        url: info.url.replace(/\/$/, ''),
        port: info.port,
        control: info.control,
        dataDir,
        log: () => err + out,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.stdin!.end()
            const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
            await exited
            clearTimeout(killer)
          }
          fs.rmSync(dataDir, { recursive: true, force: true })
        },
      })
    })
  })
}

/**
 * Jest hooks for a test file: one seeded emulator for the file, wired into the harness's wx.cloud;
 * pages closed after each test. Returns a getter for the running emulator.
 */
export function withEmulator(): () => RunningEmulator {
  // required lazily so this module can be imported without loading the harness
  const harness = require('./harness') as typeof import('./harness')
  let emu: RunningEmulator | null = null
  beforeAll(async () => {
    emu = await startEmulatorProcess()
    harness.useEmulator(emu.url)
  })
  afterEach(() => harness.closeAll())
  afterAll(async () => {
    harness.closeAll()
    harness.useEmulator(null)
    await emu?.stop()
  })
  return () => {
    if (!emu) throw new Error('emulator not started (withEmulator() hooks run in beforeAll)')
    return emu
  }
}

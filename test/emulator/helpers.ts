/** Test helpers: a fresh emulator on a temp dir and the REAL wx-server-sdk pointed at it. */
import fs from 'fs'
import os from 'os'
import path from 'path'
import { startEmulator, Emulator, EmulatorOptions } from '../../cloud/emulator'
import { scopeDate, signatureFor, type Credentials } from '../../cloud/emulator/tcb/signature'

export const ROOT = path.resolve(__dirname, '../..')
export const FIXTURE_FUNCTIONS = path.join(ROOT, 'test/fixtures/functions')

/** A fresh temporary data directory. */
export function tmpDir(prefix = 'hemei-emu-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Start an emulator on a random port with an empty database (collections created, no demo data). */
export function startTestEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, dataDir: tmpDir(), seed: false, quiet: true, functionsDir: FIXTURE_FUNCTIONS, ...opts })
}

/** The real wx-server-sdk, initialised against `url` with the emulator's secret pair (a fresh module instance on every call). */
export function sdkFor(url: string, credentials: { secretId: string; secretKey: string }): any {
  process.env.TENCENTCLOUD = 'true'
  process.env.TENCENTCLOUD_REGION ||= 'ap-shanghai'
  let cloud: any
  jest.isolateModules(() => {
    cloud = require('wx-server-sdk')
  })
  cloud.init({ env: 'test', serviceUrl: url, ...credentials })
  return cloud
}

/** A raw TCB request (JSON POST to `url`), signed as wx-server-sdk signs (TC3-HMAC-SHA256 over host, content-type and the body). */
export function tcbPost(url: string, credentials: Credentials, body: object): Promise<Response> {
  const u = new URL(url)
  const timestamp = Math.floor(Date.now() / 1000) - 1
  const headers = { 'content-type': 'application/json', host: u.host }
  const signature = signatureFor(credentials.secretKey, 'post', u.host, u.pathname + u.search, headers, body as Record<string, unknown>, timestamp)
  const date = scopeDate(timestamp)
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': String(timestamp),
      authorization: `TC3-HMAC-SHA256 Credential=${credentials.secretId}/${date}/tcb/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    },
    body: JSON.stringify(body),
  })
}

/** A small deterministic PRNG (mulberry32) for the store's randomised tests: next() in [0, 1), int(n), pick(xs). */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: T[]): T => xs[int(xs.length)]
  return { next, int, pick }
}

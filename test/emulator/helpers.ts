/** Test helpers: a fresh emulator on a temp dir and the REAL wx-server-sdk pointed at it. */
import fs from 'fs'
import os from 'os'
import path from 'path'
import { startEmulator, Emulator, EmulatorOptions } from '../../cloud/emulator'

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

/** The real wx-server-sdk, initialised against `url` (a fresh module instance on every call). */
export function sdkFor(url: string): any {
  process.env.TENCENTCLOUD = 'true'
  process.env.TENCENTCLOUD_REGION ||= 'ap-shanghai'
  let cloud: any
  jest.isolateModules(() => {
    cloud = require('wx-server-sdk')
  })
  cloud.init({ env: 'test', serviceUrl: url, secretId: 'local', secretKey: 'local' })
  return cloud
}

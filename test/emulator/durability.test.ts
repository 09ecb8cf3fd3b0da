/** Durability: an acknowledged write survives `kill -9` of the emulator process; a clean restart keeps data. */
import { spawn, ChildProcess } from 'child_process'
import net from 'net'
import path from 'path'
import { ROOT, tmpDir, sdkFor, tcbPost, FIXTURE_FUNCTIONS } from './helpers'
import { randomCredentials } from '../../cloud/emulator/tcb/signature'

jest.setTimeout(90_000)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

/** The secret pair the child emulators are started with (HEMEI_SECRET_ID/KEY). */
const credentials = randomCredentials()

interface Child {
  proc: ChildProcess
  url: string
  credentials: typeof credentials
  exited: Promise<{ code: number | null; signal: string | null }>
}

/** Start `tsx cloud/emulator/main.ts` as one process (node --import tsx, so kill -9 hits the server itself). */
async function startChild(dataDir: string): Promise<Child> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cloud/emulator/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HEMEI_PORT: String(port),
      HEMEI_DATA_DIR: dataDir,
      HEMEI_QUIET: '1',
      HEMEI_FUNCTIONS_DIR: FIXTURE_FUNCTIONS,
      HEMEI_SECRET_ID: credentials.secretId,
      HEMEI_SECRET_KEY: credentials.secretKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })))
  let err = ''
  proc.stderr!.on('data', (d) => (err += d))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out} ${err}`)), 30_000)
    proc.stdout!.on('data', (d) => {
      out += d
      const m = /Hemei emulator: (http:\/\/\S+?)\/?\s/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    proc.on('exit', () => reject(new Error(`emulator exited: ${out} ${err}`)))
  })
  return { proc, url, credentials, exited }
}

/** All ids in a collection, read with raw TCB requests (fresh sockets after a restart). */
async function allIds(url: string, coll: string): Promise<Set<string>> {
  const ids = new Set<string>()
  for (let offset = 0; ; offset += 1000) {
    const res = await tcbPost(`${url}/tcb`, credentials, { action: 'database.getDocument', collectionName: coll, queryType: 'WHERE', limit: 1000, offset, projection: '{"_id":1}' })
    const { data } = await res.json()
    for (const item of data.list) ids.add(JSON.parse(item)._id)
    if (data.list.length < 1000) return ids
  }
}

test('every acknowledged insert survives kill -9 mid-burst; a clean restart keeps the data', async () => {
  const dataDir = tmpDir('hemei-durable-')
  const first = await startChild(dataDir)
  const db = sdkFor(first.url + '/tcb', first.credentials).database()
  const acked: string[] = []
  let stop = false
  const loops = Array.from({ length: 8 }, async (_v, loop) => {
    for (let i = 0; !stop; i++) {
      const id = `k-${loop}-${i}`
      try {
        await db.collection('requests').add({ data: { _id: id, loop, i, payload: 'x'.repeat(200), at: new Date() } })
        acked.push(id)
      } catch {
        return // the server is gone
      }
    }
  })
  while (acked.length < 200) await new Promise((r) => setTimeout(r, 5))
  first.proc.kill('SIGKILL')
  const how = await first.exited
  stop = true
  await Promise.all(loops)
  expect(how.signal).toBe('SIGKILL')
  const ackedAtKill = [...acked]

  const second = await startChild(dataDir)
  const present = await allIds(second.url, 'requests')
  const missing = ackedAtKill.filter((id) => !present.has(id))
  expect(missing).toEqual([])
  expect(present.size).toBeGreaterThanOrEqual(ackedAtKill.length)

  second.proc.kill('SIGTERM')
  expect((await second.exited).code).toBe(0)
  const third = await startChild(dataDir)
  try {
    const again = await allIds(third.url, 'requests')
    expect(again).toEqual(present)
  } finally {
    third.proc.kill('SIGTERM')
    await third.exited
  }
})

// `npm run bench -- --scale`: issue 9's growth measurement. At each size (1k, 10k, 100k wishes; BENCH_SIZES) a fresh
// emulator runs every user and wish action (bench.ts `run`); then the table of p50/p95 per size, the growth ratio
// (p50 at the largest ÷ p50 at the smallest; > 2 flagged O(n)) and the documents decoded per call. Also the first
// call after a start (workers warmed in the background, and cold) and, at the size where a community holds about
// 1,250 wishes, the real SDK's `where().limit(20)` rate against the emulator and against a canned-answer ceiling.
import { createServer, type Server } from 'node:http'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startEmulator, type CallStat, type Emulator } from '../cloud/emulator'
import { COMMUNITIES } from '../cloud/emulator/seed/communities'
import { runDatabaseAction } from '../cloud/emulator/tcb/database'
import { f1, median, table } from './bench-format'

/** What the scale table reads from a bench row. */
interface ScaleRow {
  action: string
  p50: number
  p95: number
  docs: number
  flags: string[]
}

interface ScaleOptions {
  functionsDir: string
  onCall: (stat: CallStat) => void
  /** Seeds `wishes` wishes on `emu` and measures every action (bench.ts `run`). */
  measure: (emu: Emulator, wishes: number) => Promise<ScaleRow[]>
}

const SIZES = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number)
const CEILING_SECONDS = 2
const CEILING_ROUNDS = 6

/** Runs the scale mode and prints its tables. */
export async function runScale(opts: ScaleOptions): Promise<void> {
  const bySize = new Map<number, ScaleRow[]>()
  const firstCalls: string[][] = []
  let ceilingLine = ''
  for (const size of SIZES) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hemei-bench-scale-'))
    try {
      const start = (warm: boolean, onCall?: ScaleOptions['onCall']) => startEmulator({ port: 0, dataDir, seed: true, quiet: true, onCall, warm, functionsDir: opts.functionsDir })
      console.log(`\n===== ${size} wishes =====`)
      let emu = await start(true, opts.onCall)
      try {
        bySize.set(size, await opts.measure(emu, size))
        const perCommunity = size / COMMUNITIES.length
        if (!ceilingLine && perCommunity >= 1000 && perCommunity <= 2000) ceilingLine = await ceiling(emu, size)
      } finally {
        await emu.close()
      }
      // The first calls after a start on this data: warmed in the background (measured once warm), and cold.
      const first: string[] = [String(size)]
      for (const warm of [true, false]) {
        emu = await start(warm)
        try {
          if (warm) await emu.core.runner.warm()
          const t0 = performance.now()
          await emu.invoke('wish', { action: 'wall', input: { scope: 'district', page: 1, pageSize: 20 } }, 'bulk-00001')
          const wall = performance.now() - t0
          const t1 = performance.now()
          await emu.invoke('user', { action: 'me', input: {} }, 'bulk-00002')
          first.push(f1(wall), f1(performance.now() - t1))
        } finally {
          await emu.close()
        }
      }
      firstCalls.push(first)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  printGrowth(bySize)
  console.log('\nfirst calls after a start (ms; the wall is also the first sorted query of the process)\n')
  console.log(table(['wishes', 'warmed: wall (district)', 'warmed: user.me', 'cold: wall (district)', 'cold: user.me'], firstCalls))
  if (ceilingLine) console.log(`\n${ceilingLine}`)
}

/** The growth table: p50/p95 at each size, docs decoded per call, growth ratio, O(n) flag. */
function printGrowth(bySize: Map<number, ScaleRow[]>): void {
  const sizes = [...bySize.keys()]
  const small = bySize.get(sizes[0]) || []
  const large = bySize.get(sizes[sizes.length - 1]) || []
  const head = ['action', ...sizes.map((s) => `p50/p95 ms @${s}`), ...sizes.map((s) => `docs @${s}`), 'growth', 'flags']
  const body = small.map((row, i) => {
    const at = (s: number) => bySize.get(s)?.[i]
    const growth = (large[i]?.p50 ?? NaN) / row.p50
    // Say when the documents decoded per call did not grow with the time (noise on a shared machine, or SQL work such as a sort).
    const docsFlat = (large[i]?.docs ?? Infinity) <= 2 * Math.max(1, row.docs)
    const flags = [
      ...(growth > 2 ? [docsFlat ? 'O(n) (docs decoded flat: time, not decoding)' : 'O(n)'] : []),
      ...sizes.flatMap((s) => (at(s)?.flags.length ? [`@${s}: ${at(s)!.flags.join('; ')}`] : [])),
    ]
    return [row.action, ...sizes.map((s) => `${f1(at(s)?.p50 ?? NaN)}/${f1(at(s)?.p95 ?? NaN)}`), ...sizes.map((s) => String(at(s)?.docs ?? 'n/a')), f1(growth), flags.join('; ') || 'ok']
  })
  console.log(`\ngrowth: p50 at ${sizes[sizes.length - 1]} ÷ p50 at ${sizes[0]} (> 2 flagged O(n)); docs = documents decoded per call (median, store.stats)\n`)
  console.log(table(head, body))
}

/**
 * The canned-answer ceiling: an HTTP server that forwards the first request to the emulator, keeps the answer and
 * gives it to every later request without looking at it. The real SDK (a plain-node child, bench-sdk.cjs) runs
 * `where({communityId}).limit(20).get()` against both, interleaved; the ratio is emulator ÷ ceiling.
 */
async function ceiling(emu: Emulator, size: number): Promise<string> {
  const communityId = COMMUNITIES[0]._id
  let canned: Buffer | undefined
  let served = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      // The first request's answer, computed once by the emulator's own database code; never checked or run again.
      canned ??= Buffer.from(
        JSON.stringify({
          requestId: 'local',
          ...runDatabaseAction({ store: emu.core.store, txm: emu.core.txm, session: '' }, 'database.getDocument', JSON.parse(Buffer.concat(chunks).toString())),
        }),
      )
      served++
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': canned.length }).end(canned)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as { port: number }).port
  const sdk = (serviceUrl: string) =>
    new Promise<{ rate: number; calls: number }>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [path.join(__dirname, 'bench-sdk.cjs'), emu.credentials.secretId, emu.credentials.secretKey, communityId, String(CEILING_SECONDS), serviceUrl],
        { env: process.env, maxBuffer: 1 << 20 },
        (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
      )
      child.stdin?.end()
    })
  try {
    const matches = emu.core.store.candidates('wishes', { communityId }).docs.length
    const rates = { emulator: [] as number[], ceiling: [] as number[] }
    let ceilingCalls = 0
    for (let r = 0; r < CEILING_ROUNDS; r++) {
      rates.emulator.push((await sdk(`${emu.url}/tcb`)).rate)
      const c = await sdk(`http://127.0.0.1:${port}/tcb`)
      rates.ceiling.push(c.rate)
      ceilingCalls += c.calls + 1
    }
    if (served !== ceilingCalls) throw new Error(`ceiling server answered ${served} requests, the SDK made ${ceilingCalls}`)
    const e = median(rates.emulator)
    const c = median(rates.ceiling)
    return `where({communityId}).limit(20).get() through wx-server-sdk, ${matches} matches of ${size} wishes, ${CEILING_ROUNDS}×${CEILING_SECONDS} s interleaved, sequential: emulator ${f1(e)}/s, canned-answer ceiling ${f1(c)}/s (${served} requests served), ratio ${(e / c).toFixed(2)} (goal ≥ 0.5)`
  } finally {
    server.close()
  }
}

// Child process for layer 2: the real emulator (cloud/emulator) with the demo seed, outside jest's jsdom
// sandbox, plus a loopback control port that puts the database back to the demo seed between tests.
// Prints one JSON line {url, control} when ready; closes and exits when its stdin closes.
import http from 'http'
import type { AddressInfo } from 'net'
import { startEmulator } from '../../../cloud/emulator/index'
import { ensureCollections, seedDemoData } from '../../../cloud/emulator/seed'
import { fromEJSON } from '../../../cloud/emulator/engine/ejson'
import { closeWithParent, runChild } from '../../support/child'

async function main() {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: emulator-main.ts <dataDir>')
  const poolSize = 2
  // No timer triggers: a scheduler run landing mid-test (the counters' tally, each minute) would move what a test reads.
  const emu = await startEmulator({ port: 0, host: '127.0.0.1', dataDir, seed: true, quiet: true, poolSize, timers: false })
  const store = emu.core.store

  /**
   * Every document removed in one write, then the demo seed written again: milliseconds, the function
   * workers stay up. (The logged subscription messages have no store API; they go by SQL.)
   */
  const reset = () => {
    const removals = store.listCollections().flatMap((coll) => store.candidates(coll, undefined).docs.map((d) => ({ coll, id: String(d._id), doc: null })))
    store.write(removals)
    store.db.prepare('DELETE FROM messages').run()
    ensureCollections(store)
    seedDemoData(store)
  }

  const control = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/reset') {
      try {
        reset()
        res.writeHead(204).end()
      } catch (e) {
        res.writeHead(500).end(String((e as Error)?.stack || e))
      }
      return
    }
    // Stages documents a test cannot reach through the functions yet (EJSON body { coll, docs }; dates as {$date}).
    if (req.method === 'POST' && req.url === '/insert') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        try {
          const { coll, docs } = fromEJSON(Buffer.concat(chunks).toString('utf8')) as { coll: string; docs: { _id: string }[] }
          store.write(docs.map((doc) => ({ coll, id: String(doc._id), doc })))
          res.writeHead(204).end()
        } catch (e) {
          res.writeHead(500).end(String((e as Error)?.stack || e))
        }
      })
      return
    }
    if (req.method === 'GET' && req.url === '/calls') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(emu.calls.slice(-200)))
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve))

  // Boot every instance of each function now (concurrent calls fill the pool), so no test pays for a cold start.
  const warm = (fn: string, action: string) => Array.from({ length: poolSize }, () => emu.invoke(fn, { action, input: {} }, 'demo-resident'))
  await Promise.all([...warm('user', 'me'), ...warm('wish', 'wall')])

  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`
  process.stdout.write(`${JSON.stringify({ url: emu.url, control: controlUrl })}\n`)

  closeWithParent(async () => {
    control.close()
    await emu.close()
  })
}

runChild('pages emulator-main', main)

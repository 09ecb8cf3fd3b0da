// Child process for layer 3: starts the real emulator (cloud/emulator) outside jest's jsdom sandbox and
// prints one JSON line {url, port, control}. It closes the emulator and exits when its stdin closes (the test
// process ended or called stop()), so no emulator outlives its test file.
import http from 'http'
import type { AddressInfo } from 'net'
import { startEmulator } from '../../cloud/emulator/index'
import { closeWithParent, runChild } from '../support/child'
import { writeRoute } from '../support/stageRoute'

async function main() {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: emulator-main.ts <dataDir>')
  // No timer triggers: a scheduler run landing mid-test (the counters' tally, each minute) would move what a test reads.
  const emu = await startEmulator({ port: 0, host: '127.0.0.1', dataDir, seed: true, quiet: true, timers: false })
  // A loopback control port: POST /write stages documents (test/support/stageDocs.ts).
  const control = http.createServer((req, res) => (req.method === 'POST' && req.url === '/write' ? writeRoute(emu.core.store, req, res) : res.writeHead(404).end()))
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve))
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`
  process.stdout.write(`${JSON.stringify({ url: emu.url, port: emu.port, control: controlUrl })}\n`)
  closeWithParent(async () => {
    control.close()
    await emu.close()
  })
}

runChild('emulator-main', main)

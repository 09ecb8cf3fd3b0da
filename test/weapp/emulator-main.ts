// Child process for layer 3: starts the real emulator (cloud/emulator) outside jest's jsdom sandbox and
// prints one JSON line {url, port}. It closes the emulator and exits when its stdin closes (the test
// process ended or called stop()), so no emulator outlives its test file.
import { startEmulator } from '../../cloud/emulator/index'
import { closeWithParent, runChild } from '../support/child'

async function main() {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: emulator-main.ts <dataDir>')
  // No timer triggers: a scheduler run landing mid-test (the counters' tally, each minute) would move what a test reads.
  const emu = await startEmulator({ port: 0, host: '127.0.0.1', dataDir, seed: true, quiet: true, timers: false })
  process.stdout.write(`${JSON.stringify({ url: emu.url, port: emu.port })}\n`)
  closeWithParent(() => emu.close())
}

runChild('emulator-main', main)

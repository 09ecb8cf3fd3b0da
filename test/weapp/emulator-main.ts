// Child process for layer 3: starts the real emulator (cloud/emulator) outside jest's jsdom sandbox and
// prints one JSON line {url, port}. It closes the emulator and exits when its stdin closes (the test
// process ended or called stop()), so no emulator outlives its test file.
import { startEmulator } from '../../cloud/emulator/index'

async function main() {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: emulator-main.ts <dataDir>')
  const emu = await startEmulator({ port: 0, host: '127.0.0.1', dataDir, seed: true, quiet: true })
  process.stdout.write(`${JSON.stringify({ url: emu.url, port: emu.port })}\n`)
  let closing = false
  const stop = async () => {
    if (closing) return
    closing = true
    try {
      await emu.close()
    } finally {
      process.exit(0)
    }
  }
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.on('SIGTERM', stop)
  process.stdin.resume()
}

main().catch((e) => {
  process.stderr.write(`emulator-main: ${e?.stack || e}\n`)
  process.exit(1)
})

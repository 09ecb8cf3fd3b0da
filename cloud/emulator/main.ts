/** CLI: `tsx cloud/emulator/main.ts` — reads HEMEI_PORT, HEMEI_HOST (+ HEMEI_ALLOW_NON_LOOPBACK=1) and HEMEI_DATA_DIR, serves until SIGINT/SIGTERM. */
import { startEmulator } from './index'

// A last guard, not the fix: every invocation answers its own failures; anything that still escapes is logged.
process.on('unhandledRejection', (reason) => console.error('Hemei emulator: unhandled rejection', reason))

async function main(): Promise<void> {
  const emu = await startEmulator({
    port: process.env.HEMEI_PORT !== undefined ? Number(process.env.HEMEI_PORT) : undefined,
    host: process.env.HEMEI_HOST || undefined,
    allowNonLoopback: process.env.HEMEI_ALLOW_NON_LOOPBACK === '1',
    dataDir: process.env.HEMEI_DATA_DIR || undefined,
    functionsDir: process.env.HEMEI_FUNCTIONS_DIR || undefined,
    staticDir: process.env.HEMEI_STATIC_DIR || undefined,
    quiet: process.env.HEMEI_QUIET === '1',
    volunteerDemo: process.env.HEMEI_VOLUNTEER_DEMO !== '0',
    schoolDemo: process.env.HEMEI_SCHOOL_DEMO !== '0',
    elderDemo: process.env.HEMEI_ELDER_DEMO !== '0',
    credentials: process.env.HEMEI_SECRET_ID && process.env.HEMEI_SECRET_KEY ? { secretId: process.env.HEMEI_SECRET_ID, secretKey: process.env.HEMEI_SECRET_KEY } : undefined,
  })
  console.log(`Hemei emulator: ${emu.url}/`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Hemei emulator: ${signal}, shutting down`)
    emu.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

/** Warming (issue 9): a start loads one instance of each function in the background; HEMEI_WARM=0 (or warm: false) starts none before the first call. */
import { startTestEmulator } from './helpers'

jest.setTimeout(30_000)

/** Function pools the runner has created (one appears when an instance is started for a function). */
const pools = (emu: Awaited<ReturnType<typeof startTestEmulator>>) => (emu.core.runner as unknown as { pools: Map<string, unknown> }).pools.size

afterEach(() => {
  delete process.env.HEMEI_WARM
})

test('by default a start warms one instance of each function', async () => {
  const emu = await startTestEmulator()
  try {
    await new Promise((r) => setTimeout(r, 300))
    expect(pools(emu)).toBeGreaterThan(0)
  } finally {
    await emu.close()
  }
})

test('HEMEI_WARM=0 starts no instance before the first call', async () => {
  process.env.HEMEI_WARM = '0'
  const emu = await startTestEmulator()
  try {
    await new Promise((r) => setTimeout(r, 300))
    expect(pools(emu)).toBe(0)
  } finally {
    await emu.close()
  }
})

// The function pool's scheduling: a call waits for the first ready, free instance, and the pool grows one
// starting instance at a time. (A burst of first calls once started an instance each and waited for all of
// them sharing the machine's cores: the cause of the e2e's slow first 我的.)
import path from 'path'
import { FunctionPool, type InvocationResult } from '../../cloud/emulator/runner/pool'
import { FIXTURE_FUNCTIONS } from './helpers'

const whoami = (size: number) =>
  new FunctionPool({
    fn: 'whoami',
    file: path.join(FIXTURE_FUNCTIONS, 'whoami/index.js'),
    size,
    timeoutMs: 10_000,
    workerEnv: () => ({ TENCENTCLOUD: 'true', TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'hemei-local' }),
  })
const call = (pool: FunctionPool, openid: string, delayMs = 1): Promise<InvocationResult> =>
  pool.invoke({ event: { action: 'who', delayMs }, env: { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: openid }, context: {} })

test('a burst of first calls is served by the first instance that is ready, not by one new instance each', async () => {
  const pool = whoami(4)
  try {
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((u) => call(pool, u)))
    for (const [i, r] of results.entries()) expect(JSON.parse(r.json!)).toMatchObject({ ok: true, data: { openid: 'abcdef'[i] } })
    // Six 1 ms calls finish on the first instance (a second may have started meanwhile), never on six.
    expect(new Set(results.map((r) => r.workerSession)).size).toBeLessThanOrEqual(2)
  } finally {
    await pool.close()
  }
})

test('while calls keep waiting, the pool grows to its size, one start at a time, and runs them side by side', async () => {
  const pool = whoami(3)
  try {
    await pool.warm()
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(pool, `u${i}`, 400)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => r.workerSession)).size).toBeGreaterThanOrEqual(2)
    expect(new Set(results.map((r) => r.workerSession)).size).toBeLessThanOrEqual(3)
  } finally {
    await pool.close()
  }
})

test('a bundle that cannot load fails its call with the load error, not the pool', async () => {
  const pool = new FunctionPool({
    fn: 'missing',
    file: path.join(FIXTURE_FUNCTIONS, 'no-such-function/index.js'),
    size: 2,
    timeoutMs: 5_000,
    workerEnv: () => ({}),
  })
  try {
    // The worker reports a load error on the call itself (as CloudBase does), so the call fails, not the start.
    const r = await call(pool, 'x')
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Cannot find module/) })
  } finally {
    await pool.close()
  }
})

test('an event the instance cannot receive (nested 5,000 deep) fails that call only; the pool keeps serving', async () => {
  const pool = whoami(1)
  try {
    let deep: unknown = []
    for (let i = 0; i < 5000; i++) deep = [deep]
    const r = await pool.invoke({ event: { action: 'who', input: deep }, env: { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'a' }, context: {} })
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/could not be sent/) })
    expect(JSON.parse((await call(pool, 'b')).json!)).toMatchObject({ ok: true, data: { openid: 'b' } })
  } finally {
    await pool.close()
  }
})

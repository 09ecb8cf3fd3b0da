// Rotating 6-digit codes (cloud/lib/rotatingCode.ts) and user.checkinCode, the staff demo that shows them.
import fc from 'fast-check'
import { checkinScope } from '../../cloud/domain/user/checkinCode'
import { CODE_WINDOW_MS, rotatingCode, verifyRotatingCode } from '../../cloud/lib/rotatingCode'
import { startHarness, type Harness } from './helpers'

const SECRET = 'a-test-secret-of-some-length'

describe('rotatingCode', () => {
  it('is 6 digits, the same within a 30-s window, and verified in that window and the next one only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.string({ minLength: 1, maxLength: 40 }), (at, scope) => {
        const { code, expiresAt } = rotatingCode(SECRET, scope, at)
        expect(code).toMatch(/^\d{6}$/)
        expect(expiresAt).toBeGreaterThan(at)
        expect(expiresAt - at).toBeLessThanOrEqual(CODE_WINDOW_MS)
        expect(rotatingCode(SECRET, scope, expiresAt - 1).code).toBe(code)
        expect(verifyRotatingCode(SECRET, scope, code, at)).toBe(true)
        expect(verifyRotatingCode(SECRET, scope, code, expiresAt + CODE_WINDOW_MS - 1)).toBe(true)
        // Two windows on, only a chance collision with one of the two codes then current would pass.
        const later = expiresAt + CODE_WINDOW_MS
        const current = [rotatingCode(SECRET, scope, later).code, rotatingCode(SECRET, scope, later - CODE_WINDOW_MS).code]
        expect(verifyRotatingCode(SECRET, scope, code, later)).toBe(current.includes(code))
      }),
      { seed: Number(process.env.HEMEI_FUZZ_SEED || 20261129) }, // fixed, as the fuzz tests' (HEMEI_FUZZ_SEED replays another)
    )
  })

  it('depends on the secret and the scope; refuses what is not 6 digits', () => {
    const at = Date.UTC(2026, 10, 29, 1, 0, 0)
    const { code } = rotatingCode(SECRET, 'checkin:junmen', at)
    expect(rotatingCode('another-secret-of-some-length', 'checkin:junmen', at).code).not.toBe(code)
    expect(rotatingCode(SECRET, 'checkin:qingcheng', at).code).not.toBe(code)
    expect(rotatingCode(SECRET, 'checkin:junmen', at + CODE_WINDOW_MS).code).not.toBe(code)
    expect(verifyRotatingCode(SECRET, 'checkin:junmen', code.slice(1), at)).toBe(false)
    expect(verifyRotatingCode(SECRET, 'checkin:junmen', `${code} `, at)).toBe(false)
    expect(verifyRotatingCode(SECRET, 'checkin:junmen', String((Number(code) + 1) % 1e6).padStart(6, '0'), at)).toBe(false)
  })
})

describe('user.checkinCode', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('staff in scope get the current code of the community, which check-in will verify', async () => {
    const junmen = h.communityId('军门社区')
    const c = await h.userOk('demo-staff', 'checkinCode', { communityId: junmen })
    expect(c).toMatchObject({ communityId: junmen, code: expect.stringMatching(/^\d{6}$/) })
    expect(c.qr).toBe(`hemei-checkin:${junmen}:${c.code}`)
    const now = Date.parse(c.now)
    const expires = Date.parse(c.expiresAt)
    expect(expires - now).toBeGreaterThan(0)
    expect(expires - now).toBeLessThanOrEqual(CODE_WINDOW_MS)
    // The emulator's local secret (cloud/emulator/runner/runner.ts).
    expect(verifyRotatingCode('hemei-local-code-secret', checkinScope(junmen), c.code, now)).toBe(true)
    expect(verifyRotatingCode('hemei-local-code-secret', checkinScope(h.communityId('庆城社区')), c.code, now)).toBe(false)
    expect((await h.userOk('demo-admin', 'checkinCode', { communityId: junmen })).code).toMatch(/^\d{6}$/)
  })

  it('refuses staff of another community, a volunteer and a resident', async () => {
    const junmen = h.communityId('军门社区')
    expect(await h.user('demo-staff-tangmen', 'checkinCode', { communityId: junmen })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.user('demo-volunteer', 'checkinCode', { communityId: junmen })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user('demo-resident', 'checkinCode', { communityId: junmen })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })

  it('gives the admin no code for a community that does not exist (found by the 20,000-case fuzz run)', async () => {
    for (const communityId of ['\u200bjunmen', 'no-such-community']) {
      expect(await h.user('demo-admin', 'checkinCode', { communityId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
  })
})

// Subscription templates: each id is set once, as HEMEI_TPL_<KEY> in the functions' configuration; the function that
// sends uses it and user.me hands it to the app (src/contracts/templates.ts).
import { TEMPLATE_KEYS } from '../../src/contracts'
import { newOpenid, startHarness, type Harness } from './helpers'
import { day, openWish, volunteer } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ env: { HEMEI_TPL_WISH_CLAIMED: 'tpl-from-config-claimed', HEMEI_TPL_ELDER_REMINDER: 'tpl-from-config-reminder' } })
})
afterAll(async () => {
  await h?.close()
})

describe('user.me templates', () => {
  it('gives a signed-up user every template id: the configured ones, else the local default', async () => {
    const me = await h.userOk('demo-resident', 'me')
    expect(Object.keys(me.templates).sort()).toEqual([...TEMPLATE_KEYS].sort())
    expect(me.templates).toMatchObject({
      WISH_CLAIMED: 'tpl-from-config-claimed',
      ELDER_REMINDER: 'tpl-from-config-reminder',
      SCH_OFFER: 'local-tpl-sch-offer',
      VOL_SLOT_CHANGED: 'local-tpl-vol-slot-changed',
      SCHOOL_DAY_CANCELLED: 'local-tpl-school-day-cancelled',
      ELDER_CHANGED: 'local-tpl-elder-changed',
    })
  })

  it('gives none before sign-up', async () => {
    const me = await h.userOk(newOpenid(), 'me')
    expect(me.signedUp).toBe(false)
    expect(me).not.toHaveProperty('templates')
  })

  it('is the id the sending function uses (one setting for both)', async () => {
    const { templates } = await h.userOk('demo-resident', 'me')
    const w = await openWish(h)
    const v = await volunteer(h)
    await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(1) })
    const { messages } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
    const msg = messages.find((m: any) => m.touser === w.wisher)
    expect(msg).toMatchObject({ api: 'subscribeMessage.send', templateId: templates.WISH_CLAIMED })
  })
})

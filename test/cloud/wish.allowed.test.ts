// allowedActions against the handlers: for every status and every kind of viewer, the detail's viewer.can
// lists exactly the actions the handlers accept. Each action outside `can` is refused (and changes nothing);
// each action in `can` succeeds on a fresh wish in the same state.
import { WISH_VIEWER_ACTIONS, type WishViewerAction } from '../../src/contracts'
import { startHarness, type Harness } from './helpers'
import { claimedWish, day, fulfilledWish, openWish, pendingWish, resident, stored, volunteer, wishInput, type Staged } from './wishFixtures'

let h: Harness
let bystanders: { volunteer: string; resident: string }
beforeAll(async () => {
  h = await startHarness()
  bystanders = { volunteer: await volunteer(h), resident: await resident(h) }
})
afterAll(async () => {
  await h?.close()
})

type Wish = Staged & { claimant?: string }

/** Each status the rules distinguish, staged through the handlers (an overdue claim by moving its date back). */
const STATES: Record<string, () => Promise<Wish>> = {
  pending_review: () => pendingWish(h),
  rejected: async () => {
    const w = await pendingWish(h)
    await h.wishOk('demo-staff', 'review', { wishId: w.id, decision: 'reject', reason: '请写清楚' })
    return w
  },
  open: () => openWish(h),
  claimed: () => claimedWish(h),
  'claimed (overdue)': async () => {
    const w = await claimedWish(h)
    await h.update('wishes', { _id: w.id }, { 'claim.promisedBy': day(-1) })
    return w
  },
  fulfilled: () => fulfilledWish(h),
  closed: async () => {
    const w = await fulfilledWish(h)
    await h.wishOk(w.wisher, 'confirm', { wishId: w.id })
    return w
  },
  cancelled: async () => {
    const w = await pendingWish(h)
    await h.wishOk(w.wisher, 'cancel', { wishId: w.id })
    return w
  },
  hidden: async () => {
    const w = await openWish(h)
    await h.wishOk('demo-staff', 'hide', { wishId: w.id, reason: '不实' })
    return w
  },
}

/** The kinds of viewer, as the openid that plays each for a wish (none: no such person for this wish). */
const VIEWERS: Record<string, (w: Wish) => string | undefined> = {
  wisher: (w) => w.wisher,
  claimant: (w) => w.claimant,
  'another volunteer': () => bystanders.volunteer,
  'another resident': () => bystanders.resident,
  'staff of the community': () => 'demo-staff',
  'staff of another community': () => 'demo-staff-tangmen',
}

/** A valid input for each action on wish `id` (the handler's answer then depends on the rules alone). */
function inputFor(action: WishViewerAction, id: string): [string, Record<string, unknown>] {
  switch (action) {
    case 'claim':
      return ['claim', { wishId: id, promisedBy: day(1) }]
    case 'claimForUnit':
      return ['claim', { wishId: id, promisedBy: day(1), unitName: '鼓楼供电共建小组' }]
    case 'resubmit':
      return ['resubmit', { wishId: id, ...wishInput() }]
    case 'review':
      return ['review', { wishId: id, decision: 'approve' }]
    case 'fulfil':
      return ['fulfil', { wishId: id, note: '已经帮忙修好了。' }]
    case 'confirm':
    case 'cancel':
      return [action, { wishId: id }]
    default:
      return [action, { wishId: id, reason: '测试原因' }]
  }
}

/** The detail's viewer.can for `openid` (nothing when the wish is not theirs to see). */
async function canOf(openid: string, id: string): Promise<WishViewerAction[]> {
  const res = await h.wish(openid, 'detail', { wishId: id })
  return res.ok ? (res.data as any).viewer.can : []
}

describe.each(Object.keys(STATES))('a wish that is %s', (state) => {
  it.each(Object.keys(VIEWERS))('viewed by %s: viewer.can is exactly what the handlers accept', async (kind) => {
    const base = await STATES[state]()
    const who = VIEWERS[kind](base)
    if (!who) return // no claimant before a claim
    const can = await canOf(who, base.id)
    const before = await stored(h, base.id)
    for (const action of WISH_VIEWER_ACTIONS.filter((a) => !can.includes(a))) {
      const [name, input] = inputFor(action, base.id)
      const res = await h.wish(who, name, input)
      expect({ action, ok: res.ok }).toEqual({ action, ok: false })
    }
    expect((await stored(h, base.id)).status).toBe(before.status)
    for (const action of can) {
      const fresh = await STATES[state]()
      const as = VIEWERS[kind](fresh)!
      const [name, input] = inputFor(action, fresh.id)
      const res = await h.wish(as, name, input)
      expect({ action, res }).toEqual({ action, res: expect.objectContaining({ ok: true }) })
    }
  })
})

it('the rules are not empty: every action is allowed to someone in some state', async () => {
  const w = await openWish(h)
  expect(await canOf(bystanders.volunteer, w.id)).toEqual(['claim', 'report'])
  expect(await canOf('demo-staff', w.id)).toEqual(expect.arrayContaining(['claimForUnit', 'hide']))
  expect(await canOf(w.wisher, w.id)).toEqual(['cancel'])
})

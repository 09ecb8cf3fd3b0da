// Check-in under concurrency (issue 10, part B): many instances (pool of 8) serving the same volunteer's calls at
// once; the conditional update of shifts.<i> (its condition holds the status read) lets exactly one win.
import type { SlotDoc } from '../../cloud/domain/volunteer/model'
import { startHarness, type Harness } from './helpers'
import { north, PLACE, shift, stageSlot, stageVolunteer, vol, volOk } from './volunteer.checkinFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 8 })
})
afterAll(async () => {
  await h?.close()
})

const near = () => ({ ...north(PLACE, 30), accuracy: 15 })
const N = 24

it(`${N} concurrent check-ins of one volunteer (code and location) make one pair; ${N} check-outs close it once`, async () => {
  const v = await stageVolunteer(h)
  const slot = await stageSlot(h, [shift(v)])
  const { code } = await volOk(h, 'demo-staff', 'slotCode', { slotId: slot._id, purpose: 'in' })
  // The pool grows one instance at a time while calls wait: bursts of reads until 8 instances serve at once.
  for (let round = 0; round < 12; round++) await Promise.all(Array.from({ length: 16 }, () => vol(h, v, 'myCheckin', { slotId: slot._id })))
  const ins = await Promise.all(
    Array.from({ length: N }, (_, i) => vol(h, v, 'checkIn', i % 2 ? { slotId: slot._id, method: 'code', code } : { slotId: slot._id, method: 'location', ...near() })),
  )
  expect(ins.filter((r) => !r.ok)).toEqual([])
  expect(ins.filter((r) => r.ok && !r.data.repeated)).toHaveLength(1)
  let doc = (await h.find('vol_slots', { _id: slot._id }))[0] as SlotDoc
  expect(doc.shifts[0].pairs).toHaveLength(1)
  expect(doc.openPairs).toBe(1)
  // Every answer names the one pair that was written.
  const inAt = new Date(doc.shifts[0].pairs[0].inAt).toISOString()
  expect(new Set(ins.map((r) => (r.ok ? r.data.pair.inAt : '')))).toEqual(new Set([inAt]))

  const outs = await Promise.all(Array.from({ length: N }, () => vol(h, v, 'checkOut', { slotId: slot._id, method: 'location', ...near() })))
  expect(outs.filter((r) => !r.ok)).toEqual([])
  expect(outs.filter((r) => r.ok && !r.data.repeated)).toHaveLength(1)
  doc = (await h.find('vol_slots', { _id: slot._id }))[0] as SlotDoc
  expect(doc.shifts[0]).toMatchObject({ status: 'checked_out', pairs: [{ outBy: 'location' }] })
  expect(doc.openPairs).toBe(0)
})

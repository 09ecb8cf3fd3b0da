import { tallyToken } from '../../../lib/counters'
import type { Job } from '../../../lib/jobs'
import { VOL_SLOTS, type SlotDoc } from '../model'

/** Slots closed per run; more are left for the next run (`more`). */
const BATCH = 50

/** The flag a forgotten check-out leaves on the shift, for staff to review before confirming. */
export const FORGOTTEN_CHECKOUT = '未签退，系统已按班次结束时间自动签退，请核实时长'

type Ending = Pick<SlotDoc, '_id' | 'endAt' | 'shifts' | 'openPairs'>

/**
 * Job: closes the pairs left open when a slot ended (a forgotten check-out) at the slot's end (`outBy:
 * 'scheduler'`) and flags each such shift for review. Found by an indexed query (`openPairs`: openPairs > 0,
 * endAt ≤ now), so a late or missed run catches up; each slot is closed by ONE conditional update whose condition
 * holds the open count and the statuses read, so a second, overlapping run (or a check-out at that moment)
 * changes nothing twice: the slot is found again at the next run if it still has open pairs.
 */
export const closeForgottenCheckouts: Job = {
  name: 'volunteerForgottenCheckouts',
  everyMinutes: 5,
  async run(ctx) {
    const _ = ctx.db.command
    const col = ctx.db.collection(VOL_SLOTS)
    const found = await col
      .where({ openPairs: _.gt(0), endAt: _.lte(ctx.now) })
      .orderBy('endAt', 'asc')
      .limit(BATCH)
      .field({ endAt: true, shifts: true, openPairs: true })
      .get()
    const slots = found.data as Ending[]
    let done = 0
    const ids: string[] = []
    for (const slot of slots) {
      const where: Record<string, unknown> = { _id: slot._id, openPairs: slot.openPairs }
      const data: Record<string, unknown> = { openPairs: 0, updatedAt: ctx.now, untallied: tallyToken() }
      let closed = 0
      slot.shifts.forEach((s, i) => {
        if (s.status !== 'checked_in' || !s.pairs.length) return
        const n = s.pairs.length - 1
        where[`shifts.${i}.status`] = 'checked_in'
        Object.assign(data, {
          [`shifts.${i}.status`]: 'checked_out',
          [`shifts.${i}.pairs.${n}.outAt`]: new Date(slot.endAt),
          [`shifts.${i}.pairs.${n}.outBy`]: 'scheduler',
          [`shifts.${i}.flagged`]: FORGOTTEN_CHECKOUT,
        })
        closed++
      })
      const res = await col.where(where).update({ data })
      if (res.stats.updated === 1) {
        done += closed
        ids.push(slot._id)
      }
    }
    return { done, ids: ids.slice(0, 20), more: slots.length === BATCH }
  },
}

/** The check-in part's scheduled jobs (run by the `scheduler` function). */
export const checkinJobs: readonly Job[] = [closeForgottenCheckouts]

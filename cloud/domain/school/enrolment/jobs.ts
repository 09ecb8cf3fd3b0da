// The offer-expiry job (issue 11, part B): offers that lapsed pass to the next on the waitlist.
import type { Job } from '../../../lib/jobs'
import { SCH_SESSIONS, type EnrolmentEntry } from '../model'
import { NO_DAYS, type EnrolSession } from './doc'
import { changeSession } from './offers'

const BATCH = 20

/**
 * Job (every minute): the sessions whose earliest offer has lapsed (a range on the sparse `offerDue` index) get
 * their lapsed offers `expired` and the places offered to the next on the waitlist, ONE update per session
 * conditional on the `rev` read (changeSession). A run twice or late does each once: a second run finds the new
 * `offerDue` in the future. Nothing due: 1 request.
 */
export const offerExpiryJob: Job = {
  name: 'schoolOfferExpiry',
  everyMinutes: 1,
  async run(ctx) {
    const res = await ctx.db
      .collection(SCH_SESSIONS)
      .where({ offerDue: ctx.db.command.lte(ctx.now) })
      .orderBy('offerDue', 'asc')
      .limit(BATCH)
      .field(NO_DAYS)
      .get()
    const due = res.data as EnrolSession[]
    let done = 0
    const ids: string[] = []
    for (const s of due) {
      const expired = await changeSession(ctx, s, (now) => {
        const edits = new Map<number, EnrolmentEntry>()
        ;(now.entries ?? []).forEach((e, i) => {
          if (e.status === 'offered' && e.offer && new Date(e.offer.expiresAt).getTime() <= ctx.now.getTime()) edits.set(i, { ...e, status: 'expired', changedAt: ctx.now })
        })
        return { edits, answer: () => edits.size }
      })
      done += expired
      ids.push(s._id)
    }
    return { done, ...(ids.length ? { ids } : {}), more: due.length === BATCH }
  },
}

/** The enrolment part's jobs (registered in cloud/functions/scheduler). */
export const enrolmentJobs: readonly Job[] = [offerExpiryJob]

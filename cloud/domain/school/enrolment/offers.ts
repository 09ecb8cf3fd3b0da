// Whole-session changes that may free places (issue 11, part B): a cancellation, a removal, a declined or lapsed
// offer, more capacity. Each is ONE update of the session, conditional on the `rev` read: the entries change, the
// freed places are offered to the first on the waitlist in the same update (OFFER_HOURS to accept), `held`,
// `waiting` and `offerDue` (the earliest offer expiry, the job's index) are set from the entries as they will be.
// A lost race reads the session again and decides again (the caller's `decide` recognises its own retry).
import { OFFER_HOURS } from '../../../../src/contracts/school'
import type { Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { HandlerError } from '../../../lib/errors'
import type { JobCtx } from '../../../lib/jobs'
import { sendSubscribeMessage } from '../../../lib/notify'
import { SCH_SESSIONS, type EnrolmentEntry } from '../model'
import { holding, loadSession, type EnrolSession } from './doc'
import { templateId } from '../../../lib/templates'

/** The family page a notice opens. */
const FAMILY_PAGE = 'packages/school/pages/family/index'

/** A decision on a session as read: entries to replace (by index) and fields to set; or an answer without a write. */
export type Decision<T> = { done: T } | { edits: Map<number, EnrolmentEntry>; capacity?: number; set?: Record<string, unknown>; answer: (after: EnrolmentEntry[], offered: number[]) => T }

/** The entries after `edits`, the freed places offered in order, and the update that writes them. */
export function planChange(
  s: EnrolSession,
  edits: Map<number, EnrolmentEntry>,
  capacity: number,
  now: Date,
): { entries: EnrolmentEntry[]; offered: number[]; data: Record<string, unknown> } {
  const entries = (s.entries ?? []).map((e, i) => edits.get(i) ?? e)
  const changed = new Set(edits.keys())
  const offered: number[] = []
  // The waitlist moves only where it exists (first come, or a 摇号 after its draw); never in a cancelled session.
  if (s.status !== 'cancelled') {
    let held = holding(entries)
    for (let i = 0; i < entries.length && held < capacity; i++) {
      const e = entries[i]
      if (e.status !== 'waitlisted') continue
      entries[i] = { ...e, status: 'offered', offer: { at: now, expiresAt: new Date(now.getTime() + OFFER_HOURS * 3600_000) }, changedAt: now, subscribed: false }
      changed.add(i)
      offered.push(i)
      held++
    }
  }
  const data: Record<string, unknown> = {}
  for (const i of changed) data[`entries.${i}`] = entries[i]
  data.held = holding(entries)
  data.waiting = s.mode === 'lottery' && !s.lottery?.draw ? s.waiting : entries.filter((e) => e.status === 'waitlisted').length
  const due = entries.filter((e) => e.status === 'offered' && e.offer).map((e) => new Date(e.offer!.expiresAt).getTime())
  data.offerDue = due.length ? new Date(Math.min(...due)) : null
  return { entries, offered, data }
}

/** Sends the offer notice to each newly offered entry's guardian who subscribed when enrolling (best effort). */
async function notifyOffered(s: EnrolSession, offered: number[], entries: EnrolmentEntry[]): Promise<void> {
  for (const i of offered) {
    const e = entries[i]
    if (!s.entries[i]?.subscribed) continue
    await sendSubscribeMessage(e.by, templateId('SCH_OFFER'), `${FAMILY_PAGE}?sessionId=${s._id}`, {
      thing1: { value: s.name.slice(0, 20) },
      thing2: { value: `${e.child.name.slice(0, 10)} 候补到位` },
      time3: { value: new Date(e.offer!.expiresAt).toISOString().slice(0, 16).replace('T', ' ') },
      thing4: { value: `请在${OFFER_HOURS}小时内确认入学` },
    })
  }
}

/**
 * Applies `decide` to the session, conditionally on its `rev`, re-reading and deciding again when the session
 * changed under it (up to 8 tries). Database requests: one update per try (+ one read per retry).
 */
export async function changeSession<T>(ctx: Ctx | JobCtx, first: EnrolSession, decide: (s: EnrolSession) => Decision<T>): Promise<T> {
  let s = first
  for (let attempt = 0; attempt < 8; attempt++) {
    const d = decide(s)
    if ('done' in d) return d.done
    const capacity = d.capacity ?? s.capacity
    const plan = planChange(s, d.edits, capacity, ctx.now)
    const _ = ctx.db.command
    const data: Record<string, unknown> = { ...d.set, rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now }
    for (const [k, v] of Object.entries(plan.data)) {
      if (k === 'offerDue') data[k] = v === null ? _.remove() : v
      else if (k.startsWith('entries.')) data[k] = _.set(v as object)
      else data[k] = v
    }
    const res = await ctx.db.collection(SCH_SESSIONS).where({ _id: s._id, rev: s.rev }).update({ data })
    if (res.stats.updated === 1) {
      await notifyOffered(s, plan.offered, plan.entries)
      return d.answer(plan.entries, plan.offered)
    }
    s = await loadSession(ctx, s._id)
  }
  throw new HandlerError('CONFLICT', '报名情况刚刚有变化，请刷新后再试')
}

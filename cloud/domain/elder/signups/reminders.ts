// Reminders and the call list (issue 12, part B). Each subscribed sign-up gets ONE reminder, due from 18:00 China time
// the day before (REMINDER_TIME) until the occurrence starts; whoever cannot get one is on the staff call list.
import { REMINDER_TIME, type ElderCallListLine, type ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { addDays, chinaDay, chinaInstant, chinaTime, iso } from '../../../lib/dates'
import type { Job, JobCtx, JobOutcome } from '../../../lib/jobs'
import { sendSubscribeMessage } from '../../../lib/notify'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, ELD_PROFILES, type ActivityDoc, type OccurrenceDoc, type ProfileDoc, type SignupEntry } from '../model'
import { templateId } from '../../../lib/templates'

/** Occurrences one run handles at most (the rest: `more`, the next trigger). */
const REMIND_BATCH = 50
/** Messages sent side by side. */
const SEND_AT_ONCE = 20

/** An entry still owed a reminder: signed up, subscribed, not yet claimed. */
function owed(e: SignupEntry): boolean {
  return e.status === 'signed_up' && e.subscribed && !e.remindedAt
}

/**
 * The days whose reminders are due at `now`: today's (due since yesterday 18:00: a late or missed run catches up
 * while they have not started) and, from 18:00 on, tomorrow's.
 */
function dueDays(now: Date): string[] {
  const today = chinaDay(now)
  return now.getTime() >= chinaInstant(today, REMINDER_TIME).getTime() ? [today, addDays(today, 1)] : [today]
}

/**
 * The reminder job. Finds the work by state on an index (remind: day, startAt): the stored occurrences of the due
 * days that have not started, are not cancelled and hold an owed entry. Per occurrence, ONE conditional update
 * CLAIMS its owed entries (`signups.<i>.remindedAt` set, conditional on each being unset and still signed up)
 * BEFORE anything is sent, so two runs (twice, overlapping, or late) send one message each; a lost claim re-reads
 * nothing and leaves the occurrence to the next run. The message goes to whoever made the sign-up (the family
 * member for their elder). A message WeChat refuses is marked `remindFailed` (the call list shows it).
 * Database requests: the query + the activities' titles + one claim per occurrence (+ one per refused message).
 */
export async function runReminders(ctx: JobCtx): Promise<JobOutcome> {
  const _ = ctx.db.command
  const col = ctx.db.collection(ELD_OCCURRENCES)
  const res = await col
    .where({
      day: _.in(dueDays(ctx.now)),
      startAt: _.gt(ctx.now),
      cancelled: _.exists(false),
      signups: _.elemMatch({ status: 'signed_up', subscribed: true, remindedAt: _.exists(false) }),
    })
    .orderBy('day', 'asc')
    .limit(REMIND_BATCH)
    .get()
  const occs = res.data as OccurrenceDoc[]
  if (!occs.length) return { done: 0 }
  const ids = [...new Set(occs.map((o) => o.activityId))]
  const acts = (
    await ctx.db
      .collection(ELD_ACTIVITIES)
      .where({ _id: _.in(ids) })
      .field({ title: true })
      .get()
  ).data as Pick<ActivityDoc, '_id' | 'title'>[]
  const titles = new Map(acts.map((a) => [a._id, a.title]))
  let sent = 0
  for (const occ of occs) {
    const due = occ.signups.map((e, i) => ({ e, i })).filter(({ e }) => owed(e))
    if (!due.length) continue
    const where: Record<string, unknown> = { _id: occ._id, cancelled: _.exists(false) }
    const data: Record<string, unknown> = {}
    for (const { e, i } of due) {
      where[`signups.${i}.personKey`] = e.personKey
      where[`signups.${i}.status`] = 'signed_up'
      where[`signups.${i}.remindedAt`] = _.exists(false)
      data[`signups.${i}.remindedAt`] = ctx.now
    }
    const claimed = await col.where(where).update({ data })
    if (claimed.stats.updated !== 1) continue
    const failed: number[] = []
    // Claimed: send, SEND_AT_ONCE at a time (each send is a call to WeChat; one at a time, 500 would take ~10 s).
    for (let k = 0; k < due.length; k += SEND_AT_ONCE) {
      const batch = due.slice(k, k + SEND_AT_ONCE)
      const oks = await Promise.all(
        batch.map(({ e }) =>
          sendSubscribeMessage(e.by, templateId('ELDER_REMINDER'), `packages/elder/pages/occurrence/index?activityId=${occ.activityId}&day=${occ.day}`, {
            thing1: { value: (titles.get(occ.activityId) ?? '长者活动').slice(0, 20) },
            time2: { value: `${chinaDay(occ.startAt)} ${chinaTime(occ.startAt)}` },
            thing3: { value: occ.place.slice(0, 20) },
            name4: { value: e.name.slice(0, 10) },
          }),
        ),
      )
      oks.forEach((ok, j) => (ok ? sent++ : failed.push(batch[j].i)))
    }
    if (failed.length) await col.where({ _id: occ._id }).update({ data: Object.fromEntries(failed.map((i) => [`signups.${i}.remindFailed`, true])) })
  }
  return { done: sent, more: occs.length === REMIND_BATCH }
}

/** The reminder job (every 30 minutes: 18:00 is a boundary; a run late or twice sends nothing twice). */
export const elderReminderJob: Job = { name: 'elderReminders', everyMinutes: 30, run: runReminders }

/** Why an entry gets no message, or null when it gets (or got) one. */
function noMessage(e: SignupEntry): ElderCallListLine['reason'] | null {
  if (e.role === 'staff') return 'staff'
  if (!e.subscribed) return 'unsubscribed'
  if (e.remindFailed) return 'failed'
  return null
}

/**
 * 电话提醒名单 (staff in scope): a day's sign-ups (tomorrow by default) that get no message — signed up by staff
 * (staff-managed elders), not subscribed, or refused by WeChat — with the phone: the profile's, or none on file.
 * Cancelled occurrences are left out (part A's cancellation has its own call list). Index week (communityId, day).
 * Database requests: the user + the day's occurrences + their activities and the profiles, side by side = 4.
 */
export async function callList(input: ParsedInputOf<'elder', 'callList'>, ctx: Ctx): Promise<{ communityId: string; day: string; lines: ElderCallListLine[] }> {
  requireRole(ctx, 'staff')
  const communityId = input.communityId ?? ctx.staffCommunityIds[0] ?? ''
  requireScope(ctx, communityId)
  const day = input.day ?? addDays(chinaDay(ctx.now), 1)
  const _ = ctx.db.command
  const occs = ((await ctx.db.collection(ELD_OCCURRENCES).where({ communityId, day }).limit(100).get()).data as OccurrenceDoc[]).filter((o) => !o.cancelled)
  const rows = occs.flatMap((o) => o.signups.filter((e) => e.status === 'signed_up').flatMap((e) => (noMessage(e) ? [{ o, e, reason: noMessage(e)! }] : [])))
  if (!rows.length) return { communityId, day, lines: [] }
  const profileIds = [...new Set(rows.filter((r) => r.e.personKey.startsWith('p:')).map((r) => r.e.personKey.slice(2)))]
  const activityIds = [...new Set(rows.map((r) => r.o.activityId))]
  const [acts, profiles] = await Promise.all([
    ctx.db
      .collection(ELD_ACTIVITIES)
      .where({ _id: _.in(activityIds) })
      .field({ title: true })
      .get(),
    profileIds.length
      ? ctx.db
          .collection(ELD_PROFILES)
          .where({ _id: _.in(profileIds) })
          .field({ phone: true })
          .get()
      : Promise.resolve({ data: [] }),
  ])
  const titles = new Map((acts.data as Pick<ActivityDoc, '_id' | 'title'>[]).map((a) => [a._id, a.title]))
  const phones = new Map((profiles.data as Pick<ProfileDoc, '_id' | 'phone'>[]).map((p) => [p._id, p.phone]))
  const lines = rows
    .map(({ o, e, reason }): ElderCallListLine => {
      const phone = e.personKey.startsWith('p:') ? phones.get(e.personKey.slice(2)) : undefined
      return { activityId: o.activityId, title: titles.get(o.activityId) ?? '', startAt: iso(o.startAt), name: e.name, ...(phone ? { phone } : {}), role: e.role, reason }
    })
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.name.localeCompare(b.name))
  return { communityId, day, lines }
}

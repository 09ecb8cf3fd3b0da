// One occurrence as an elder or a family member sees it, and 我的报名 (issue 12, part B).
import { ELDER_LIMITS, SIGNUP_MESSAGES as M, type ElderOccurrenceDetail, type ElderSignupCandidate, type MyElderSignupCard, type ParsedInputOf, type Page } from '../../../../src/contracts'
import { requireSignedUp, type Ctx } from '../../../lib/context'
import { chinaDay, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { pageWindow, toPage } from '../../../lib/paging'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, ELD_PROFILES, type ActivityDoc, type OccurrenceDoc, type ProfileDoc } from '../model'
import { applyStored, occurrenceId, occurrenceOn } from '../recurrence'
import { allowedFor, entryOf, findOccurrence, loadActivity, personKeyOf, personRefOf, placesLeft } from './doc'

type In<A extends 'occurrenceDetail' | 'mySignups'> = ParsedInputOf<'elder', A>

/** The active elders `openid` manages (index managers), oldest first. */
export async function managedProfiles(ctx: Ctx): Promise<ProfileDoc[]> {
  const res = await ctx.db
    .collection(ELD_PROFILES)
    .where({ managers: ctx.openid, status: 'active' })
    .orderBy('createdAt', 'asc')
    .limit(ELDER_LIMITS.profilesPerManager * 2)
    .get()
  return res.data as ProfileDoc[]
}

/**
 * The occurrence (the rule's, with its stored exceptions and sign-ups), places left, and whom I may sign up:
 * myself and each elder I manage, each with their status there and what I may do (`allowed`). Never another
 * person's name. Database requests: the user + the activity, the stored occurrence and my elders, read side by
 * side = 4.
 */
export async function occurrenceDetail(input: In<'occurrenceDetail'>, ctx: Ctx): Promise<ElderOccurrenceDetail> {
  requireSignedUp(ctx)
  const [activity, stored, profiles] = await Promise.all([loadActivity(ctx, input.activityId), findOccurrence(ctx, occurrenceId(input.activityId, input.day)), managedProfiles(ctx)])
  const c = occurrenceOn(activity, input.day)
  if (!c) throw new HandlerError('NOT_FOUND', M.noOccurrence)
  const [o] = applyStored([c], stored ? [stored] : [])
  const open = { ...o, signupRequired: o.signupRequired && activity.status === 'active' }
  const candidate = (key: string, name: string): ElderSignupCandidate => {
    const e = entryOf(stored ?? undefined, key)?.entry
    const status = e?.status ?? 'none'
    return { person: personRefOf(key), name, status, ...(e ? { role: e.role } : {}), allowed: allowedFor(open, status, ctx.now) }
  }
  return {
    activityId: activity._id,
    day: input.day,
    title: activity.title,
    category: activity.category,
    host: activity.host,
    description: activity.description,
    place: o.place,
    startAt: iso(o.startAt),
    endAt: iso(o.endAt),
    signupRequired: o.signupRequired,
    capacity: o.capacity,
    placesLeft: placesLeft(o.capacity, o.taken),
    cancelled: o.cancelled,
    moved: o.moved,
    stored: !!stored,
    candidates: [candidate(personKeyOf('self', ctx.openid), ctx.user.nickname), ...profiles.map((p) => candidate(personKeyOf({ profileId: p._id }, ctx.openid), p.name))],
  }
}

/**
 * 我的报名: the sign-ups I made (for me or for an elder) in occurrences from today on, soonest first, a page of
 * occurrences (index mine: signups.by, day). Only my own entries. Database requests: the user + the occurrences +
 * their activities' titles = 3.
 */
export async function mySignups(input: In<'mySignups'>, ctx: Ctx): Promise<Page<MyElderSignupCard>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(ELD_OCCURRENCES)
    .where({ 'signups.by': ctx.openid, day: _.gte(chinaDay(ctx.now)) })
    .orderBy('day', 'asc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  const rows = res.data as OccurrenceDoc[]
  const ids = [...new Set(rows.map((r) => r.activityId))]
  const acts = ids.length
    ? ((
        await ctx.db
          .collection(ELD_ACTIVITIES)
          .where({ _id: _.in(ids) })
          .field({ title: true, segments: true })
          .get()
      ).data as Pick<ActivityDoc, '_id' | 'title' | 'segments'>[])
    : []
  const byId = new Map(acts.map((a) => [a._id, a]))
  const page = toPage(rows, w, (occ) => occ)
  const items = page.items.flatMap((occ) => {
    const a = byId.get(occ.activityId)
    const signupRequired = !!(a && occurrenceOn(a, occ.day)?.signupRequired)
    const state = { cancelled: !!occ.cancelled, signupRequired, startAt: occ.startAt, capacity: occ.capacity, taken: occ.taken }
    return occ.signups
      .filter((e) => e.by === ctx.openid)
      .map((e): MyElderSignupCard => ({
        activityId: occ.activityId,
        day: occ.day,
        title: a?.title ?? '',
        place: occ.place,
        startAt: iso(occ.startAt),
        person: personRefOf(e.personKey),
        name: e.name,
        status: e.status,
        cancelled: !!occ.cancelled,
        allowed: allowedFor(state, e.status, ctx.now),
      }))
  })
  return { ...page, items }
}

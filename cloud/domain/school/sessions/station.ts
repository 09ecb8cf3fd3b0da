// The station's volunteers (issue 11, part A): staff assign approved volunteers to their community's station; only
// assigned volunteers see its rosters (part C reads `users.school.stations`). Names and volunteer numbers only.
import { SCHOOL_A_MESSAGES as M, type OutputOf, type ParsedInputOf } from '../../../../src/contracts'
import type { StationVolunteer } from '../../../../src/contracts/school/sessions'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import type { UserDoc } from '../../../lib/model'
import { pageWindow, toPage } from '../../../lib/paging'

type In<A extends 'assignStationVolunteer' | 'unassignStationVolunteer' | 'stationVolunteers'> = ParsedInputOf<'school', A>

/** The fields a station list reads of a user (never the phone). */
const VOLUNTEER_FIELDS = { nickname: true, 'volunteer.realName': true, 'volunteer.number': true } as const

/** A volunteer as station staff see them: name and number. */
function toStationVolunteer(u: Pick<UserDoc, '_id' | 'nickname' | 'volunteer'>): StationVolunteer {
  return { openid: u._id, name: u.volunteer?.realName ?? u.nickname, ...(u.volunteer?.number ? { number: u.volunteer.number } : {}) }
}

/**
 * Staff assign an approved volunteer (of any community of the district) to their community's station: ONE update
 * conditional on the volunteer being approved, adding the community to `school.stations` (addToSet: a retry or a
 * second assignment changes nothing). Database requests: the user + the volunteer + the update = 3.
 */
export async function assignStationVolunteer(input: In<'assignStationVolunteer'>, ctx: Ctx): Promise<StationVolunteer> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const target = (await ctx.db.collection('users').where({ _id: input.openid }).field(VOLUNTEER_FIELDS).limit(1).get()).data[0] as UserDoc | undefined
  if (!target) throw new HandlerError('NOT_FOUND', '没有找到这位志愿者')
  const res = await ctx.db
    .collection('users')
    .where({ _id: input.openid, volunteerStatus: 'approved' })
    .update({ data: { 'school.stations': ctx.db.command.addToSet(input.communityId), updatedAt: ctx.now } })
  if (res.stats.updated !== 1) throw new HandlerError('NOT_VOLUNTEER', M.notVolunteer)
  return toStationVolunteer(target)
}

/** Staff take a volunteer off their community's station (pull: a retry changes nothing). Database requests: 2. */
export async function unassignStationVolunteer(input: In<'unassignStationVolunteer'>, ctx: Ctx): Promise<OutputOf<'school', 'unassignStationVolunteer'>> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  await ctx.db
    .collection('users')
    .where({ _id: input.openid })
    .update({ data: { 'school.stations': ctx.db.command.pull(input.communityId), updatedAt: ctx.now } })
  return { openid: input.openid, communityId: input.communityId }
}

/** Staff: the volunteers assigned to their community's station, ONE query on the schoolStation index. Requests: 2. */
export async function stationVolunteers(input: In<'stationVolunteers'>, ctx: Ctx): Promise<OutputOf<'school', 'stationVolunteers'>> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const w = pageWindow(input)
  const res = await ctx.db.collection('users').where({ 'school.stations': input.communityId }).skip(w.skip).limit(w.limit).field(VOLUNTEER_FIELDS).get()
  return toPage(res.data as UserDoc[], w, toStationVolunteer)
}

// Service projects (服务项目): staff of a community create, edit, list and archive them (issue 10, part A).
import { DEFAULT_RADIUS_M, type OutputOf, type ParsedInputOf, type ProjectView } from '../../../../src/contracts'
import { loadCommunities } from '../../../lib/communities'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { staffScope } from '../../../lib/staffScope'
import { insertOnce } from '../../../lib/insertOnce'
import { HandlerError } from '../../../lib/errors'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_PROJECTS, VOL_SLOTS, type ProjectDoc } from '../model'
import { derivedId, loadProject, toProject } from './doc'

type In<A extends 'saveProject' | 'listProjects' | 'projectDetail' | 'archiveProject'> = ParsedInputOf<'volunteer', A>

/** A project of the caller's communities (staff, scoped), or NOT_FOUND / SCOPE_DENIED. */
async function scopedProject(ctx: Ctx, id: string): Promise<ProjectDoc> {
  requireRole(ctx, 'staff')
  const p = await loadProject(ctx, id)
  requireScope(ctx, p.communityId)
  return p
}

/**
 * Staff create a project in a community they serve (no projectId), or edit one. A create's _id comes from the
 * requestId, so a retry finds its own project (duplicate key). An edit is ONE conditional update of the project
 * (active, same community) and ONE update of its upcoming slots' copies (title, type, place, requirements), so
 * sign-up and check-in read the slot alone. Database requests: create 2 (a retry 3), edit 4.
 */
export async function saveProject(input: In<'saveProject'>, ctx: Ctx): Promise<ProjectView> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const { projectId, ...fields } = input
  const requirements = {
    ...(fields.requirements.minAge ? { minAge: fields.requirements.minAge } : {}),
    trainingTags: [...new Set(fields.requirements.trainingTags)],
    insuranceRequired: fields.requirements.insuranceRequired,
  }
  const place = { ...fields.place, radiusM: fields.place.radiusM ?? DEFAULT_RADIUS_M }
  const content = { ...fields, place, requirements, updatedAt: ctx.now, requestId: ctx.requestId! }
  const col = ctx.db.collection(VOL_PROJECTS)
  const _ = ctx.db.command
  await loadCommunities(ctx.db)
  if (!projectId) {
    const doc: ProjectDoc = { _id: derivedId('p', ctx.openid, ctx.requestId!), ...content, status: 'active', createdBy: ctx.openid, createdAt: ctx.now }
    return toProject(await insertOnce(ctx, VOL_PROJECTS, doc, (id) => loadProject(ctx, id)))
  }
  const p = await loadProject(ctx, projectId)
  requireScope(ctx, p.communityId)
  if (p.communityId !== input.communityId) throw new HandlerError('INVALID_INPUT', '服务项目不能改到其他社区')
  if (p.status !== 'active') throw new HandlerError('INVALID_STATE', '已归档的服务项目不能修改')
  const res = await col.where({ _id: p._id, status: 'active' }).update({ data: { ...content, place: _.set(content.place), requirements: _.set(requirements) } })
  if (res.stats.updated !== 1) throw new HandlerError('INVALID_STATE', '已归档的服务项目不能修改')
  await ctx.db
    .collection(VOL_SLOTS)
    .where({ projectId: p._id, startAt: _.gt(ctx.now) })
    .update({ data: { title: fields.title, serviceType: fields.serviceType, place: _.set(place), requirements: _.set(requirements), updatedAt: ctx.now } })
  return toProject({ ...p, ...content })
}

/** Staff: the projects of their communities (or one), active or archived, last changed first. */
export async function listProjects(input: In<'listProjects'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'listProjects'>> {
  const scope = await staffScope(ctx, input.communityId)
  await loadCommunities(ctx.db) // cached per instance: the community names
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(VOL_PROJECTS)
    .where({ communityId: input.communityId ?? _.in(scope), status: input.status ?? 'active' })
    .orderBy('updatedAt', 'desc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  return toPage(res.data as ProjectDoc[], w, toProject)
}

/** Staff: one project of their communities. */
export async function projectDetail(input: In<'projectDetail'>, ctx: Ctx): Promise<ProjectView> {
  const p = await scopedProject(ctx, input.projectId)
  await loadCommunities(ctx.db)
  return toProject(p)
}

/**
 * Staff archive a project: it takes no new slots; its existing slots stay as they are (cancel them one by one).
 * Archived, never deleted. A retry finds it archived and answers the same.
 */
export async function archiveProject(input: In<'archiveProject'>, ctx: Ctx): Promise<ProjectView> {
  const p = await scopedProject(ctx, input.projectId)
  await loadCommunities(ctx.db)
  if (p.status === 'archived') return toProject(p)
  await ctx.db
    .collection(VOL_PROJECTS)
    .where({ _id: p._id, status: 'active' })
    .update({ data: { status: 'archived', updatedAt: ctx.now, requestId: ctx.requestId! } })
  return toProject({ ...p, status: 'archived', updatedAt: ctx.now })
}

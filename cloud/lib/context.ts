import type { Role } from '../../src/contracts'
import { cloud, db, type Database } from './cloud'
import { HandlerError } from './errors'
import type { UserDoc } from './model'
import { now } from './dates'

/** Everything a handler knows about the caller. Built with one database read (the user doc). */
export interface Ctx {
  /** From cloud.getWXContext() only; never from the event. */
  openid: string
  user: UserDoc | null
  roles: Role[]
  /** Communities the caller is staff of (admins pass every scope check regardless). */
  staffCommunityIds: string[]
  isAdmin: boolean
  db: Database
  /** One clock per invocation: every timestamp written by this call uses it. */
  now: Date
  /** The client's requestId on mutations (null on queries): lets a handler recognise its own retry. */
  requestId: string | null
}

/** A signed-up caller: `user` is present. */
export type SignedUpCtx = Ctx & { user: UserDoc }

/** The caller's openid, straight from the WeChat context. */
export function callerOpenid(): string {
  return String(cloud.getWXContext().OPENID || '')
}

/**
 * True when this invocation came from a timer trigger, not a user: CloudBase gives a trigger's getWXContext() no
 * OPENID and no APPID, while a client's callFunction always carries both. The router treats such a call as the
 * system (cloud/lib/jobs.ts), never as an anonymous user and never as an admin.
 */
export function isTriggerInvocation(): boolean {
  const wx = cloud.getWXContext()
  return !wx.OPENID && !wx.APPID
}

/** Admin openids from the deployment configuration (HEMEI_ADMIN_OPENIDS, comma-separated). */
export function adminOpenids(): string[] {
  return (process.env.HEMEI_ADMIN_OPENIDS || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Roles implied by a user doc and the admin list. */
export function rolesOf(user: UserDoc | null, isAdmin: boolean): Role[] {
  const roles: Role[] = []
  if (user) roles.push('resident')
  if (user?.volunteerStatus === 'approved') roles.push('volunteer')
  if (user?.staffCommunityIds?.length) roles.push('staff')
  if (isAdmin) roles.push('admin')
  return roles
}

/** The user doc of `openid`, or null (for public handlers that need it only sometimes). */
export async function readUser(database: Database, openid: string): Promise<UserDoc | null> {
  if (!openid) return null
  return (await database.collection('users').doc(openid).get()).data as UserDoc | null
}

/** Builds ctx; reads the user doc unless `loadUser` is false (public actions). */
export async function buildContext(openid: string, loadUser = true, at = now(), requestId: string | null = null): Promise<Ctx> {
  const user = loadUser ? await readUser(db, openid) : null
  const isAdmin = !!openid && adminOpenids().includes(openid)
  return withUser({ openid, user: null, roles: [], staffCommunityIds: [], isAdmin, db, now: at, requestId }, user)
}

/** The ctx with the caller's user document (read by a public action that needs it only on some paths). */
export function withUser(ctx: Ctx, user: UserDoc | null): Ctx {
  return { ...ctx, user, roles: rolesOf(user, ctx.isAdmin), staffCommunityIds: user?.staffCommunityIds ?? [] }
}

/** Refuses callers who have not signed up (NOT_SIGNED_UP). */
export function requireSignedUp(ctx: Ctx): asserts ctx is SignedUpCtx {
  if (!ctx.user) throw new HandlerError('NOT_SIGNED_UP')
}

/** Refuses callers without the role (ROLE_REQUIRED). Admins count as staff. */
export function requireRole(ctx: Ctx, role: Role): void {
  const ok = ctx.roles.includes(role) || (role === 'staff' && ctx.isAdmin)
  if (!ok) throw new HandlerError('ROLE_REQUIRED')
}

/** True when the caller may act on the community as staff (admins: every community). */
export function inScope(ctx: Ctx, communityId: string): boolean {
  return ctx.isAdmin || ctx.staffCommunityIds.includes(communityId)
}

/** Refuses staff acting outside their communities (SCOPE_DENIED). */
export function requireScope(ctx: Ctx, communityId: string): void {
  if (!inScope(ctx, communityId)) throw new HandlerError('SCOPE_DENIED')
}

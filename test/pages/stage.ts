// Arranging states for page tests through the real functions, as the people in the story would reach them:
// residents sign up and post, staff review, volunteers claim and fulfil. No state is written around the rules.
import { MAX_NEEDED_BY_DAYS, PRIVACY_VERSION, type InputOf, type VolunteerApplication } from '@/contracts'
import { inDays } from '../clock'
import type { Backend } from './backend'

/** Wish fields accepted by `wish.post`; tests override what they look at. */
type WishFields = InputOf<'wish', 'post'>

/** A valid wish by 林阿姨 (the demo resident's contact). */
const WISH: WishFields = {
  title: '修门锁',
  description: '家里的门锁坏了，想请人帮忙修一下。',
  category: '家电维修',
  nameStyle: 'surname',
  surname: '林',
  honorific: '阿姨',
  contactPhone: '13900001111',
  address: '军门社区3号楼501',
}

/** Who reviews, claims and fulfils unless a test says otherwise (demo personas, docs/INTERFACES.md). */
const STAFF = 'demo-staff'
const VOLUNTEER = 'demo-volunteer'

let n = 0
/** A new openid nobody has used (the h5 app makes `dev-new-…` ones). */
export function newOpenid(): string {
  return `dev-new-pt${Date.now().toString(36)}${(n++).toString(36)}`
}

/** Signs up a new resident of `communityId` and returns the openid. */
export async function signUp(backend: Backend, opts: { communityId?: string; gridId?: string; nickname?: string; openid?: string } = {}): Promise<string> {
  const openid = opts.openid ?? newOpenid()
  await backend.call(openid, 'user', 'signUp', {
    privacyAgreed: true,
    privacyVersion: PRIVACY_VERSION,
    communityId: opts.communityId ?? 'junmen',
    ...(opts.gridId ? { gridId: opts.gridId } : {}),
    nickname: opts.nickname ?? '新居民',
  })
  return openid
}

/** A new resident who applied to volunteer (pending), with the application. */
export async function applicant(backend: Backend, realName: string, communityId = 'junmen'): Promise<{ openid: string; application: VolunteerApplication }> {
  const openid = await signUp(backend, { communityId, nickname: realName })
  const application = await backend.call(openid, 'user', 'applyVolunteer', { realName, phone: '13812345678', skills: ['陪伴聊天'], birthDate: '1990-01-01' })
  return { openid, application }
}

/** Posts a wish (pending review) as `wisher`; returns its id. */
export async function postWish(backend: Backend, fields: Partial<WishFields> = {}, wisher = 'demo-resident'): Promise<string> {
  return (await backend.call(wisher, 'wish', 'post', { ...WISH, ...fields })).id
}

/** A wish on the wall: posted by `wisher`, approved by staff. */
export async function openWish(backend: Backend, fields: Partial<WishFields> = {}, wisher = 'demo-resident'): Promise<string> {
  const id = await postWish(backend, fields, wisher)
  await backend.call(STAFF, 'wish', 'review', { wishId: id, decision: 'approve' })
  return id
}

/** A wish sent back by staff with `reason`. */
export async function rejectedWish(backend: Backend, reason: string, fields: Partial<WishFields> = {}, wisher = 'demo-resident'): Promise<string> {
  const id = await postWish(backend, fields, wisher)
  await backend.call(STAFF, 'wish', 'review', { wishId: id, decision: 'reject', reason })
  return id
}

/**
 * An open wish claimed by `claimant` (a volunteer) promising `promisedBy`. By default the wish is needed by the
 * latest day allowed (MAX_NEEDED_BY_DAYS ahead) and the claim promises that day, so it is far from overdue.
 */
export async function claimedWish(backend: Backend, opts: { fields?: Partial<WishFields>; wisher?: string; claimant?: string; promisedBy?: string } = {}): Promise<string> {
  const id = await openWish(backend, { neededBy: inDays(MAX_NEEDED_BY_DAYS), ...opts.fields }, opts.wisher)
  await backend.call(opts.claimant ?? VOLUNTEER, 'wish', 'claim', { wishId: id, promisedBy: opts.promisedBy ?? opts.fields?.neededBy ?? inDays(MAX_NEEDED_BY_DAYS) })
  return id
}

/** A claimed wish the claimant has fulfilled with `note`. */
export async function fulfilledWish(backend: Backend, note: string, opts: { fields?: Partial<WishFields>; wisher?: string; claimant?: string } = {}): Promise<string> {
  const id = await claimedWish(backend, opts)
  await backend.call(opts.claimant ?? VOLUNTEER, 'wish', 'fulfil', { wishId: id, note })
  return id
}

/** `n` wishes on the wall of `communityId`, titled by `title(i)` (i = 1…n, approved in that order), posted by new residents (3 each, the open-wish limit). */
export async function manyOpenWishes(backend: Backend, n: number, title: (i: number) => string, communityId = 'junmen'): Promise<string[]> {
  const ids: string[] = []
  let wisher = ''
  for (let i = 1; i <= n; i++) {
    if ((i - 1) % 3 === 0) wisher = await signUp(backend, { communityId })
    ids.push(await openWish(backend, { title: title(i) }, wisher))
  }
  return ids
}

/** Waits until the image check of every photo of wish `id` has answered (the push comes a moment after the post). */
export async function photosChecked(backend: Backend, id: string, wisher = 'demo-resident'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (!(await backend.call(wisher, 'wish', 'detail', { wishId: id })).photoStates?.includes('checking')) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the photos of wish ${id} were never checked`)
}

/** A tiny image as the picker's temp path: a data: URL the page's real uploader can read (JPEG magic bytes). */
export function photoPath(n = 0): string {
  return `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, n & 0xff, 0xff, 0xd9]).toString('base64')}`
}

// Fixtures for the wish tests: people in each role, wishes in each state, China-time days.
import { PRIVACY_VERSION } from '../../src/contracts'
import { newOpenid, type Harness } from './helpers'
import { inDays } from '../clock'

/** YYYY-MM-DD in China time, `offset` days from today (on the one clock). */
export function day(offset = 0): string {
  return inDays(offset)
}

let seq = 0
/** A unique valid phone number, so raw responses can be searched for it. */
export function uniquePhone(): string {
  seq += 1
  return `136${String(process.pid % 1e4).padStart(4, '0')}${String(seq).padStart(4, '0')}`
}

/** A valid post input (unique phone and address); `over` replaces fields. */
export function wishInput(over: Record<string, unknown> = {}) {
  return {
    title: '帮忙修理门锁',
    description: '家里防盗门的锁芯有点卡，想请懂行的师傅帮忙看看。',
    category: '家电维修',
    neededBy: day(14),
    nameStyle: 'surname',
    surname: '林',
    honorific: '阿姨',
    contactPhone: uniquePhone(),
    address: `军门社区 白水井路 ${seq} 号`,
    ...over,
  }
}

/** Staff who may act on the community (demo personas; the admin elsewhere). */
export function staffOf(community: string): string {
  if (community === '军门社区' || community === '庆城社区') return 'demo-staff'
  if (community === '汤门社区') return 'demo-staff-tangmen'
  return 'demo-admin'
}

/** A freshly signed-up resident of the named community. */
export async function resident(h: Harness, community = '军门社区', nickname = '测试居民'): Promise<string> {
  const openid = newOpenid()
  await h.userOk(openid, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId(community), nickname })
  return openid
}

/** A freshly approved volunteer of the named community. */
export async function volunteer(h: Harness, community = '军门社区', nickname = '志愿者小王'): Promise<string> {
  const openid = await resident(h, community, nickname)
  const app = await h.userOk(openid, 'applyVolunteer', { realName: '王志愿', phone: uniquePhone(), skills: ['跑腿代办'], birthDate: '1990-01-01' })
  await h.userOk(staffOf(community), 'reviewApplication', { applicationId: app.id, decision: 'approve' })
  return openid
}

export interface Staged {
  id: string
  wisher: string
  phone: string
  address: string
  community: string
}

/** A wish posted by a new resident of `community`, waiting for review. */
export async function pendingWish(h: Harness, community = '军门社区', over: Record<string, unknown> = {}): Promise<Staged> {
  const wisher = await resident(h, community)
  const input = wishInput(over)
  const { id } = await h.wishOk(wisher, 'post', input)
  return { id, wisher, phone: input.contactPhone as string, address: input.address as string, community }
}

/** A published (open) wish. */
export async function openWish(h: Harness, community = '军门社区', over: Record<string, unknown> = {}): Promise<Staged> {
  const w = await pendingWish(h, community, over)
  await h.wishOk(staffOf(community), 'review', { wishId: w.id, decision: 'approve' })
  return w
}

/** A wish claimed by `claimant` (a new volunteer unless given). */
export async function claimedWish(h: Harness, community = '军门社区', claimant?: string): Promise<Staged & { claimant: string }> {
  const w = await openWish(h, community)
  const who = claimant ?? (await volunteer(h, community))
  await h.wishOk(who, 'claim', { wishId: w.id, promisedBy: day(3) })
  return { ...w, claimant: who }
}

/** A wish the claimant has reported fulfilled. */
export async function fulfilledWish(h: Harness, community = '军门社区'): Promise<Staged & { claimant: string }> {
  const w = await claimedWish(h, community)
  await h.wishOk(w.claimant, 'fulfil', { wishId: w.id, note: '已经帮忙换好锁芯。' })
  return w
}

/** The stored wish document. */
export async function stored(h: Harness, id: string): Promise<any> {
  const [doc] = await h.find('wishes', { _id: id })
  return doc
}

/** The bytes of a small JPEG (its magic number and padding), for uploads. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)])

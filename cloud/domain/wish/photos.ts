// Wish photos under WeChat's image content check: what a viewer sees of them, and the push that settles a check.
import { PHOTO_UNDER_CHECK, photoHiddenReason, type Result, type WishDetail } from '../../../src/contracts'
import { db } from '../../lib/cloud'
import { now } from '../../lib/dates'
import { pushRefusal, pushVerdict, type MediaCheckPush, type PhotoCheck } from '../../lib/mediaCheck'
import type { WishDoc } from '../../lib/model'
import { WISHES } from './doc'

/** The detail's photo fields for a viewer: owner and scoped staff see photos under check; risky ones nobody sees. */
export function photoView(
  wish: WishDoc,
  urls: Map<string, string>,
  seesUnderCheck: boolean,
): Pick<WishDetail, 'photos' | 'photoStates' | 'photosPending' | 'photosHidden'> & { shownIds: string[] } {
  const checks = new Map((wish.photoChecks ?? []).map((c) => [c.fileId, c]))
  const shownIds: string[] = []
  const photoStates: NonNullable<WishDetail['photoStates']> = []
  const hidden: string[] = []
  let pending = 0
  for (const fileId of wish.photos ?? []) {
    if (!urls.get(fileId)) continue // a file that is gone is left out
    const check = checks.get(fileId)
    const state = check?.state ?? 'pass'
    if (state === 'risky') {
      if (seesUnderCheck) hidden.push(photoHiddenReason(check?.label))
    } else if (PHOTO_UNDER_CHECK.includes(state) && !seesUnderCheck) pending++
    else {
      shownIds.push(fileId)
      photoStates.push(state)
    }
  }
  return { shownIds, photos: shownIds.map((f) => urls.get(f)!), photoStates, photosPending: pending, ...(hidden.length ? { photosHidden: hidden } : {}) }
}

/** The detail's fulfilment photo fields: its owner (the claimant) and scoped staff see it under check and why it is hidden. */
export function fulfilmentPhotoView(
  wish: WishDoc,
  urls: Map<string, string>,
  seesUnderCheck: boolean,
): Pick<NonNullable<WishDetail['fulfilment']>, 'photo' | 'photoState' | 'photoPending' | 'photoHidden'> {
  const fileId = wish.fulfilment?.photo
  const url = fileId && urls.get(fileId)
  if (!url) return {}
  const check = (wish.photoChecks ?? []).find((c) => c.fileId === fileId)
  const state = check?.state ?? 'pass'
  if (state === 'risky') return seesUnderCheck ? { photoHidden: photoHiddenReason(check?.label) } : {}
  if (PHOTO_UNDER_CHECK.includes(state) && !seesUnderCheck) return { photoPending: true }
  return { photo: url, photoState: state }
}

/** The Result a refused push answers (a client posing as the platform). */
const NOT_FROM_PLATFORM: Result<never> = { ok: false, code: 'ROLE_REQUIRED', message: '审核结果只能由微信平台推送' }

/**
 * The `wxa_media_check` message push: settles the check of the photo with that trace id (checking → pass, review or
 * risky) by one conditional update. A push that is not from the platform or badly signed is refused; an unknown
 * trace id, an error push or a check already settled changes nothing. Database requests: the wish by trace id
 * (index `photoChecks`) + the update.
 */
export async function receivePhotoCheck(event: MediaCheckPush): Promise<Result<never> | 'success'> {
  const refusal = pushRefusal(event)
  if (refusal) {
    console.warn('[mediaCheck] push refused:', refusal)
    return NOT_FROM_PLATFORM
  }
  const verdict = pushVerdict(event)
  if (!verdict) return 'success'
  const col = db.collection(WISHES)
  const [wish] = (await col.where({ 'photoChecks.traceId': verdict.traceId }).field({ _id: true, photoChecks: true }).limit(1).get()).data as Pick<WishDoc, '_id' | 'photoChecks'>[]
  const i = (wish?.photoChecks ?? []).findIndex((c: PhotoCheck) => c.traceId === verdict.traceId)
  if (!wish || i < 0) return 'success'
  const at = `photoChecks.${i}`
  await col
    .where({ _id: wish._id, [`${at}.traceId`]: verdict.traceId, [`${at}.state`]: 'checking' })
    .update({ data: { [`${at}.state`]: verdict.state, [`${at}.checkedAt`]: now(), ...(verdict.label !== undefined ? { [`${at}.label`]: verdict.label } : {}) } })
  return 'success'
}

import { idempotentHandler, publicHandler, type Handlers } from '../../lib/router'
import { wall, detail, listMine, listMyClaims } from './browse'
import { claim, confirm, fulfil, withdraw } from './claimant'
import { hide, queue, release, report, review } from './staff'
import { shareCode } from './shareCode'
import { stats } from './stats'
import { cancel, post, requestRelease, resubmit } from './wisher'

/**
 * The `wish` function's handlers, one per contract action. Every mutation is idempotent by its own write
 * (no generic request record): `post` derives the wish's _id from the requestId; state changes push the
 * requestId into the wish's history in the same conditional update; `report` stores it with the report.
 */
export const wishHandlers: Handlers<'wish'> = {
  post: idempotentHandler(post),
  resubmit: idempotentHandler(resubmit),
  cancel: idempotentHandler(cancel),
  // Public: the district wall may be browsed before sign-up; the community wall reads the user itself.
  wall: publicHandler(wall),
  detail,
  listMine,
  listMyClaims,
  claim: idempotentHandler(claim),
  withdraw: idempotentHandler(withdraw),
  requestRelease: idempotentHandler(requestRelease),
  fulfil: idempotentHandler(fulfil),
  confirm: idempotentHandler(confirm),
  report: idempotentHandler(report),
  queue,
  review: idempotentHandler(review),
  hide: idempotentHandler(hide),
  release: idempotentHandler(release),
  stats,
  shareCode,
}

import type { InputOf } from '@/contracts'
import { call } from './cloud'

/** The wish function: post, the wall, claims, fulfilment, and the staff queue. */
export const wishService = {
  /** Post a new wish (goes to review). */
  post: (input: InputOf<'wish', 'post'>) => call('wish', 'post', input),
  /** Edit a rejected wish and resubmit it for review. */
  resubmit: (input: InputOf<'wish', 'resubmit'>) => call('wish', 'resubmit', input),
  /** The wisher cancels an open (or pending, or rejected) wish. */
  cancel: (input: InputOf<'wish', 'cancel'>) => call('wish', 'cancel', input),
  /** A page of the wall: published wishes, newest first. */
  wall: (input: InputOf<'wish', 'wall'>) => call('wish', 'wall', input),
  /** One wish in full (contact only when the viewer may see it). */
  detail: (wishId: string) => call('wish', 'detail', { wishId }),
  /** The user's own wishes. */
  listMine: (input: InputOf<'wish', 'listMine'>) => call('wish', 'listMine', input),
  /** The wishes the user has claimed. */
  listMyClaims: (input: InputOf<'wish', 'listMyClaims'>) => call('wish', 'listMyClaims', input),
  /** Claim an open wish, promising a date (staff may name a unit). */
  claim: (input: InputOf<'wish', 'claim'>) => call('wish', 'claim', input),
  /** The claimant gives the wish back, with a reason. */
  withdraw: (input: InputOf<'wish', 'withdraw'>) => call('wish', 'withdraw', input),
  /** The wisher asks staff to release the claim, with a reason. */
  requestRelease: (input: InputOf<'wish', 'requestRelease'>) => call('wish', 'requestRelease', input),
  /** The claimant reports the wish fulfilled. */
  fulfil: (input: InputOf<'wish', 'fulfil'>) => call('wish', 'fulfil', input),
  /** The wisher (or staff for them) confirms fulfilment, optionally with thanks. */
  confirm: (input: InputOf<'wish', 'confirm'>) => call('wish', 'confirm', input),
  /** Report a published wish. */
  report: (input: InputOf<'wish', 'report'>) => call('wish', 'report', input),
  /** Staff: pending, reported, overdue or release-requested wishes of their communities. */
  queue: (input: InputOf<'wish', 'queue'>) => call('wish', 'queue', input),
  /** Staff: approve (publish) or reject with a reason. */
  review: (input: InputOf<'wish', 'review'>) => call('wish', 'review', input),
  /** Staff: hide a reported wish. */
  hide: (input: InputOf<'wish', 'hide'>) => call('wish', 'hide', input),
  /** Staff: release a claim back to the wall, with a reason. */
  release: (input: InputOf<'wish', 'release'>) => call('wish', 'release', input),
  /** Staff: figures for their communities. */
  stats: (input: InputOf<'wish', 'stats'>) => call('wish', 'stats', input),
  /** Staff: a poster code (mini-program code) that opens a published wish. */
  shareCode: (wishId: string) => call('wish', 'shareCode', { wishId }),
}

// The volunteer number (志愿者编号): issued after approval by a scheduler job, so approval stays within its budget.
import { loadCommunities } from '../../../lib/communities'
import { updateOneAndReturn } from '../../../lib/cloud'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import type { Job, JobCtx } from '../../../lib/jobs'
import type { UserDoc } from '../../../lib/model'

const SEQUENCES = 'vol_sequences'
const BATCH = 50

/** A volunteer number: the community's code (its 3-digit order in the district) + a 5-digit sequence, e.g. 00100042. */
export function volunteerNumber(order: number, seq: number): string {
  return `${String(order).padStart(3, '0')}${String(seq).padStart(5, '0')}`
}

/** Takes `n` numbers of a community's sequence with ONE `_.inc` (the sequence document is made on first use); returns the first. */
async function takeNumbers(ctx: JobCtx, communityId: string, n: number): Promise<number> {
  const col = ctx.db.collection(SEQUENCES)
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await updateOneAndReturn(col, { _id: communityId }, { seq: ctx.db.command.inc(n), updatedAt: ctx.now })
    const doc = res.doc as { seq: number } | null
    if (res.updated === 1 && doc) return doc.seq - n + 1
    try {
      await col.add({ data: { _id: communityId, seq: 0, updatedAt: ctx.now } })
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err
    }
  }
  throw new Error(`volunteer sequence of ${communityId} could not be taken`)
}

/**
 * Job: numbers the approved volunteers lacking a number (`volunteerNumberDue`, a sparse index), in the order of
 * approval, up to 50 a run:
 * per community ONE `_.inc` of its sequence, then one conditional update per volunteer (still due), which clears
 * the mark. A run that stops half-way leaves gaps in a sequence, never a number given twice. Nothing due: 1 request.
 */
export const volunteerNumbersJob: Job = {
  name: 'volunteerNumbers',
  everyMinutes: 1,
  async run(ctx) {
    const _ = ctx.db.command
    const users = ctx.db.collection('users')
    const due = (await users.where({ volunteerNumberDue: true }).orderBy('volunteer.approvedAt', 'asc').limit(BATCH).get()).data as UserDoc[]
    if (!due.length) return { done: 0 }
    const communities = await loadCommunities(ctx.db)
    const order = new Map(communities.map((c) => [c._id, c.order]))
    const byCommunity = new Map<string, UserDoc[]>()
    for (const u of due) byCommunity.set(u.communityId, [...(byCommunity.get(u.communityId) ?? []), u])
    const ids: string[] = []
    for (const [communityId, list] of byCommunity) {
      const first = await takeNumbers(ctx, communityId, list.length)
      for (const [i, u] of list.entries()) {
        const number = volunteerNumber(order.get(communityId) ?? 0, first + i)
        const res = await users.where({ _id: u._id, volunteerNumberDue: true }).update({ data: { 'volunteer.number': number, volunteerNumberDue: _.remove() } })
        if (res.stats.updated === 1) ids.push(u._id)
      }
    }
    return { done: ids.length, ...(ids.length <= 20 ? { ids } : {}), more: due.length === BATCH }
  },
}

/** The slots part's jobs (registered in cloud/functions/scheduler). */
export const volunteerSlotJobs: readonly Job[] = [volunteerNumbersJob]

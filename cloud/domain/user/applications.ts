import { createHash } from 'crypto'
import type { Database } from '../../lib/cloud'
import type { VolunteerApplicationDoc } from '../../lib/model'

export const APPLICATIONS = 'volunteer_applications'

/** The user's latest volunteer application, or null (index byUser: openid, createdAt desc). */
export async function latestApplication(db: Database, openid: string): Promise<VolunteerApplicationDoc | null> {
  const res = await db.collection(APPLICATIONS).where({ openid }).orderBy('createdAt', 'desc').limit(1).get()
  return (res.data[0] as VolunteerApplicationDoc | undefined) ?? null
}

/** One application by id, or null. */
export async function getApplication(db: Database, id: string): Promise<VolunteerApplicationDoc | null> {
  return (await db.collection(APPLICATIONS).doc(id).get()).data as VolunteerApplicationDoc | null
}

/** The _id of the application created by `openid`'s call `requestId`: a retry computes the same one. */
export function applicationIdFor(openid: string, requestId: string): string {
  return createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 32)
}

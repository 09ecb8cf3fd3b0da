// Staging for the check-in page tests: slots with signed-up shifts written straight into the emulator's store
// (the control port's /write), typed with the volunteer model — part A's sign-up is built at the same time.
import http from 'http'
import type { ShiftEntry, SlotDoc } from '../../cloud/domain/volunteer/model'

const MIN = 60_000

/** Dates as EJSON `{ $date }`, so they are stored as dates. */
function ejson(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() }
  if (Array.isArray(v)) return v.map(ejson)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ejson(x)]))
  return v
}

function write(docs: { coll: string; doc: object }[]): Promise<void> {
  const data = Buffer.from(JSON.stringify(ejson(docs)))
  return new Promise((resolve, reject) => {
    const req = http.request(`${globalThis.__hemeiEmulator.control}/write`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': data.length } }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`write failed: ${res.statusCode}`))))
    })
    req.on('error', reject)
    req.end(data)
  })
}

/** A signed-up shift of `openid`. */
export function shift(openid: string, name: string, over: Partial<ShiftEntry> = {}): ShiftEntry {
  return { openid, name, status: 'signed_up', signedUpAt: new Date(Date.now() - 86_400_000), insuranceAck: true, pairs: [], usedCodes: [], requestIds: [], ...over }
}

/** A published slot of 军门社区 starting in 10 minutes for 2 hours, with those shifts; returns its id. */
export async function stageSlot(shifts: ShiftEntry[], id = `slot-page-${Math.random().toString(36).slice(2, 10)}`): Promise<string> {
  const start = Date.now() + 10 * MIN
  const end = start + 120 * MIN
  const hhmm = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16)
  const slot: SlotDoc = {
    _id: id,
    projectId: 'proj-page',
    communityId: 'junmen',
    title: '敬老院陪伴服务',
    serviceType: '助老助残',
    place: { name: '军门社区养老服务站', lat: 26.0872, lng: 119.3015, radiusM: 200 },
    requirements: { trainingTags: [], insuranceRequired: false },
    date: new Date(start + 8 * 3600_000).toISOString().slice(0, 10),
    startTime: hhmm(start),
    endTime: hhmm(end),
    startAt: new Date(start),
    endAt: new Date(end),
    headcount: 10,
    taken: shifts.length,
    creditMinutes: 120,
    signupCutoffAt: new Date(start - 60 * MIN),
    status: 'published',
    shifts,
    volunteerOpenids: shifts.map((s) => s.openid),
    createdBy: 'demo-staff',
    createdAt: new Date(Date.now() - 7 * 86_400_000),
    updatedAt: new Date(Date.now() - 7 * 86_400_000),
  }
  await write([{ coll: 'vol_slots', doc: slot }])
  return id
}

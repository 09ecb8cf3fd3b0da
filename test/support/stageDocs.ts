// Staging documents straight into an emulator child's store, for states a test cannot reach through the
// functions yet (e.g. volunteer slots with signed-up shifts while the sign-up is built alongside): the child
// serves `POST /write` on its loopback control port (stageRoute.ts); the test posts EJSON here.
import http from 'http'

/** One document to write: its collection and the document (with `_id`). */
export interface StagedDoc {
  coll: string
  doc: { _id: string }
}

/** Dates as EJSON `{ $date }`, so they are stored as dates. */
function ejson(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() }
  if (Array.isArray(v)) return v.map(ejson)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ejson(x)]))
  return v
}

/** The test's side: writes the documents through the child's control port. */
export function stageDocs(controlUrl: string, docs: StagedDoc[]): Promise<void> {
  const data = Buffer.from(JSON.stringify(ejson(docs)))
  return new Promise((resolve, reject) => {
    const req = http.request(`${controlUrl}/write`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': data.length } }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`stageDocs: ${res.statusCode} ${text.slice(0, 300)}`))))
    })
    req.on('error', reject)
    req.end(data)
  })
}

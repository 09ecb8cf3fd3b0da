// The emulator child's side of test/support/stageDocs.ts: `POST /write` on its loopback control port.
import type http from 'http'
import { parseEJSON } from '../../cloud/emulator/engine/ejson'
import type { Store } from '../../cloud/emulator/store/store'
import type { StagedDoc } from './stageDocs'

/** The child's side: handles `POST /write` (EJSON `StagedDoc[]`); answers 204, or 500 with the error. */
export function writeRoute(store: Store, req: http.IncomingMessage, res: http.ServerResponse): void {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (c) => (body += c))
  req.on('end', () => {
    try {
      const docs = parseEJSON(body) as StagedDoc[]
      store.write(docs.map((d) => ({ coll: d.coll, id: String(d.doc._id), doc: d.doc })))
      res.writeHead(204).end()
    } catch (e) {
      res.writeHead(500).end(String((e as Error)?.stack || e))
    }
  })
}

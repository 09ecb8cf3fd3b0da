// npx tsx scripts/bench-decode.ts — issue 9's decoder choice, measured: documents/s decoded from the stored form by
// bson's EJSON.parse + normalize (before), the store's fromEJSON (JSON.parse and one pass over the wrapped types:
// the choice), JSON.parse with a reviver, v8.deserialize (a binary format: a migration), and a cache of decoded
// documents (structuredClone of a hit: callers mutate what they read). Bulk wishes, 5 runs of 10,000, median.
import v8 from 'node:v8'
import { EJSON } from 'bson'
import { bulkWishes } from '../cloud/emulator/seed/wishes'
import { fromEJSON, normalize, toEJSON } from '../cloud/emulator/engine/ejson'
import { f1, median, table } from './bench-format'

const docs = bulkWishes(2000, ['junmen', 'qingcheng', 'dongjie'])
const texts = docs.map(toEJSON)
const binaries = docs.map((d) => v8.serialize(d))
const cache = new Map(docs.map((d, i) => [i, d]))

/** Revives the `$date` wrappers relaxed EJSON writes for dates (the only wrapped type in these documents). */
function reviver(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && '$date' in v) {
    const d = (v as { $date: unknown }).$date
    return new Date(typeof d === 'string' ? d : Number((d as { $numberLong: string }).$numberLong))
  }
  return v
}

const decoders: [string, (i: number) => unknown][] = [
  ['bson EJSON.parse + normalize (before)', (i) => normalize(EJSON.parse(texts[i], { relaxed: true }))],
  ['fromEJSON: JSON.parse + one pass (chosen)', (i) => fromEJSON(texts[i])],
  ['JSON.parse with a reviver', (i) => JSON.parse(texts[i], reviver)],
  ['v8.deserialize (binary format)', (i) => v8.deserialize(binaries[i])],
  ['cache hit + structuredClone', (i) => structuredClone(cache.get(i))],
]
const PER_RUN = 10_000
const rows = decoders.map(([name, decode]) => {
  const rates: number[] = []
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now()
    for (let i = 0; i < PER_RUN; i++) decode(i % texts.length)
    rates.push((PER_RUN * 1000) / (performance.now() - t0))
  }
  return [name, f1(median(rates))]
})
console.log(`stored form: relaxed EJSON, ${Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length)} bytes a wish on average\n`)
console.log(table(['decoder', 'documents/s'], rows))

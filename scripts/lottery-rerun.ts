// npx tsx scripts/lottery-rerun.ts results.json — re-runs a 四点钟学校 摇号 from what was published (issue 11): the
// results page's JSON (lotteryResults: the seed, or the close time and the announced number; the places; each
// entry's number, whether its priority claim was verified, and how many children it holds), with the same code the
// draw used (cloud/domain/school/enrolment/draw.ts). Prints the seed, the entry numbers in draw order, and what each
// got; reads stdin when no file is given. Anyone can check a published draw this way.
import { readFileSync } from 'fs'
import { allocate, drawOrder, lotterySeed } from '../cloud/domain/school/enrolment/draw'

interface Published {
  seed?: string
  closesAt?: string
  announcedNumber?: string
  capacity: number
  rows: { no: number; priority: boolean; children: number }[]
}

const file = process.argv[2]
const text = readFileSync(file && file !== '-' ? file : 0, 'utf8')
const raw = JSON.parse(text) as Published | { ok: true; data: Published }
const published: Published = 'data' in raw ? raw.data : raw
const seed = published.seed ?? lotterySeed(published.closesAt!, published.announcedNumber!)
if (published.seed && published.closesAt && published.announcedNumber && lotterySeed(published.closesAt, published.announcedNumber) !== published.seed) {
  console.error(`the published seed ${published.seed} is not the close time + the announced number (${lotterySeed(published.closesAt, published.announcedNumber)})`)
  process.exit(1)
}
const ordered = drawOrder(seed, published.rows)
const results = allocate(ordered, published.capacity)
console.log(JSON.stringify({ seed, order: ordered.map((e) => e.no), results: ordered.map((e, i) => ({ no: e.no, result: results[i] })) }, null, 2))

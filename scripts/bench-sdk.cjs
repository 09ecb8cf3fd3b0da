// Bench helper (plain node: tsx's hooks break require('wx-server-sdk')): the real wx-server-sdk, initialised once
// against one target, runs `where({ communityId }).limit(20).get()` sequentially for `seconds` and prints
// `{ rate, calls }` as JSON on stdout. One process per target: the SDK keeps its first configuration.
// argv: <secretId> <secretKey> <communityId> <seconds> <serviceUrl>
process.env.TENCENTCLOUD = 'true'
process.env.TENCENTCLOUD_REGION ||= 'ap-shanghai'
const cloud = require('wx-server-sdk')

async function main() {
  const [secretId, secretKey, communityId, seconds, serviceUrl] = process.argv.slice(2)
  cloud.init({ env: 'bench', serviceUrl, secretId, secretKey })
  const db = cloud.database()
  const first = await db.collection('wishes').where({ communityId }).limit(20).get()
  if (first.data.length !== 20) throw new Error(`${serviceUrl}: expected 20 documents, got ${first.data.length}`)
  let calls = 0
  const t0 = performance.now()
  while (performance.now() - t0 < Number(seconds) * 1000) {
    await db.collection('wishes').where({ communityId }).limit(20).get()
    calls++
  }
  process.stdout.write(JSON.stringify({ rate: (calls * 1000) / (performance.now() - t0), calls }))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

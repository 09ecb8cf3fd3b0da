// Bench helper (plain node: tsx's hooks break require('wx-server-sdk')): the real wx-server-sdk runs
// `where({ communityId }).limit(20).get()` sequentially against each target in turn, `rounds` times
// interleaved, `seconds` each, and prints the calls/s per target as JSON on stdout.
// argv: <secretId> <secretKey> <communityId> <seconds> <rounds> <name>=<serviceUrl>...
process.env.TENCENTCLOUD = 'true'
process.env.TENCENTCLOUD_REGION ||= 'ap-shanghai'
const cloud = require('wx-server-sdk')

async function main() {
  const [secretId, secretKey, communityId, seconds, rounds, ...targets] = process.argv.slice(2)
  const out = {}
  for (let r = 0; r < Number(rounds); r++) {
    for (const t of targets) {
      const [name, serviceUrl] = t.split('=')
      cloud.init({ env: 'bench', serviceUrl, secretId, secretKey })
      const db = cloud.database()
      const first = await db.collection('wishes').where({ communityId }).limit(20).get()
      if (first.data.length !== 20) throw new Error(`${name}: expected 20 documents, got ${first.data.length}`)
      let n = 0
      const t0 = performance.now()
      while (performance.now() - t0 < Number(seconds) * 1000) {
        await db.collection('wishes').where({ communityId }).limit(20).get()
        n++
      }
      ;(out[name] ||= []).push((n * 1000) / (performance.now() - t0))
    }
  }
  process.stdout.write(JSON.stringify(out))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

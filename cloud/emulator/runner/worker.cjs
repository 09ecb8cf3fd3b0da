// A function instance: loads one built cloud function and serves ONE invocation at a time.
// Plain CommonJS so it runs as a worker under node, tsx and jest alike (no TypeScript loader in workers).
const { parentPort, workerData } = require('worker_threads')

let mod
let loadError
try {
  mod = require(workerData.file)
} catch (e) {
  loadError = e
}
// Loaded (or failed to): the pool starts the invocation timeout only from here, so a cold start
// under load does not count against the function.
parentPort.postMessage({ ready: true })

parentPort.on('message', async (msg) => {
  // Identity and per-invocation variables: this worker's process.env is its own copy.
  for (const [k, v] of Object.entries(msg.env)) process.env[k] = v
  try {
    if (loadError) throw loadError
    if (!mod || typeof mod.main !== 'function') throw new Error(`${workerData.file} does not export main`)
    const result = await mod.main(msg.event, msg.context)
    const json = JSON.stringify(result === undefined ? null : result)
    parentPort.postMessage({ id: msg.id, ok: true, json })
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, error: String((e && e.stack) || e) })
  }
})

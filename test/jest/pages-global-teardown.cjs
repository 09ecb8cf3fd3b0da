// Stops the emulators started by pages-global-setup.cjs and removes their data dirs.
const fs = require('fs')

module.exports = async () => {
  const started = globalThis.__hemeiPagesEmulators || []
  globalThis.__hemeiPagesEmulators = []
  await Promise.all(
    started.map(
      ({ child, dataDir }) =>
        new Promise((resolve) => {
          const done = () => {
            clearTimeout(killer)
            fs.rmSync(dataDir, { recursive: true, force: true })
            resolve()
          }
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
          if (child.exitCode !== null || child.signalCode !== null) return done()
          child.once('exit', done)
          child.stdin.end()
        }),
    ),
  )
}

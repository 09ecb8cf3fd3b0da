// What an emulator child process of a test layer does besides starting: stop cleanly when its parent goes.

/** Calls `close` and exits once stdin closes (the test process ended or stopped it) or on SIGTERM; once only. */
export function closeWithParent(close: () => Promise<void>): void {
  let closing = false
  const stop = async () => {
    if (closing) return
    closing = true
    try {
      await close()
    } finally {
      process.exit(0)
    }
  }
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.on('SIGTERM', stop)
  process.stdin.resume()
}

/** Runs a child's main; a failure is printed with `name` and exits 1. */
export function runChild(name: string, main: () => Promise<void>): void {
  main().catch((e) => {
    process.stderr.write(`${name}: ${e?.stack || e}\n`)
    process.exit(1)
  })
}

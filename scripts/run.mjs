// Small process helpers shared by the npm scripts (start, dev): run a command, or spawn a long-lived one.
import { spawn } from 'node:child_process'

/** Runs a command to completion with inherited stdio; rejects on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts })
    child.on('error', reject)
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} ${signal ? `was killed by ${signal}` : `exited with ${code}`}`))))
  })
}

/** Starts a long-lived command and ends it when this process is told to stop. */
export function daemon(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: 'inherit', ...opts })
  const stop = () => child.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return child
}

export const npx = (bin) => `node_modules/.bin/${bin}`

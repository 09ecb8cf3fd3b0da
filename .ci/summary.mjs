// Sums jest's JSON results (one file per layer) into CI's one plain line: "N passed, M failed".
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, stepFailuresArg] = process.argv.slice(2)
let passed = 0
let failed = Number(stepFailuresArg || 0)
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const r = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  const suiteErrors = r.numRuntimeErrorTestSuites || 0
  console.log(`${file.replace(/\.json$/, '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${suiteErrors ? `, ${suiteErrors} suites failed to run` : ''}`)
  passed += r.numPassedTests
  failed += r.numFailedTests + suiteErrors
}
if (passed === 0 && failed === 0) failed = 1 // no test ran at all is a failure
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

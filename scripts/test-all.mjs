// npm run test:all — the README's one test command: typecheck, the arrows, lint, format and knip (with proof
// that those checks can fail), the builds, the three jest layers, the size budget and the browser e2e.
// Every step runs even if one fails; jest results go to <results>/*.json (one per layer and pass) so CI can sum
// them. Exits non-zero if anything failed.
// The jest layers 1-3 (handlers + emulator, pages, the weapp build) run twice more, to prove that "today"
// is China's day from the one clock whatever the machine's zone: under TZ=UTC with the clock at 17:30 UTC
// (China is already on the next day; the day chosen also crosses a year end), and under TZ=Asia/Shanghai.
import { mkdirSync, rmSync } from 'node:fs'
import { npx, run } from './run.mjs'

const at = process.argv.indexOf('--results')
const results = at > 0 ? process.argv[at + 1] : 'test-results'
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const jest = (name, args) => [npx('jest'), [...args, '--json', `--outputFile=${results}/${name}.json`]]
/** 17:30 UTC on 31 December: already 01:30 on 1 January in China (a new day, month and year). */
const CHINA_NEXT_DAY = '2026-12-31T17:30:00Z'
// The fuzz (test/fuzz) runs in layer 1 only: its subject is input handling, not the day, and it is the slowest file.
const clockPass = (name, tz, clock) => [
  ...jest(name, ['--selectProjects', 'cloud', 'pages', 'weapp', '--testPathIgnorePatterns', '/node_modules/', '/test/fuzz/']),
  { env: { ...process.env, TZ: tz, HEMEI_CLOCK: clock } },
]
const steps = [
  ['typecheck', npx('tsc'), ['-p', 'tsconfig.json']],
  ['arrows', npx('depcruise'), ['src', 'cloud', 'test', 'scripts', 'config', 'types', '--config', '.dependency-cruiser.cjs']],
  ['lint', npx('eslint'), ['.', '--max-warnings', '0']],
  ['format', npx('prettier'), ['--check', '.']],
  ['knip', npx('knip'), []],
  ['tooling: each check can fail', ...jest('0-tooling', ['--selectProjects', 'tooling'])],
  ['build:cloud', npx('tsx'), ['cloud/build.ts']],
  ['build:weapp', npx('taro'), ['build', '--type', 'weapp']],
  ['build:h5', npx('taro'), ['build', '--type', 'h5']],
  // The fuzz writes its outcome tables (fuzz-functions.json, fuzz-http.json) to <results>/fuzz (not beside the
  // layers' jest results, which .ci/summary.mjs sums).
  ['layer 1: handlers + emulator', ...jest('1-cloud', ['--selectProjects', 'cloud']), { env: { ...process.env, HEMEI_FUZZ_OUT: `${results}/fuzz` } }],
  ['layer 2: pages', ...jest('2-pages', ['--selectProjects', 'pages'])],
  ['layer 3: weapp build', ...jest('3-weapp', ['--selectProjects', 'weapp'])],
  ['size', process.execPath, ['scripts/size.mjs']],
  ['layer 4: browser e2e', ...jest('4-e2e', ['-c', 'test/jest/e2e.config.js'])],
  [`layers 1-3: TZ=UTC, clock at ${CHINA_NEXT_DAY}`, ...clockPass('5-clock-utc-1730', 'UTC', CHINA_NEXT_DAY)],
  ['layers 1-3: TZ=Asia/Shanghai', ...clockPass('6-clock-shanghai', 'Asia/Shanghai', '')],
]

const failed = []
for (const [name, cmd, args, opts] of steps) {
  const t0 = Date.now()
  console.log(`\n=== ${name}`)
  try {
    await run(cmd, args, opts)
    console.log(`=== ${name}: ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  } catch (err) {
    console.log(`=== ${name}: FAILED in ${((Date.now() - t0) / 1000).toFixed(1)} s (${err.message})`)
    failed.push(name)
  }
}
if (failed.length) {
  console.log(`\nfailed steps: ${failed.join(', ')}`)
  process.exit(1)
}

// npm run test:all — the README's one test command: typecheck, the arrows, lint, format and knip (with proof
// that those checks can fail), the builds, the three jest layers, the size budget and the browser e2e.
// Every step runs even if one fails; jest results go to <results>/*.json (one per layer and pass) so CI can sum
// them. Exits non-zero if anything failed.
// The jest layers 1-3 (handlers + emulator, pages, the weapp build) run twice more, to prove that "today"
// is China's day from the one clock whatever the machine's zone: under TZ=UTC with the clock at 17:30 UTC
// (China is already on the next day; the day chosen also crosses a year end), and under TZ=Asia/Shanghai.
//
// The machine has 2 cores and every jest run here is one worker (jest's default on 2 cores), so the steps run two
// at a time: first the checks and the builds, then the test runs, longest first. The runs share nothing on disk (each
// emulator has its own temp data dir and port). Each step's output is printed whole when it ends (`--serial` runs
// one at a time with the output live; HEMEI_TEST_LANES sets how many at a time).
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { cpus } from 'node:os'
import { npx } from './run.mjs'

const argv = process.argv.slice(2)
const at = argv.indexOf('--results')
const results = at >= 0 ? argv[at + 1] : 'test-results'
const SERIAL = argv.includes('--serial')
const LANES = SERIAL ? 1 : Number(process.env.HEMEI_TEST_LANES || Math.max(1, Math.min(2, cpus().length)))
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

/** A step: its name, command, arguments, environment, and how long it took last time (s; longest runs first). */
const step = (name, cmd, args, seconds, env) => ({ name, cmd, args, seconds, env })
const jest = (name, file, args, seconds, env) => step(name, npx('jest'), [...args, '--json', `--outputFile=${results}/${file}.json`], seconds, env)
/** 17:30 UTC on 31 December: already 01:30 on 1 January in China (a new day, month and year). */
const CHINA_NEXT_DAY = '2026-12-31T17:30:00Z'
// A clock pass: one jest layer again under another zone and clock. The fuzz (test/fuzz) runs in layer 1 only: its
// subject is input handling, not the day, and it is a slow file.
const clockPass = (label, file, tz, clock, project, seconds) =>
  jest(`layer ${project}: ${label}`, `${file}-${project}`, ['--selectProjects', project, '--testPathIgnorePatterns', '/node_modules/', '/test/fuzz/'], seconds, {
    TZ: tz,
    HEMEI_CLOCK: clock,
  })
const UTC = [`TZ=UTC, clock at ${CHINA_NEXT_DAY}`, '5-clock-utc-1730', 'UTC', CHINA_NEXT_DAY]
const SHANGHAI = ['TZ=Asia/Shanghai', '6-clock-shanghai', 'Asia/Shanghai', '']

const phases = [
  // The checks and the builds: nothing here needs another step.
  [
    step('build:h5', npx('taro'), ['build', '--type', 'h5'], 55),
    step('build:weapp', npx('taro'), ['build', '--type', 'weapp'], 36),
    step('typecheck', npx('tsc'), ['-p', 'tsconfig.json'], 19),
    step('format', npx('prettier'), ['--check', '.'], 18),
    step('lint', npx('eslint'), ['.', '--max-warnings', '0'], 15),
    jest('tooling: each check can fail', '0-tooling', ['--selectProjects', 'tooling'], 6),
    step('arrows', npx('depcruise'), ['src', 'cloud', 'test', 'scripts', 'config', 'types', '--config', '.dependency-cruiser.cjs'], 5),
    step('knip', npx('knip'), [], 3),
    step('build:cloud', npx('tsx'), ['cloud/build.ts'], 1),
  ],
  // The test runs, on the builds.
  [
    // The fuzz writes its outcome tables (fuzz-functions.json, fuzz-http.json) to <results>/fuzz (not beside the
    // layers' jest results, which .ci/summary.mjs sums).
    jest('layer 1: handlers + emulator', '1-cloud', ['--selectProjects', 'cloud'], 330, { HEMEI_FUZZ_OUT: `${results}/fuzz` }),
    clockPass(...UTC, 'cloud', 310),
    clockPass(...SHANGHAI, 'cloud', 310),
    jest('layer 4: browser e2e', '4-e2e', ['-c', 'test/jest/e2e.config.js'], 250),
    jest('layer 3: weapp build', '3-weapp', ['--selectProjects', 'weapp'], 180),
    clockPass(...UTC, 'weapp', 180),
    clockPass(...SHANGHAI, 'weapp', 180),
    jest('layer 2: pages', '2-pages', ['--selectProjects', 'pages'], 70),
    clockPass(...UTC, 'pages', 65),
    clockPass(...SHANGHAI, 'pages', 65),
    step('size', process.execPath, ['scripts/size.mjs'], 1),
  ],
]

/** Runs one step; with more than one lane its output is kept and printed whole when it ends. */
function runStep(s) {
  const t0 = Date.now()
  if (LANES === 1) console.log(`\n=== ${s.name}`)
  return new Promise((resolve) => {
    const child = spawn(s.cmd, s.args, { env: { ...process.env, ...s.env }, stdio: LANES === 1 ? 'inherit' : ['ignore', 'pipe', 'pipe'] })
    const out = []
    child.stdout?.on('data', (c) => out.push(c))
    child.stderr?.on('data', (c) => out.push(c))
    const done = (ok, why) => {
      const took = ((Date.now() - t0) / 1000).toFixed(1)
      if (LANES > 1) process.stdout.write(`\n=== ${s.name}\n${Buffer.concat(out).toString()}`)
      console.log(`=== ${s.name}: ${ok ? 'ok' : `FAILED (${why})`} in ${took} s`)
      resolve(ok)
    }
    child.on('error', (err) => done(false, err.message))
    child.on('exit', (code, signal) => done(code === 0, signal ? `killed by ${signal}` : `exit ${code}`))
  })
}

/** Runs the steps, LANES at a time, longest first. Returns the names of those that failed. */
async function runPhase(steps) {
  const queue = [...steps].sort((a, b) => b.seconds - a.seconds)
  const failed = []
  const lane = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) if (!(await runStep(s))) failed.push(s.name)
  }
  await Promise.all(Array.from({ length: LANES }, lane))
  return failed
}

const t0 = Date.now()
const failed = []
for (const steps of phases) failed.push(...(await runPhase(steps)))
console.log(`\ntest:all took ${((Date.now() - t0) / 1000).toFixed(0)} s with ${LANES} lane(s)`)
if (failed.length) {
  console.log(`failed steps: ${failed.join(', ')}`)
  process.exit(1)
}

// npm run test:all — the README's one test command: typecheck, the arrows, lint, format and knip (with proof
// that those checks can fail), the builds, the three jest layers, the size budget and the browser e2e.
// Every step runs even if one fails; jest results go to <results>/*.json (one per layer) so CI can sum them.
// Exits non-zero if anything failed.
import { mkdirSync, rmSync } from 'node:fs'
import { npx, run } from './run.mjs'

const at = process.argv.indexOf('--results')
const results = at > 0 ? process.argv[at + 1] : 'test-results'
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const jest = (name, args) => [npx('jest'), [...args, '--json', `--outputFile=${results}/${name}.json`]]
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
  ['layer 1: handlers + emulator', ...jest('1-cloud', ['--selectProjects', 'cloud'])],
  ['layer 2: pages', ...jest('2-pages', ['--selectProjects', 'pages'])],
  ['layer 3: weapp build', ...jest('3-weapp', ['--selectProjects', 'weapp'])],
  ['size', process.execPath, ['scripts/size.mjs']],
  ['layer 4: browser e2e', ...jest('4-e2e', ['-c', 'test/jest/e2e.config.js'])],
]

const failed = []
for (const [name, cmd, args] of steps) {
  const t0 = Date.now()
  console.log(`\n=== ${name}`)
  try {
    await run(cmd, args)
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

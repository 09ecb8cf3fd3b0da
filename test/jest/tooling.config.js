// The machine checks themselves (dependency-cruiser's arrows, the ESLint backend rule): proof that each rule
// still fails on a deliberate break, so a config change cannot silently switch one off.
const path = require('path')
const root = path.resolve(__dirname, '../..')
module.exports = {
  displayName: 'tooling',
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/tooling/**/*.test.ts'],
  transform: { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/test/jest/esbuild-transform.cjs' },
}

// Layer 4: end-to-end in a real browser — playwright-core driving Debian's Chromium against the h5 app
// served by the local CloudBase emulator (docs/ARCHITECTURE.md, tests). One file at a time: each starts its own stack.
const path = require('path')
const root = path.resolve(__dirname, '../..')
module.exports = {
  displayName: 'e2e',
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  transform: { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/test/jest/esbuild-transform.cjs' },
  transformIgnorePatterns: ['/node_modules/(?!zod/|pdfjs-dist/)'],
  globalSetup: '<rootDir>/test/jest/e2e-setup.cjs',
  maxWorkers: 1,
  testTimeout: 120000,
}

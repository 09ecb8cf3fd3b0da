// Layer 1: handlers and emulator fidelity, with the real wx-server-sdk against the emulator.
const path = require('path')
const root = path.resolve(__dirname, '../..')
module.exports = {
  displayName: 'cloud',
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/cloud/**/*.test.ts', '<rootDir>/test/emulator/**/*.test.ts', '<rootDir>/test/fuzz/**/*.test.ts'],
  transform: { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/test/jest/esbuild-transform.cjs' },
  transformIgnorePatterns: ['/node_modules/(?!zod/)'],
  setupFiles: ['<rootDir>/test/jest/cloud-env.cjs'],
  globalSetup: '<rootDir>/test/jest/build-cloud.cjs',
}

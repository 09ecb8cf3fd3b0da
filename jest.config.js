// npm test runs layers 1-3 (docs/ARCHITECTURE.md) and the tooling checks; the browser layer has its own config (npm run test:e2e).
module.exports = {
  projects: ['<rootDir>/test/jest/cloud.config.js', '<rootDir>/test/jest/pages.config.js', '<rootDir>/test/jest/weapp.config.js', '<rootDir>/test/jest/tooling.config.js'],
  // A global option: jest ignores testTimeout inside a project config. Tests that start an emulator need more than 5 s on a busy 2-core machine.
  testTimeout: 60000,
}

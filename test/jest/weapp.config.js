// Layer 3: the real weapp build (dist/weapp) loaded into miniprogram-simulate, with wx.cloud routed to the emulator.
const path = require('path')
const root = path.resolve(__dirname, '../..')
module.exports = {
  displayName: 'weapp',
  rootDir: root,
  // miniprogram-simulate renders into a DOM (j-component + exparser), so it needs jsdom.
  testEnvironment: '<rootDir>/test/jest/weapp-environment.cjs',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  transform: { '^.+\\.(ts|tsx)$': '<rootDir>/test/jest/esbuild-transform.cjs' },
  // dist/weapp is loaded as-is: the bytes WeChat would run, not a transformed copy.
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/jest/weapp-global-setup.cjs',
  // testTimeout is a global option, not a project one: the setup file sets it.
  setupFilesAfterEnv: ['<rootDir>/test/jest/weapp-setup.cjs'],
}

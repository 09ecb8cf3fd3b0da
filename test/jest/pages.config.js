// Layer 2: pages rendered with Taro's real H5 components (DESIGN.md §8), driven through the real services and
// the real h5 transport to the real cloud functions in a local emulator (one per jest worker, started by the
// globalSetup; test/pages/backend.ts resets it to the demo seed before each test).
const path = require('path')
const root = path.resolve(__dirname, '../..')
const esm = [
  '@tarojs',
  '@stencil',
  '\\.pnpm',
  'tslib',
  'style-inject',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
  'swiper',
  'ssr-window',
  'dom7',
  'zod',
]
module.exports = {
  displayName: 'pages',
  rootDir: root,
  testEnvironment: '<rootDir>/test/jest/pages-environment.cjs',
  testEnvironmentOptions: { url: 'http://127.0.0.1/' },
  testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
  transform: { '^.+\\.(ts|tsx|js|jsx|mjs|cjs)$': ['babel-jest', { configFile: path.join(root, 'babel.config.js') }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')}))`],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '@tarojs/taro-h5',
    '^lodash-es$': 'lodash',
    '^lodash-es/(.*)$': 'lodash/$1',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/jest/pages-style-stub.js',
  },
  globalSetup: '<rootDir>/test/jest/pages-global-setup.cjs',
  globalTeardown: '<rootDir>/test/jest/pages-global-teardown.cjs',
  setupFiles: ['<rootDir>/test/jest/pages-globals.js'],
  setupFilesAfterEnv: ['<rootDir>/test/jest/pages-setup.js'],
}

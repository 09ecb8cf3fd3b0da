// ESLint (npm run lint, a step of test:all): typescript-eslint's recommended rules (not type-checked, to stay
// fast), the two classic react-hooks rules, and the one arrow dependency-cruiser cannot see because it is a
// call, not an import: only src/services talks to the backend. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const BACKEND = 'Only src/services talks to the backend (docs/ARCHITECTURE.md): call a hook or store, which calls a service.'

export default defineConfig(
  globalIgnores(['dist/', '.data/', '.emulator-data/', '.swc/', 'coverage/', 'test-results/', 'docs/screenshots/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks an argument or binding kept on purpose (a handler's unused ctx, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/pages/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/services/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Taro', property: 'cloud', message: BACKEND },
        { object: 'Taro', property: 'request', message: BACKEND },
        { object: 'Taro', property: 'uploadFile', message: BACKEND },
        { object: 'Taro', property: 'downloadFile', message: BACKEND },
        { object: 'Taro', property: 'connectSocket', message: BACKEND },
        { object: 'wx', property: 'cloud', message: BACKEND },
        { object: 'wx', property: 'request', message: BACKEND },
        { object: 'window', property: 'fetch', message: BACKEND },
        { object: 'globalThis', property: 'fetch', message: BACKEND },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: BACKEND }, { name: 'XMLHttpRequest', message: BACKEND }, { name: 'WebSocket', message: BACKEND }],
    },
  },
  {
    // Tests poke at untyped wire data and load modules after setting the environment (require).
    files: ['test/**/*.{ts,tsx,js,cjs}'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The emulator answers the SDK's untyped wire JSON (TCB actions, EJSON, Mongo queries).
    files: ['cloud/emulator/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Code that runs in a browser page although its file does not: jsdom setup, page.evaluate bodies.
    files: ['test/jest/pages-*.js', 'scripts/make-tab-icons.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // CommonJS files: jest configs, the babel config, Taro plugins, the emulator's worker bootstrap, fixtures.
    files: ['**/*.cjs', 'babel.config.js', 'jest.config.js', 'test/jest/*.js', 'config/plugins/*.js', 'test/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)

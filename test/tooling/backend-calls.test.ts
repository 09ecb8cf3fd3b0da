// "Only src/services talks to the backend" is a call, not an import, so ESLint checks it
// (eslint.config.mjs, no-restricted-properties / no-restricted-globals). Each way out must be refused
// outside src/services and allowed inside it.
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

/**
 * The rules that fire on each `code` as if it were the file at `file`: the ESLint API in one child process
 * (jest's VM cannot import eslint.config.mjs).
 */
function rulesFired(cases: { file: string; code: string }[]): string[][] {
  const script = `
    import { ESLint } from 'eslint'
    import path from 'node:path'
    const eslint = new ESLint({ cwd: process.cwd() })
    const cases = JSON.parse(process.argv[1])
    const out = []
    for (const c of cases) {
      const [r] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) })
      out.push(r.messages.map((m) => m.ruleId ?? m.message))
    }
    process.stdout.write(JSON.stringify(out))`
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], { cwd: root, encoding: 'utf8' }))
}

const CALLS: [string, string, string][] = [
  ['Taro.cloud.callFunction', "import Taro from '@tarojs/taro'\nexport const f = () => Taro.cloud.callFunction({ name: 'wish' })\n", 'no-restricted-properties'],
  ['const { cloud } = Taro', "import Taro from '@tarojs/taro'\nconst { cloud } = Taro\nexport const f = () => cloud.callFunction({ name: 'wish' })\n", 'no-restricted-properties'],
  ['Taro.request', "import Taro from '@tarojs/taro'\nexport const f = () => Taro.request({ url: '/api' })\n", 'no-restricted-properties'],
  ['Taro.uploadFile', "import Taro from '@tarojs/taro'\nexport const f = () => Taro.uploadFile({ url: '/api', filePath: 'a', name: 'f' })\n", 'no-restricted-properties'],
  ['wx.cloud', "declare const wx: { cloud: { callFunction(o: object): void } }\nexport const f = () => wx.cloud.callFunction({ name: 'wish' })\n", 'no-restricted-properties'],
  ['fetch', "export const f = () => fetch('/api/fn/wish')\n", 'no-restricted-globals'],
  ['window.fetch', "export const f = () => window.fetch('/api/fn/wish')\n", 'no-restricted-properties'],
  ['XMLHttpRequest', 'export const f = () => new XMLHttpRequest()\n', 'no-restricted-globals'],
]

const OUTSIDE = ['src/pages/me/index.tsx', 'src/packages/wish/pages/detail/components/Actions.tsx', 'src/hooks/useX.ts', 'src/stores/x.ts', 'src/ui/x.ts']

describe('only src/services calls the backend (ESLint)', () => {
  const cases = CALLS.flatMap(([name, code, rule]) => [
    ...OUTSIDE.map((file) => ({ name, file, code, expected: [rule] })),
    { name, file: 'src/services/x.ts', code, expected: [] as string[] },
  ])
  let fired: string[][]
  beforeAll(() => {
    fired = rulesFired(cases)
  })

  it('refuses each way out in a page, a page section, a hook, a store and a UI helper', () => {
    cases.forEach((c, i) => {
      if (c.expected.length) expect({ ...c, fired: fired[i] }).toEqual({ ...c, fired: expect.arrayContaining(c.expected) })
    })
  })

  it('allows each of them in src/services', () => {
    cases.forEach((c, i) => {
      if (!c.expected.length) expect({ ...c, fired: fired[i] }).toEqual({ ...c, fired: [] })
    })
  })
})

// The arrows of docs/ARCHITECTURE.md must be able to fail: dependency-cruiser runs with the repository's own
// .dependency-cruiser.cjs over a small tree laid out like the repository, first with allowed imports only
// (it passes), then with one deliberate break per rule (each rule reports its break, and the run fails).
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const depcruise = path.join(root, 'node_modules/.bin/depcruise')

/** Files of a tree that follows every arrow. */
const ALLOWED: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] }, moduleResolution: 'bundler', jsx: 'react-jsx' } }),
  'src/contracts/index.ts': "export * from './wish'\n",
  'src/contracts/wish.ts': 'export const WISH = 1\n',
  'src/services/cloud.ts': "export * from '@/contracts'\n",
  'src/services/wish.ts': "export * from './cloud'\n",
  'src/stores/me.ts': "export * from '@/services/wish'\n",
  'src/hooks/useWish.ts': "export * from '@/services/wish'\nexport * from '@/stores/me'\n",
  'src/components/Card.tsx': "export * from '@/contracts'\n",
  'src/pages/home/index.tsx': "export * from '@/hooks/useWish'\nexport * from '@/components/Card'\n",
  'src/packages/wish/pages/wall/index.tsx': "export * from '@/hooks/useWish'\nexport * from './components/Header'\n",
  'src/packages/wish/pages/wall/components/Header.tsx': "export * from '@/contracts/wish'\n",
  'cloud/lib/db.ts': "export * from '../../src/contracts'\n",
  'cloud/domain/wish/index.ts': "export * from '../../lib/db'\n",
  'cloud/functions/wish/index.ts': "export * from '../../domain/wish'\n",
  'cloud/emulator/main.ts': "export * from '../lib/db'\n",
  'scripts/bench.ts': "export * from '../cloud/emulator/main'\n",
  'test/wish.test.ts': "export * from '../src/services/wish'\nexport * from '../cloud/emulator/main'\n",
}

/** One deliberate break per rule: the file that breaks it, and the arrow the cruiser must report. */
const BREAKS: { rule: string; file: string; source: string; arrow: string }[] = [
  { rule: 'contracts-import-nothing-ours', file: 'src/contracts/bad.ts', source: "export * from '@/services/cloud'\n", arrow: 'src/contracts/bad.ts → src/services/cloud.ts' },
  { rule: 'src-never-imports-cloud', file: 'src/hooks/bad.ts', source: "export * from '../../cloud/lib/db'\n", arrow: 'src/hooks/bad.ts → cloud/lib/db.ts' },
  {
    rule: 'cloud-reaches-src-only-at-contracts',
    file: 'cloud/domain/wish/bad.ts',
    source: "export * from '../../../src/services/wish'\n",
    arrow: 'cloud/domain/wish/bad.ts → src/services/wish.ts',
  },
  {
    rule: 'deployed-code-never-imports-emulator',
    file: 'cloud/functions/wish/bad.ts',
    source: "export * from '../../emulator/main'\n",
    arrow: 'cloud/functions/wish/bad.ts → cloud/emulator/main.ts',
  },
  { rule: 'cloud-arrows-run-one-way', file: 'cloud/domain/wish/up.ts', source: "export * from '../../functions/wish'\n", arrow: 'cloud/domain/wish/up.ts → cloud/functions/wish/index.ts' },
  { rule: 'cloud-lib-never-imports-domain', file: 'cloud/lib/bad.ts', source: "export * from '../domain/wish'\n", arrow: 'cloud/lib/bad.ts → cloud/domain/wish/index.ts' },
  {
    rule: 'pages-do-not-import-services',
    file: 'src/packages/wish/pages/wall/components/Bad.tsx',
    source: "export * from '@/services/wish'\n",
    arrow: 'src/packages/wish/pages/wall/components/Bad.tsx → src/services/wish.ts',
  },
  { rule: 'pages-do-not-import-services', file: 'src/pages/home/Bad.tsx', source: "export * from '@/services/cloud'\n", arrow: 'src/pages/home/Bad.tsx → src/services/cloud.ts' },
  { rule: 'services-import-only-contracts', file: 'src/services/bad.ts', source: "export * from '@/stores/me'\n", arrow: 'src/services/bad.ts → src/stores/me.ts' },
  { rule: 'shared-code-never-imports-pages', file: 'src/components/Bad.tsx', source: "export * from '@/pages/home'\n", arrow: 'src/components/Bad.tsx → src/pages/home/index.tsx' },
  {
    rule: 'domains-stay-apart',
    file: 'src/packages/staff/pages/queue/index.tsx',
    source: "export * from '@/packages/wish/pages/wall/components/Header'\n",
    arrow: 'src/packages/staff/pages/queue/index.tsx → src/packages/wish/pages/wall/components/Header.tsx',
  },
  {
    rule: 'shared-code-never-imports-a-domain',
    file: 'src/hooks/wishy.ts',
    source: "export * from '@/packages/wish/pages/wall/components/Header'\n",
    arrow: 'src/hooks/wishy.ts → src/packages/wish/pages/wall/components/Header.tsx',
  },
  { rule: 'product-never-imports-tests', file: 'scripts/bad.ts', source: "export * from '../test/wish.test'\n", arrow: 'scripts/bad.ts → test/wish.test.ts' },
  { rule: 'no-circular', file: 'src/hooks/loopA.ts', source: "export * from './loopB'\nexport const A = 1\n", arrow: 'src/hooks/loopA.ts → src/hooks/loopB.ts → src/hooks/loopA.ts' },
  { rule: 'not-to-unresolvable', file: 'src/hooks/typo.ts', source: "export * from '@/hooks/useWhish'\n", arrow: 'src/hooks/typo.ts → @/hooks/useWhish' },
]
const EXTRA: Record<string, string> = { 'src/hooks/loopB.ts': "import { A } from './loopA'\nexport const B = A\n" }

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
}

/** Runs the repository's cruiser config over `dir`; resolves with the exit code and the report. */
function cruise(dir: string): Promise<{ code: number; out: string }> {
  const args = ['src', 'cloud', 'test', 'scripts', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err']
  return new Promise((resolve) => {
    execFile(depcruise, args, { cwd: dir }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
      // One line per violation (a cycle's report spans several lines).
      resolve({ code, out: `${stdout}\n${stderr}`.replace(/\s+/g, ' ') })
    })
  })
}

describe('the arrows (dependency-cruiser)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hemei-arrows-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('passes a tree that follows every arrow', async () => {
    writeTree(dir, ALLOWED)
    const { code, out } = await cruise(dir)
    expect(out).not.toMatch(/error /)
    expect(code).toBe(0)
  })

  it('fails, naming each rule and its arrow, when every rule is broken once', async () => {
    writeTree(dir, { ...ALLOWED, ...EXTRA, ...Object.fromEntries(BREAKS.map((b) => [b.file, b.source])) })
    const { code, out } = await cruise(dir)
    expect(code).not.toBe(0)
    for (const b of BREAKS) expect(out).toContain(`error ${b.rule}: ${b.arrow}`)
  })
})

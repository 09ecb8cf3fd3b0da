// Recovery (issue 10, part E): rebuilds one community's month statistics document (vol_stats/m_<c>_<YYYYMM>) from
// the hours ledger, for data written around the statistics queue (cloud/domain/volunteer/ledger/rebuildStats.ts says
// how it stays right while the statistics job runs).
//
//   npx tsx scripts/rebuild-vol-stats.ts <communityId> <YYYY-MM> [--dry-run]
//
// The database comes from the environment as for the functions (cloud/lib/cloud.ts): HEMEI_TCB_URL, HEMEI_SECRET_ID
// and HEMEI_SECRET_KEY for the local emulator, or CloudBase's own (TENCENTCLOUD_SECRETID… and HEMEI_CLOUD_ENV).
// wx-server-sdk does not load under tsx, so the rebuild (rebuild-vol-stats.main.ts) is bundled as the functions are
// (esbuild, the SDK external) and run by plain node.
import { spawnSync } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join, resolve } from 'path'
import { buildSync } from 'esbuild'

const ROOT = resolve(__dirname, '..')

function main(): void {
  const [communityId, month, flag] = process.argv.slice(2)
  if (!communityId || !/^\d{4}-\d{2}$/.test(month ?? '') || (flag && flag !== '--dry-run')) {
    console.error('usage: npx tsx scripts/rebuild-vol-stats.ts <communityId> <YYYY-MM> [--dry-run]')
    process.exit(2)
  }
  const dir = mkdtempSync(join(tmpdir(), 'hemei-rebuild-'))
  try {
    const outfile = join(dir, 'rebuild-vol-stats.cjs')
    buildSync({
      entryPoints: [join(ROOT, 'scripts/rebuild-vol-stats.main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      external: ['wx-server-sdk'],
      outfile,
      logLevel: 'error',
    })
    const env = { TENCENTCLOUD: 'true', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'local', ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
    const run = spawnSync(process.execPath, [outfile, communityId, month, ...(flag ? [flag] : [])], { stdio: 'inherit', env })
    process.exitCode = run.status ?? 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main()

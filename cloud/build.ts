// Bundles each cloud function (cloud/functions/<fn>/index.ts) into dist/cloudfunctions/<fn>/ with its
// package.json and config.json, ready to upload to CloudBase or to run in the emulator.
import { buildSync } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'fs'
import { join, resolve } from 'path'
import { validateTriggers } from './emulator/triggers/config'

const root = resolve(__dirname, '..')
const srcDir = join(root, 'cloud/functions')
const outDir = join(root, 'dist/cloudfunctions')
const SDK_VERSION = '4.0.2'

/** The openapi permissions a bundle needs, found from the calls it makes (`cloud.openapi.<group>.<api>`). */
export function openapiPermissions(code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(/\.openapi\.([A-Za-z]+)\.([A-Za-z]+)\(/g)) found.add(`${m[1]}.${m[2]}`)
  return [...found].sort()
}

/** Writes a file atomically (temp file + rename), so a running emulator or test never sees half a bundle. */
function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, content)
  renameSync(tmp, file)
}

/**
 * The bundle's config.json: the function's own `cloud/functions/<fn>/config.json` (its timer trigger, checked:
 * one per function, a valid 7-field cron, else the build fails) merged with the openapi permissions its code needs.
 */
export function functionConfig(fn: string, code: string, source: Record<string, unknown> = readSourceConfig(fn)): Record<string, unknown> {
  validateTriggers(fn, source.triggers)
  const permissions = (source.permissions ?? {}) as Record<string, unknown>
  return { ...source, permissions: { ...permissions, openapi: openapiPermissions(code) } }
}

function readSourceConfig(fn: string): Record<string, unknown> {
  const file = join(srcDir, fn, 'config.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
}

/** Builds one function; returns its bundle size in bytes. */
export function buildFunction(fn: string): number {
  const dir = join(outDir, fn)
  mkdirSync(dir, { recursive: true })
  const result = buildSync({
    entryPoints: [join(srcDir, fn, 'index.ts')],
    outfile: join(dir, 'index.js'),
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  })
  if (result.errors.length) throw new Error(`build of ${fn} failed`)
  const code = result.outputFiles[0].text
  writeAtomic(join(dir, 'index.js'), code)
  const pkg = { name: fn, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } }
  writeAtomic(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  writeAtomic(join(dir, 'config.json'), JSON.stringify(functionConfig(fn, code), null, 2) + '\n')
  return Buffer.byteLength(code)
}

/** Builds every function under cloud/functions. */
export function buildAll(): void {
  const started = Date.now()
  const fns = readdirSync(srcDir).filter((f) => existsSync(join(srcDir, f, 'index.ts')))
  for (const fn of fns) console.log(`cloud function ${fn.padEnd(10)} ${(buildFunction(fn) / 1024).toFixed(1)} KB`)
  console.log(`built ${fns.length} cloud function(s) into dist/cloudfunctions in ${Date.now() - started} ms`)
}

if (require.main === module) buildAll()

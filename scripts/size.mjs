#!/usr/bin/env node
// npm run size — the package-size budgets of docs/ARCHITECTURE.md, measured on the production builds.
//
//   weapp main package   ≤ 500 KB   every file of dist/weapp that is not under a subpackage root
//   each subpackage      ≤ 300 KB   every file under that subpackage's root (app.json subPackages/subpackages)
//   h5 first-load JS     ≤ 150 KB   gzip of the JS the browser must run before the first page shows
//
// Units: 1 KB = 1024 bytes, as WeChat counts its 2 MB package limit.
// weapp: all files count (JS, WXML, WXSS, JSON, WXS, images, LICENSE.txt), except source maps and the
// devtools project files (project.config.json, project.private.config.json), which are not package content.
//
// h5 first-load JS, the method: Taro's h5 build (webpack5, hash router) puts the app shell and the router
// in the entry chunks that dist/h5/index.html loads with <script> (runtime, vendors, app). Each page is a
// lazy chunk: the entry holds the route table `routes=[{path:"pages/home/index",load:function(){return
// [x.e(111).then(...)]}}, ...]`, and the router calls the first page's `load` before anything renders.
// So first load = the scripts in index.html + the chunks named by `.e(<id>)` in the first page's `load`
// (app.json `entryPagePath`, else `pages[0]`), mapped to files through webpack's chunk-file function
// (`.u=function(id){return "js/"+id+"."+{...}[id]+".js"}`). Other pages' chunks, and chunks fetched only on
// demand later (e.g. Stencil's scopeCss polyfill), are not first load. Each file is gzipped on its own with
// node's zlib at its default level (6), the way a server compresses each response.
//
// Exits 1 when any figure is over its budget (or a build is missing and cannot be made).
// Options: --json (print the figures as JSON as well), --no-build (fail instead of building what is missing),
// --weapp DIR / --h5 DIR (measure other build folders; they are never built).

import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { gzipSync } from 'node:zlib'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const KB = 1024
export const BUDGETS = { main: 500 * KB, subpackage: 300 * KB, h5FirstLoadGzip: 150 * KB }

const opt = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback
}
const weappDir = opt('--weapp', path.join(root, 'dist/weapp'))
const h5Dir = opt('--h5', path.join(root, 'dist/h5'))

function ensureBuilt(dir, marker, type) {
  if (existsSync(path.join(dir, marker))) return
  const isDefault = dir === path.join(root, `dist/${type}`)
  if (args.includes('--no-build') || !isDefault) throw new Error(`${path.relative(root, dir)} is missing (run: npx taro build --type ${type})`)
  console.error(`size: ${path.relative(root, dir)} is missing; building it with \`npx taro build --type ${type}\``)
  const taro = path.join(root, 'node_modules/@tarojs/cli/bin/taro')
  execFileSync(process.execPath, [taro, 'build', '--type', type], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  if (!existsSync(path.join(dir, marker))) throw new Error(`taro build --type ${type} did not produce ${path.relative(root, dir)}/${marker}`)
}

/** Every file under dir, as posix paths relative to dir. */
function walk(dir, prefix = '') {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...walk(path.join(dir, entry.name), rel))
    else if (entry.isFile()) out.push(rel)
  }
  return out
}

const NOT_PACKAGE_CONTENT = new Set(['project.config.json', 'project.private.config.json'])

/** weapp: the main package and each subpackage, in bytes. */
export function weappSizes(dir = weappDir) {
  const appJson = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8'))
  const subs = (appJson.subPackages || appJson.subpackages || []).map((s) => ({
    name: s.name || s.root,
    root: s.root.replace(/^\/+|\/+$/g, ''),
    independent: !!s.independent,
    bytes: 0,
    files: 0,
  }))
  const main = { bytes: 0, files: 0 }
  for (const file of walk(dir)) {
    if (file.endsWith('.map') || NOT_PACKAGE_CONTENT.has(file)) continue
    const size = statSync(path.join(dir, file)).size
    const sub = subs.find((s) => file.startsWith(`${s.root}/`))
    const bucket = sub || main
    bucket.bytes += size
    bucket.files += 1
  }
  return { main, subpackages: subs }
}

/** Webpack's chunk id -> file function (`__webpack_require__.u`), read from the entry bundle. */
function chunkFileFunction(entrySource) {
  const m = entrySource.match(/\.u\s*=\s*function\s*\((\w+)\)\s*\{\s*return\s*([^}]*\{[^}]*\}[^}]*)\}/)
  if (!m) return null
  try {
    return vm.runInNewContext(`(function(${m[1]}){return ${m[2]}})`)
  } catch {
    return null
  }
}

/** The chunk ids that a route's `load` function asks for, from Taro h5's route table. */
function routeChunkIds(entrySource, route) {
  const esc = route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const m = new RegExp(`["']?path["']?\\s*:\\s*["']/?${esc}["']\\s*,\\s*["']?load["']?\\s*:`).exec(entrySource)
  if (!m) return null
  // the load function ends before the next route entry (or the end of the routes array)
  const rest = entrySource.slice(m.index + m[0].length)
  const next = rest.search(/["']?path["']?\s*:\s*["']/)
  const body = next >= 0 ? rest.slice(0, next) : rest.slice(0, 2000)
  return [...body.matchAll(/\b\w+\.e\(\s*(\d+|["'][^"']+["'])\s*\)/g)].map((x) => x[1].replace(/["']/g, ''))
}

/** h5: the first-load JS files and their gzip sizes. */
export function h5FirstLoad(dir = h5Dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/g)]
    .map((m) => m[1])
    .filter((src) => !/^(https?:)?\/\//.test(src))
    .map((src) => src.replace(/^\/+/, '').split(/[?#]/)[0])
  const files = scripts.map((file) => ({ file, why: 'index.html' }))
  const appJsonPages = (() => {
    // the app config is compiled into the entry; read it back from there (dist/h5 has no app.json)
    for (const f of scripts) {
      const src = readFileSync(path.join(dir, f), 'utf8')
      const m = src.match(/["']?pages["']?\s*:\s*\[([^\]]*)\]/)
      const entry = src.match(/["']?entryPagePath["']?\s*:\s*["']([^"']+)["']/)
      if (m) return { entry: entry?.[1], pages: [...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]), src }
    }
    return null
  })()
  const notes = []
  if (!appJsonPages) notes.push('could not find the route table in the entry scripts: counted index.html scripts only')
  else {
    const first = (appJsonPages.entry || appJsonPages.pages[0]).replace(/^\//, '')
    let u = null
    let ids = null
    for (const f of scripts) {
      const src = readFileSync(path.join(dir, f), 'utf8')
      u = u || chunkFileFunction(src)
      ids = ids || routeChunkIds(src, first)
    }
    if (!ids) notes.push(`no route loader found for ${first}: its page chunk is not counted`)
    else if (!u) notes.push(`no chunk-file function (__webpack_require__.u) found: ${first}'s chunks ${ids.join(',')} not counted`)
    else
      for (const id of ids) {
        const file = u(id)
        if (!files.some((x) => x.file === file)) files.push({ file, why: `first page ${first}` })
      }
  }
  let total = 0
  let raw = 0
  for (const f of files) {
    const buf = readFileSync(path.join(dir, f.file))
    f.bytes = buf.length
    f.gzip = gzipSync(buf).length
    total += f.gzip
    raw += f.bytes
  }
  return { files, gzip: total, bytes: raw, notes }
}

const fmt = (n) => `${(n / KB).toFixed(1)} KB`

function main() {
  ensureBuilt(weappDir, 'app.json', 'weapp')
  ensureBuilt(h5Dir, 'index.html', 'h5')
  const w = weappSizes()
  const h = h5FirstLoad()
  const rows = [
    { what: 'weapp main package', size: w.main.bytes, budget: BUDGETS.main, detail: `${w.main.files} files` },
    ...w.subpackages.map((s) => ({
      what: `weapp subpackage ${s.root}${s.independent ? ' (independent)' : ''}`,
      size: s.bytes,
      budget: BUDGETS.subpackage,
      detail: `${s.files} files`,
    })),
    { what: 'h5 first-load JS (gzip)', size: h.gzip, budget: BUDGETS.h5FirstLoadGzip, detail: `${h.files.length} files, ${fmt(h.bytes)} raw` },
  ]
  for (const r of rows) r.ok = r.size <= r.budget
  const width = Math.max(...rows.map((r) => r.what.length), 4)
  const line = (a, b, c, d, e) => `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d.padStart(6)}  ${e}`
  console.log(line('what', 'size', 'budget', 'used', 'status'))
  console.log('-'.repeat(width + 44))
  for (const r of rows) {
    console.log(line(r.what, fmt(r.size), fmt(r.budget), `${Math.round((100 * r.size) / r.budget)}%`, `${r.ok ? 'ok' : 'OVER BUDGET'}  (${r.detail})`))
  }
  console.log('\nh5 first-load files:')
  for (const f of h.files) console.log(`  ${f.file.padEnd(32)} ${fmt(f.bytes).padStart(10)} raw  ${fmt(f.gzip).padStart(9)} gzip  (${f.why})`)
  for (const n of h.notes) console.log(`  note: ${n}`)
  if (args.includes('--json')) console.log(JSON.stringify({ budgets: BUDGETS, weapp: w, h5: h, rows }, null, 2))
  const over = rows.filter((r) => !r.ok)
  if (over.length) {
    console.log(`\nsize: ${over.length} over budget: ${over.map((r) => r.what).join(', ')}`)
    process.exit(1)
  }
  console.log('\nsize: all within budget')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main()
  } catch (e) {
    console.error(`size: ${e?.message || e}`)
    process.exit(1)
  }
}

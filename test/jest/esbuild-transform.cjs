// Jest transform for node-side TypeScript (cloud/, emulator, scripts): esbuild, CommonJS, node 20.
const { transformSync } = require('esbuild')

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js'
    const out = transformSync(source, { loader, format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename })
    return { code: out.code }
  },
}

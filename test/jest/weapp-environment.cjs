// Jest environment for layer 3: jsdom (miniprogram-simulate renders into a DOM) plus the node globals
// that jsdom hides and our harness or the libraries it loads need.
const JsdomEnvironment = require('jest-environment-jsdom').TestEnvironment

class WeappEnvironment extends JsdomEnvironment {
  async setup() {
    await super.setup()
    const g = this.global
    for (const name of ['setImmediate', 'clearImmediate', 'TextEncoder', 'TextDecoder', 'structuredClone', 'fetch', 'AbortController']) {
      if (typeof g[name] === 'undefined' && typeof globalThis[name] !== 'undefined') g[name] = globalThis[name]
    }
  }
}
module.exports = WeappEnvironment

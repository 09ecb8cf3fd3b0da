// Jest environment for layer 2: jsdom whose page origin is this worker's emulator (started by
// pages-global-setup.cjs), as when the emulator serves the h5 app. The pages' real h5 transport then
// reaches the real functions through Taro.request → fetch (whatwg-fetch) → jsdom's XMLHttpRequest → HTTP.
const JsdomEnvironment = require('jest-environment-jsdom').TestEnvironment

class PagesEnvironment extends JsdomEnvironment {
  async setup() {
    await super.setup()
    const list = JSON.parse(process.env.HEMEI_PAGES_EMULATORS || '[]')
    if (!list.length) throw new Error('no emulator for page tests: run them through test/jest/pages.config.js (its globalSetup starts them)')
    const emulator = list[Number(process.env.JEST_WORKER_ID || 1) - 1]
    if (!emulator) throw new Error(`no emulator for jest worker ${process.env.JEST_WORKER_ID} (${list.length} started)`)
    this.dom.reconfigure({ url: `${emulator.url}/` })
    this.global.__hemeiEmulator = emulator
  }
}
module.exports = PagesEnvironment

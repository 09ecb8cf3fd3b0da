// Debian's Chromium as the browser tests and the bench launch it: where it is and its flags.
// Shared by test/e2e/harness.ts and scripts/bench.ts (a script never imports test code).

/** The launch flags for Debian's Chromium on a headless CI machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The Chromium binary (`apt-get install -y chromium`); HEMEI_CHROMIUM overrides it. */
export const CHROMIUM_PATH = process.env.HEMEI_CHROMIUM || '/usr/bin/chromium'

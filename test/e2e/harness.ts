// The browser layer's stack: the local CloudBase emulator (fresh data dir, seeded, serving dist/h5) and
// Debian's Chromium driven by playwright-core, with a phone-sized viewport. Each test file starts one.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { startEmulator, type Emulator } from '../../cloud/emulator'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium'

const root = path.resolve(__dirname, '../..')

export interface Stack {
  emulator: Emulator
  /** The emulator's base URL, ending in '/'. */
  url: string
  /** The first phone's browser. */
  context: BrowserContext
  /** Uncaught page errors seen so far, on every phone. */
  pageErrors: string[]
  /** A page on the first phone. */
  newPage(): Promise<Page>
  /** Another phone: a second Chromium with its own empty profile (its own storage, so its own identity). */
  newPhone(options?: PhoneOptions): Promise<Page>
  close(): Promise<void>
}

export interface PhoneOptions {
  /** The phone's time zone (default Asia/Shanghai, a phone in China). */
  timezoneId?: string
}

/** Launches Chromium on a new empty profile dir (the --user-data-dir of §8) as a phone-sized browser. */
async function launchPhone(profileDir: string, { timezoneId = 'Asia/Shanghai' }: PhoneOptions = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId,
  })
  context.setDefaultTimeout(15000)
  return context
}

/** Starts the emulator on a random port with a fresh seeded data dir, and Chromium on a fresh profile. */
export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hemei-e2e-data-'))
  const profiles: string[] = []
  const phones: BrowserContext[] = []
  const pageErrors: string[] = []
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    seed: true,
    staticDir: path.join(root, 'dist/h5'),
    functionsDir: path.join(root, 'dist/cloudfunctions'),
    quiet: true,
  })
  const url = emulator.url.endsWith('/') ? emulator.url : `${emulator.url}/`

  const phone = async (options?: PhoneOptions) => {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'hemei-e2e-chromium-'))
    profiles.push(profileDir)
    const context = await launchPhone(profileDir, options)
    phones.push(context)
    const watch = (page: Page) => page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)))
    context.pages().forEach(watch)
    context.on('page', watch)
    return context
  }
  const close = async () => {
    reportStepTimes()
    for (const c of phones) await c.close().catch(() => undefined)
    await emulator.close().catch(() => undefined)
    for (const dir of [...profiles, dataDir]) rmSync(dir, { recursive: true, force: true })
  }
  const firstPage = async (context: BrowserContext) => context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage())

  let context: BrowserContext
  try {
    context = await phone()
  } catch (e) {
    await close()
    throw e
  }
  return {
    emulator,
    url,
    context,
    pageErrors,
    newPage: () => firstPage(context),
    newPhone: async (options) => firstPage(await phone(options)),
    close,
  }
}

/**
 * One stack for this test file: started before its tests (after the file's earlier `beforeAll`s), closed after them, and unless `pageErrors: 'ignore'`, a test that left an uncaught page error fails. The
 * answer stands for the stack once it has started: use it inside tests and hooks.
 */
export function useStack(opts: { pageErrors?: 'fail' | 'ignore' } = {}): Stack {
  let started: Stack | undefined
  beforeAll(async () => {
    started = await startStack()
  })
  afterAll(async () => {
    await started?.close()
  })
  if (opts.pageErrors !== 'ignore') {
    afterEach(() => {
      expect(started?.pageErrors.splice(0)).toEqual([])
    })
  }
  return new Proxy({} as Stack, {
    get(_target, key) {
      if (!started) throw new Error('the stack starts in beforeAll: use it inside a test or hook')
      const value = (started as unknown as Record<string | symbol, unknown>)[key]
      return typeof value === 'function' ? value.bind(started) : value
    },
  })
}

/** How long each step that waits on the app took, in this test file. */
const stepTimes: { step: string; ms: number }[] = []

/** Runs one waiting step and notes how long it took (for the slowest-step report). */
export async function timed<T>(step: string, body: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  try {
    return await body()
  } finally {
    stepTimes.push({ step, ms: Math.round(performance.now() - t0) })
  }
}

/** With HEMEI_E2E_TIMINGS=<file>, appends this file's slowest steps to it (one JSON line per test file). */
function reportStepTimes(): void {
  const file = process.env.HEMEI_E2E_TIMINGS
  if (!file || !stepTimes.length) return
  const slowest = [...stepTimes].sort((a, b) => b.ms - a.ms).slice(0, 5)
  appendFileSync(file, `${JSON.stringify({ file: path.basename(expect.getState().testPath || ''), steps: stepTimes.length, slowest })}\n`)
}

/** Opens a hash route of the h5 app (e.g. '/pages/me/index'), or the app's start page. */
export async function openApp(stack: Stack, page: Page, route = ''): Promise<void> {
  await timed(`open ${route || '/'}`, async () => {
    await page.goto(route ? `${stack.url}#${route}` : stack.url)
    await appMounted(page)
  })
}

/** Waits until Taro has mounted a page into #app. */
export async function appMounted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.getElementById('app')
    return !!app && app.querySelector('.taro_page, .taro_router') !== null && (app.textContent || '').trim().length > 0
  })
}

/** The visible element whose own text is exactly `text` (Taro renders text in custom elements). */
export function byText(page: Page | Locator, text: string | RegExp): Locator {
  return page
    .getByText(text, { exact: typeof text === 'string' })
    .locator('visible=true')
    .first()
}

/** Clicks the visible element with this exact text, once it is there. */
export async function tap(page: Page | Locator, text: string | RegExp): Promise<void> {
  await timed(`tap ${text}`, async () => {
    const el = byText(page, text)
    await el.waitFor({ state: 'visible' })
    await el.click()
  })
}

/** Waits for visible text (exact string, or a RegExp). */
export async function see(page: Page | Locator, text: string | RegExp): Promise<Locator> {
  return timed(`see ${text}`, async () => {
    const el = byText(page, text)
    await el.waitFor({ state: 'visible' })
    return el
  })
}

/** Taro h5's showModal renders its own DOM dialog: press its confirm button (by its text when given). */
export async function confirmModal(page: Page, label?: string): Promise<void> {
  // (.taro__modal itself has no box: its mask and content are position: fixed.)
  const modal = page.locator('.taro-modal__content').locator('visible=true').first()
  await modal.waitFor({ state: 'visible' })
  const button = label ? modal.getByText(label, { exact: true }) : modal.locator('.taro-model__confirm')
  await button.click()
  await modal.waitFor({ state: 'hidden' })
}

/** Runs a story; if it fails, saves what the screen showed to test-results/e2e/<name>.png first. */
export async function story(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (e) {
    const file = path.join(root, 'test-results/e2e', `${name}.png`)
    mkdirSync(path.dirname(file), { recursive: true })
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    throw e
  }
}

/**
 * Layer 3 harness: runs the REAL weapp build (dist/weapp) inside miniprogram-simulate.
 *
 * How it works (see README section in test/weapp/README.md):
 *  - miniprogram-simulate brings j-component (exparser, WeChat's component runtime) and the official
 *    `wcc` WXML compiler. We compile the whole dist/weapp with wcc once, so Taro's `base.wxml` template
 *    recursion, `<import>` and `utils.wxs` work exactly as in WeChat.
 *  - A shim provides App / getApp / getCurrentPages and turns `Page(opts)` into a component definition
 *    (data + methods), registered with j-component under the page's compiled template.
 *    Custom components (Taro's `comp`, `custom-wrapper`, our own) are registered from their `Component()` calls.
 *  - `wx` is miniprogram-simulate's mock API, plus: wx.cloud.callFunction -> HTTP POST to the emulator's
 *    /api/fn/<name> with X-Hemei-Openid = the persona under test; an in-memory storage; recorders for
 *    showToast / showModal / navigateTo and friends.
 *  - app.js is required once per jest module registry (i.e. once per test file), as WeChat loads it once.
 */
import fs from 'fs'
import path from 'path'
import http from 'http'
import os from 'os'

export const DIST = process.env.HEMEI_WEAPP_DIR || path.resolve(__dirname, '../../dist/weapp')

type AnyFn = (...args: any[]) => any
type Dict = Record<string, any>

export interface Recorded {
  api: string
  args: Dict
}

export interface Env {
  /** openid sent as X-Hemei-Openid on every wx.cloud.callFunction */
  persona: string | null
  /** emulator base URL, e.g. http://127.0.0.1:1234 */
  emulatorUrl: string | null
  /** every recorded wx call (showToast, showModal, navigateTo, ...) in order */
  calls: Recorded[]
  /** every cloud call, with its result */
  cloudCalls: { name: string; data: any; result?: any; error?: string }[]
  storage: Map<string, any>
  /** answer for the next wx.showModal calls (confirm by default) */
  modalAnswer: { confirm: boolean; cancel: boolean; content?: string }
  /** overrides of getSystemInfoSync / getAppBaseInfo (e.g. fontSizeSetting), read by the app when it loads */
  system: Dict
  /** console.error output and uncaught errors since the app was (re)loaded */
  errors: string[]
  /** cloud calls in flight */
  inflight: number
  /** listeners the app registered with wx.onNeedPrivacyAuthorization */
  privacyListeners: AnyFn[]
  /**
   * Local files the user picks in wx.chooseImage / wx.chooseMedia (e.g. [tinyPng()]); empty: the user closes
   * the picker (the call fails with "cancel", as in WeChat).
   */
  chosenImages: string[]
  /** What wx.scanCode reads (e.g. the QR text of 签到码); null: the user closes the scanner ("cancel"). */
  scanResult: string | null
  /** Where wx.getLocation puts the phone (gcj02, accuracy in metres); null: location is refused ("auth deny"). */
  location: { latitude: number; longitude: number; accuracy: number } | null
  /**
   * The user has not agreed to the privacy guide yet: wx.getLocation first asks the app's
   * onNeedPrivacyAuthorization listeners, as WeChat does, and goes on only when the app answers `agree`.
   */
  privacyPending: boolean
  /** What each canvas (by canvasId) last drew with wx.createCanvasContext: its fillRect calls with the fill style. */
  canvases: Record<string, { x: number; y: number; w: number; h: number; fill: string }[]>
}

export const env: Env = {
  persona: null,
  emulatorUrl: null,
  calls: [],
  cloudCalls: [],
  storage: new Map(),
  modalAnswer: { confirm: true, cancel: false },
  system: {},
  errors: [],
  inflight: 0,
  privacyListeners: [],
  chosenImages: [],
  scanResult: null,
  location: null,
  privacyPending: false,
  canvases: {},
}

/** Set the emulator URL that wx.cloud.callFunction posts to. */
export function useEmulator(url: string | null) {
  env.emulatorUrl = url ? url.replace(/\/$/, '') : null
}

/** Set the persona (openid) for subsequent cloud calls. */
export function setPersona(openid: string | null) {
  env.persona = openid
}

/** Recorded calls of one wx API, e.g. calls('navigateTo'). */
export function calls(api: string): Dict[] {
  return env.calls.filter((c) => c.api === api).map((c) => c.args)
}

/**
 * Act as WeChat when a privacy API is called before the user agreed: call the app's
 * onNeedPrivacyAuthorization listener(s). Returns the options the app resolves with, as they arrive.
 */
export function needPrivacy(): Dict[] {
  const resolutions: Dict[] = []
  if (!env.privacyListeners.length) throw new Error('the app registered no onNeedPrivacyAuthorization listener')
  for (const listener of env.privacyListeners) listener((option: Dict) => resolutions.push(option), { referrer: 'harness' })
  return resolutions
}

/** Forget recorded calls and errors (not storage). */
export function clearCalls() {
  env.calls.length = 0
  env.cloudCalls.length = 0
  env.errors.length = 0
}

// ---------------------------------------------------------------------------------------------
// wx: what miniprogram-simulate does not provide (or provides as inert mocks) and the app needs.

function postJson(url: string, body: unknown, headers: Dict): Promise<any> {
  return new Promise((resolve, reject) => {
    const u = new URL(url)
    const payload = Buffer.from(JSON.stringify(body))
    const req = http.request(
      {
        hostname: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
      },
      (res) => readJson(res, resolve, reject),
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/** Collects an emulator response and settles with its JSON body (or rejects, quoting what came instead). */
function readJson(res: http.IncomingMessage, resolve: (v: any) => void, reject: (e: Error) => void): void {
  const chunks: Buffer[] = []
  res.on('data', (c) => chunks.push(c))
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8')
    try {
      resolve(JSON.parse(text))
    } catch {
      reject(new Error(`emulator answered ${res.statusCode} with non-JSON: ${text.slice(0, 200)}`))
    }
  })
}

/**
 * Call a cloud function on the emulator as another user (another phone), outside the app under test:
 * not recorded in env.cloudCalls and not counted as in flight. Resolves the function's result.
 */
export function callAs(persona: string, name: string, data: Dict): Promise<any> {
  if (!env.emulatorUrl) throw new Error('callAs: no emulator configured (call useEmulator(url))')
  return postJson(`${env.emulatorUrl}/api/fn/${encodeURIComponent(name)}`, data, { 'X-Hemei-Openid': persona })
}

/** GET a JSON endpoint of the emulator (e.g. /api/dev/messages, the subscription messages it logged). */
export function emulatorGet(urlPath: string): Promise<any> {
  if (!env.emulatorUrl) throw new Error('emulatorGet: no emulator configured (call useEmulator(url))')
  return new Promise((resolve, reject) => {
    http.get(`${env.emulatorUrl}${urlPath}`, (res) => readJson(res, resolve, reject)).on('error', reject)
  })
}

function getBytes(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode || 0, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

function postBytes(url: string, body: Buffer, headers: Dict): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': body.length } }, (res) => readJson(res, resolve, reject))
    req.on('error', reject)
    req.end(body)
  })
}

/** A real 1×1 PNG in a temp file: a photo the user can "choose" (env.chosenImages). */
export function tinyPng(name = `photo-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.png`): string {
  const file = path.join(require('os').tmpdir(), name)
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
  fs.writeFileSync(file, Buffer.from(png, 'base64'))
  return file
}

interface Hold {
  matches: (name: string, data: Dict) => boolean
  released: Promise<void>
  held: number
}
const holds: Hold[] = []

/**
 * Hold back the cloud calls that match (e.g. a slow network for one request) until `release()`; they stay in
 * flight meanwhile. `held()` says how many are waiting. Release every hold before the test ends.
 */
export function holdCloud(matches: (name: string, data: Dict) => boolean): { release: () => void; held: () => number } {
  let release!: () => void
  const hold: Hold = { matches, released: new Promise<void>((r) => (release = r)), held: 0 }
  holds.push(hold)
  return {
    release: () => {
      holds.splice(holds.indexOf(hold), 1)
      release()
    },
    held: () => hold.held,
  }
}

/** Wrap an async implementation in WeChat's callback + promise convention. */
function wxAsync(api: string, impl: (opts: Dict) => Promise<Dict> | Dict) {
  return (opts: Dict = {}) => {
    const p = Promise.resolve()
      .then(() => impl(opts))
      .then((res) => ({ errMsg: `${api}:ok`, ...res }))
    p.then(
      (res) => {
        opts.success?.(res)
        opts.complete?.(res)
      },
      (err) => {
        const res = { errMsg: `${api}:fail ${err?.message || err}` }
        opts.fail?.(res)
        opts.complete?.(res)
      },
    )
    if (opts.success || opts.fail || opts.complete) {
      p.catch(() => {})
      return undefined
    }
    return p.catch((err) => {
      throw { errMsg: `${api}:fail ${err?.message || err}` }
    })
  }
}

function recorder(api: string, result: (opts: Dict) => Dict = () => ({})) {
  return wxAsync(api, (opts) => {
    const { success, fail, complete, ...args } = opts
    env.calls.push({ api, args })
    return result(args)
  })
}

function installWx(wx: Dict) {
  const sysInfo = wx.getSystemInfoSync ? wx.getSystemInfoSync() : {}
  const baseInfo = wx.getAppBaseInfo ? wx.getAppBaseInfo() : {}
  // WeChat's default fontSizeSetting is 17; tests raise it through env.system to exercise large-font mode.
  const systemInfo = () => ({ ...sysInfo, fontSizeSetting: 17, language: 'zh_CN', ...env.system })
  const appBaseInfo = () => ({ ...baseInfo, fontSizeSetting: 17, language: 'zh_CN', ...env.system })
  Object.assign(wx, {
    getSystemInfoSync: () => systemInfo(),
    getSystemInfo: wxAsync('getSystemInfo', () => systemInfo()),
    getAppBaseInfo: () => appBaseInfo(),
    // storage: real in-memory key/value store
    setStorageSync: (key: string, data: any) => void env.storage.set(key, data),
    getStorageSync: (key: string) => (env.storage.has(key) ? env.storage.get(key) : ''),
    removeStorageSync: (key: string) => void env.storage.delete(key),
    clearStorageSync: () => env.storage.clear(),
    setStorage: wxAsync('setStorage', ({ key, data }) => (env.storage.set(key, data), {})),
    getStorage: wxAsync('getStorage', ({ key }) => {
      if (!env.storage.has(key)) throw new Error('data not found')
      return { data: env.storage.get(key) }
    }),
    removeStorage: wxAsync('removeStorage', ({ key }) => (env.storage.delete(key), {})),
    clearStorage: wxAsync('clearStorage', () => (env.storage.clear(), {})),
    getStorageInfoSync: () => ({ keys: [...env.storage.keys()], currentSize: 0, limitSize: 10240 }),
    // UI feedback and navigation: recorded, answered with success
    showToast: recorder('showToast'),
    hideToast: recorder('hideToast'),
    showLoading: recorder('showLoading'),
    hideLoading: recorder('hideLoading'),
    showModal: recorder('showModal', () => ({ ...env.modalAnswer })),
    showActionSheet: recorder('showActionSheet', () => ({ tapIndex: 0 })),
    navigateTo: recorder('navigateTo', () => ({ eventChannel: { on() {}, emit() {}, off() {}, once() {} } })),
    redirectTo: recorder('redirectTo'),
    reLaunch: recorder('reLaunch'),
    switchTab: recorder('switchTab'),
    navigateBack: recorder('navigateBack'),
    setNavigationBarTitle: recorder('setNavigationBarTitle'),
    stopPullDownRefresh: recorder('stopPullDownRefresh'),
    startPullDownRefresh: recorder('startPullDownRefresh'),
    requestSubscribeMessage: recorder('requestSubscribeMessage', (args) => {
      const out: Dict = {}
      for (const id of args.tmplIds || []) out[id] = 'accept'
      return out
    }),
    requirePrivacyAuthorize: recorder('requirePrivacyAuthorize'),
    getPrivacySetting: wxAsync('getPrivacySetting', () => ({ needAuthorization: false, privacyContractName: '' })),
    onNeedPrivacyAuthorization: (listener: AnyFn) => void env.privacyListeners.push(listener),
    chooseImage: wxAsync('chooseImage', (opts) => {
      env.calls.push({ api: 'chooseImage', args: { count: opts.count, sourceType: opts.sourceType } })
      if (!env.chosenImages.length) throw new Error('cancel')
      const paths = env.chosenImages.slice(0, opts.count || 9)
      return { tempFilePaths: paths, tempFiles: paths.map((p) => ({ path: p, size: fs.statSync(p).size })) }
    }),
    chooseMedia: wxAsync('chooseMedia', (opts) => {
      env.calls.push({ api: 'chooseMedia', args: { count: opts.count, mediaType: opts.mediaType } })
      if (!env.chosenImages.length) throw new Error('cancel')
      const paths = env.chosenImages.slice(0, opts.count || 9)
      return { type: 'image', tempFiles: paths.map((p) => ({ tempFilePath: p, size: fs.statSync(p).size, fileType: 'image' })) }
    }),
    // Files: downloadFile really fetches the URL (e.g. the emulator's storage) into filePath or a temp file;
    // openDocument is recorded. USER_DATA_PATH is a temp folder.
    env: { USER_DATA_PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'hemei-weapp-user-')) },
    downloadFile: wxAsync('downloadFile', async (opts) => {
      env.calls.push({ api: 'downloadFile', args: { url: opts.url, filePath: opts.filePath } })
      const { status, body } = await getBytes(opts.url)
      const file = opts.filePath || path.join(os.tmpdir(), `hemei-weapp-dl-${Date.now()}-${Math.random().toString(36).slice(2)}`)
      fs.writeFileSync(file, body)
      return opts.filePath ? { filePath: file, statusCode: status } : { tempFilePath: file, statusCode: status }
    }),
    openDocument: recorder('openDocument'),
    // The legacy canvas API: drawing is recorded per canvasId when draw() is called.
    createCanvasContext: (canvasId: string) => {
      let fill = '#000000'
      let ops: Env['canvases'][string] = []
      return {
        setFillStyle: (c: string) => void (fill = c),
        fillRect: (x: number, y: number, w: number, h: number) => void ops.push({ x, y, w, h, fill }),
        draw: () => {
          env.canvases[canvasId] = ops
          ops = []
        },
      }
    },
    scanCode: wxAsync('scanCode', (opts) => {
      env.calls.push({ api: 'scanCode', args: { onlyFromCamera: opts.onlyFromCamera, scanType: opts.scanType } })
      if (env.scanResult === null) throw new Error('cancel')
      return { result: env.scanResult, scanType: 'QR_CODE', charSet: 'UTF-8' }
    }),
    getLocation: wxAsync('getLocation', async (opts) => {
      env.calls.push({ api: 'getLocation', args: { type: opts.type, isHighAccuracy: opts.isHighAccuracy } })
      if (env.privacyPending) {
        const answer = await new Promise<Dict>((resolve) => {
          for (const listener of env.privacyListeners) listener((o: Dict) => o.event !== 'exposureAuthorization' && resolve(o), { referrer: 'getLocation' })
        })
        if (answer.event !== 'agree') throw new Error('privacy permission is not authorized')
        env.privacyPending = false
      }
      if (!env.location) throw new Error('auth deny')
      return { ...env.location, speed: 0, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: env.location.accuracy }
    }),
    previewImage: recorder('previewImage'),
    makePhoneCall: recorder('makePhoneCall'),
    setClipboardData: recorder('setClipboardData'),
    vibrateShort: recorder('vibrateShort'),
  })
  wx.cloud = {
    inited: false,
    init(opts: Dict = {}) {
      env.calls.push({ api: 'cloud.init', args: opts })
      this.inited = true
    },
    callFunction: wxAsync('cloud.callFunction', async (opts) => {
      const { name, data } = opts
      const rec: Env['cloudCalls'][number] = { name, data }
      env.cloudCalls.push(rec)
      if (!env.emulatorUrl) {
        rec.error = 'no emulator'
        throw new Error('no emulator configured for wx.cloud.callFunction (call useEmulator(url))')
      }
      const headers: Dict = {}
      if (env.persona) headers['X-Hemei-Openid'] = env.persona
      env.inflight++
      try {
        const hold = holds.find((h) => h.matches(name, data ?? {}))
        if (hold) {
          hold.held++
          await hold.released
        }
        const result = await postJson(`${env.emulatorUrl}/api/fn/${encodeURIComponent(name)}`, data ?? {}, headers)
        rec.result = result
        return { result, requestID: `sim-${env.cloudCalls.length}` }
      } catch (e: any) {
        rec.error = String(e?.message || e)
        throw e
      } finally {
        env.inflight--
      }
    }),
    // With an emulator and a real local file: into the emulator's storage stand-in (POST /api/upload, as the h5
    // build does), so the cloud can resolve the fileID. Otherwise a made-up fileID.
    uploadFile: wxAsync('cloud.uploadFile', async (opts) => {
      env.calls.push({ api: 'cloud.uploadFile', args: { cloudPath: opts.cloudPath, filePath: opts.filePath } })
      if (!env.emulatorUrl || !opts.filePath || !fs.existsSync(opts.filePath)) return { fileID: `cloud://local/${opts.cloudPath}`, statusCode: 200 }
      const ext = path.extname(opts.filePath).slice(1).toLowerCase()
      const type = ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'gif' ? 'image/gif' : 'image/jpeg'
      const res = await postBytes(`${env.emulatorUrl}/api/upload?cloudPath=${encodeURIComponent(opts.cloudPath)}`, fs.readFileSync(opts.filePath), {
        'content-type': type,
        ...(env.persona ? { 'X-Hemei-Openid': env.persona } : {}),
      })
      if (!res.fileID) throw new Error(`upload refused: ${JSON.stringify(res)}`)
      return { fileID: res.fileID, statusCode: 200 }
    }),
    getTempFileURL: wxAsync('cloud.getTempFileURL', (opts) => ({
      fileList: (opts.fileList || []).map((f: any) => {
        const fileID = typeof f === 'string' ? f : f.fileID
        return { fileID, tempFileURL: fileID, status: 0 }
      }),
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Loading the app

interface Loaded {
  simulate: any
  jComponent: any
  exparser: any
  gwx: (file: string) => any
  app: Dict
  appJson: Dict
  /** component path (no extension, relative to DIST) -> registered j-component id */
  components: Map<string, string>
  /** page route -> registered j-component id */
  pages: Map<string, string>
}

let loaded: Loaded | null = null
let pageStack: PageHandle[] = []
let seq = 0

const rel = (abs: string) => path.relative(DIST, abs).replace(/\\/g, '/')

/** The pages of app.json: main package first, then each subpackage's pages with their root. */
export function appPages(appJson: Dict = readAppJson()): string[] {
  const subs: Dict[] = appJson.subPackages || appJson.subpackages || []
  return [...(appJson.pages || []), ...subs.flatMap((s) => (s.pages || []).map((p: string) => path.posix.join(s.root, p)))]
}

export function readAppJson(): Dict {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
}

/**
 * Run `file` (a dist .js) with `Component` / `Page` temporarily replaced by `capture`.
 * Webpack chunks run their entry only once per module registry, so results are remembered by the caller.
 */
function runCapturing(file: string, kind: 'Component' | 'Page'): Dict | null {
  const g = global as any
  const saved = g[kind]
  let captured: Dict | null = null
  g[kind] = (opts: Dict) => {
    captured = opts
  }
  try {
    require(file)
  } finally {
    g[kind] = saved
  }
  return captured
}

/** Resolve a usingComponents value against the json file that declares it. */
function resolveComponent(fromDir: string, value: string): string | null {
  if (/^plugin:\/\//.test(value)) return null
  const abs = value.startsWith('/') ? path.join(DIST, value) : path.resolve(fromDir, value)
  if (!fs.existsSync(`${abs}.json`)) return null
  return abs
}

/** Register a custom component (and, depth-first, those it uses) with j-component; returns its id. */
function registerComponent(L: Loaded, abs: string, tagName: string): string {
  const key = rel(abs)
  const known = L.components.get(key)
  if (known) return known
  const id = `c${++seq}-${key.replace(/[^a-zA-Z0-9]/g, '-')}`
  L.components.set(key, id)
  const json = JSON.parse(fs.readFileSync(`${abs}.json`, 'utf8'))
  const usingComponents = registerUsing(L, path.dirname(abs), { ...(L.appJson.usingComponents || {}), ...(json.usingComponents || {}) })
  const opts = runCapturing(`${abs}.js`, 'Component')
  if (!opts) throw new Error(`${key}.js did not call Component()`)
  L.jComponent.register({
    ...opts,
    id,
    path: key,
    tagName,
    template: L.gwx(`${key}.wxml`),
    usingComponents,
    options: { ...(opts.options || {}) },
  })
  return id
}

function registerUsing(L: Loaded, fromDir: string, using: Dict): Dict {
  const out: Dict = {}
  for (const [tag, value] of Object.entries(using)) {
    const abs = resolveComponent(fromDir, String(value))
    if (abs) out[tag] = registerComponent(L, abs, tag)
  }
  return out
}

/** Turn a Page() options object into a j-component definition (the Page -> Component shim). */
function pageToComponent(opts: Dict): Dict {
  const methods: Dict = {}
  const rest: Dict = {}
  for (const [k, v] of Object.entries(opts)) {
    if (typeof v === 'function') methods[k] = v
    else if (k !== 'data' && k !== 'options' && k !== 'behaviors') rest[k] = v
  }
  return {
    data: opts.data || {},
    behaviors: opts.behaviors || [],
    options: { ...(opts.options || {}) },
    methods,
    // non-function fields of the Page options become instance fields, as in WeChat
    lifetimes: {
      created(this: Dict) {
        Object.assign(this, rest)
      },
    },
  }
}

function registerPage(L: Loaded, route: string): string {
  const known = L.pages.get(route)
  if (known) return known
  const abs = path.join(DIST, route)
  if (!fs.existsSync(`${abs}.js`)) throw new Error(`page ${route}: ${route}.js is missing from dist/weapp`)
  const json = JSON.parse(fs.readFileSync(`${abs}.json`, 'utf8'))
  const usingComponents = registerUsing(L, path.dirname(abs), { ...(L.appJson.usingComponents || {}), ...(json.usingComponents || {}) })
  const opts = runCapturing(`${abs}.js`, 'Page')
  if (!opts) throw new Error(`page ${route}: ${route}.js did not call Page()`)
  const id = `p${++seq}-${route.replace(/[^a-zA-Z0-9]/g, '-')}`
  L.jComponent.register({
    ...pageToComponent(opts),
    id,
    path: route,
    tagName: 'page',
    template: L.gwx(`${route}.wxml`),
    usingComponents,
  })
  L.pages.set(route, id)
  return id
}

let gwxCache: { dir: string; root: (file: string) => any } | null = null

/** wcc compiles the whole package tree at once (templates, imports, wxs), like the WeChat devtools. */
function compiledTemplates(): (file: string) => any {
  if (!gwxCache || gwxCache.dir !== DIST) {
    const compiler = require('miniprogram-compiler')

    gwxCache = { dir: DIST, root: new Function(compiler.wxmlToJs(DIST))() }
  }
  const root = gwxCache.root
  return (file: string) => {
    const fn = root(file)
    if (typeof fn !== 'function') throw new Error(`wcc has no template for ${file}`)
    return fn
  }
}

let consoleInstalled = false

/** Record console.error and uncaught errors in env.errors; print them short (minified bundles make huge frames). */
function captureErrors() {
  if (consoleInstalled) return
  consoleInstalled = true
  const short = (x: any) => {
    if (x instanceof Error || (x && typeof x === 'object' && 'stack' in x)) {
      const lines = String(x.stack || x.message).split('\n')
      return [lines[0], ...lines.slice(1, 6).map((l) => l.replace(/^\s+/, '    '))].join('\n')
    }
    return typeof x === 'string'
      ? x.slice(0, 2000)
      : (() => {
          try {
            return JSON.stringify(x).slice(0, 2000)
          } catch {
            return String(x)
          }
        })()
  }
  const original = console.error
  console.error = (...args: any[]) => {
    const msg = args.map(short).join(' ')
    env.errors.push(msg)
    if (!process.env.HEMEI_WEAPP_QUIET) process.stderr.write(`[weapp console.error] ${msg}\n`)
  }
  ;(console.error as any).original = original
  window.addEventListener('error', (ev: any) => env.errors.push(`uncaught: ${short(ev.error || ev.message)}`))
}

export interface LaunchOptions {
  /** the launch page (default: app.json's first page) */
  path?: string
  query?: Dict
}

/**
 * Load miniprogram-simulate, the wx shim and dist/weapp/app.js, as WeChat does on a cold start.
 * Once per jest module registry unless resetApp() is called.
 */
export function loadApp(launchOpts: LaunchOptions = {}): Loaded {
  if (loaded) return loaded
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`${DIST}/app.js is missing: build with \`npx taro build --type weapp\``)
  }
  const g = global as any
  captureErrors()
  ;(window as any).__webview_engine_version__ = 0.02
  const simulate = require('miniprogram-simulate')
  const jComponent = require('j-component')
  const exparser = require('miniprogram-exparser')
  installWx(g.wx)
  const gwx = compiledTemplates()

  const appJson = readAppJson()
  let app: Dict | null = null
  g.App = (opts: Dict) => {
    app = opts
  }
  g.getApp = () => app
  g.getCurrentPages = () => pageStack.filter((p) => !p.closed).map((p) => p.instance)
  g.Page = (opts: Dict) => {
    throw new Error(`Page() called outside the harness loader: ${Object.keys(opts)}`)
  }
  require(path.join(DIST, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  const launch = { path: launchOpts.path || appJson.pages[0], query: launchOpts.query || {}, scene: 1001, referrerInfo: {} }
  ;(app as Dict).onLaunch?.call(app, launch)
  ;(app as Dict).onShow?.call(app, launch)

  loaded = { simulate, jComponent, exparser, gwx, app: app as Dict, appJson, components: new Map(), pages: new Map() }
  return loaded
}

/**
 * Throw the running app away (pages closed, module registry reset), so the next render is a cold start:
 * fresh Taro runtime, fresh React tree, fresh module state (stores, caches). Storage is kept unless asked.
 */
export function resetApp({ clearStorage = false } = {}) {
  closeAll()
  if (!loaded) return
  loaded = null
  const g = global as any
  // webpack's chunk list lives on wx: a new runtime would replay the old chunks' entries
  if (g.wx) delete g.wx.webpackJsonp
  env.privacyListeners.length = 0
  jest.resetModules()
  if (clearStorage) env.storage.clear()
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface PageHandle {
  route: string
  query: Dict
  /** j-component root: .dom is the rendered DOM, .data the page data */
  root: any
  /** the page instance (`this` of the Page methods) */
  instance: Dict
  /** bytes (JSON) of every setData call Taro made on this page, in order (WeChat's limit: 256 KB per call) */
  setDataSizes: number[]
  /** number of elements rendered in the page (WeChat's guideline: fewer than 1,000) */
  nodeCount(): number
  closed: boolean
  /** rendered text of the page, whitespace-collapsed */
  text(): string
  /** dispatch a tap on the first element matching a CSS selector, or the deepest one containing the given text */
  tap(target: Target): Promise<void>
  /** dispatch any WeChat event (e.g. 'change' with detail {value}) */
  trigger(target: Target, type: string, detail?: Dict): Promise<void>
  /** texts of all elements matching a CSS selector */
  texts(selector: string): string[]
  /** all elements matching a CSS selector (usable as tap / trigger targets) */
  all(selector: string): Element[]
  /** onUnload + detach */
  close(): void
}

export interface RenderOptions {
  /** openid sent with every cloud call while this page is open */
  persona?: string | null
  query?: Dict
  /**
   * 'cold' (default): a fresh app launched at this page (resetApp + loadApp), so no state leaks between renders.
   * 'navigate': open it in the running app on top of the open pages (like wx.navigateTo).
   * 'redirect': in the running app, closing the open pages first (like wx.redirectTo / switchTab).
   */
  mode?: 'cold' | 'navigate' | 'redirect'
}

/** Render a page of dist/weapp: register it (Page -> Component shim), attach it, and run onLoad/onShow/onReady. */
export function renderPage(route: string, opts: RenderOptions = {}): PageHandle {
  const [routePath, search = ''] = route.replace(/^\//, '').split('?')
  route = routePath
  const query: Dict = { ...Object.fromEntries(new URLSearchParams(search)), ...(opts.query || {}) }
  const mode = opts.mode || 'cold'
  if (opts.persona !== undefined) setPersona(opts.persona)
  if (mode === 'cold') {
    resetApp()
    clearCalls()
  }
  const L = loadApp({ path: route, query })
  if (mode === 'redirect') closeAll()
  else if (mode === 'navigate') {
    const top = pageStack.filter((p) => !p.closed).pop()
    top?.instance.onHide?.()
  }
  const id = registerPage(L, route)
  const root = L.simulate.render(id)
  const parent = document.createElement('div')
  parent.setAttribute('data-route', route)
  document.body.appendChild(parent)
  const instance = root.instance as Dict
  instance.route = route
  instance.__route__ = route
  instance.options = query
  const setDataSizes: number[] = []
  const setData = instance.setData
  instance.setData = function (data: Dict, cb?: AnyFn) {
    setDataSizes.push(Buffer.byteLength(JSON.stringify(data ?? {})))
    return setData.call(this, data, cb)
  }
  root.attach(parent)
  const handle: PageHandle = {
    route,
    query,
    root,
    instance,
    setDataSizes,
    nodeCount: () => (root.dom as Element).querySelectorAll('*').length,
    closed: false,
    text: () => text(root),
    tap: (target) => tap(root, target),
    trigger: (target, type, detail) => dispatch(root, target, type, detail),
    texts: (selector) => findAll(root, selector).map((x) => x.text),
    all: (selector) => findAll(root, selector).map((x) => x.el),
    close() {
      if (handle.closed) return
      handle.closed = true
      try {
        instance.onUnload?.()
      } finally {
        root.detach()
        parent.remove()
      }
    },
  }
  pageStack.push(handle)
  instance.onLoad?.(query)
  instance.onShow?.()
  instance.onReady?.()
  return handle
}

/**
 * Open the page of the last recorded navigateTo / redirectTo / switchTab / reLaunch in the running app,
 * as WeChat would after the call (navigateTo stacks it; the others replace the open pages).
 */
export function followNavigation(opts: { persona?: string | null } = {}): PageHandle {
  const nav = [...env.calls].reverse().find((c) => ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'].includes(c.api))
  if (!nav) throw new Error('followNavigation: no navigation was recorded')
  return renderPage(String(nav.args.url), { ...opts, mode: nav.api === 'navigateTo' ? 'navigate' : 'redirect' })
}

/** Close every open page (call in afterEach). */
export function closeAll() {
  for (const p of pageStack.slice().reverse()) p.close()
  pageStack = []
}

/** Rendered text of a page / component root (or DOM element), whitespace-collapsed. */
export function text(root: any): string {
  const dom: Element = root?.dom ?? root
  return (dom?.textContent || '').replace(/\s+/g, ' ').trim()
}

/**
 * The element for a text: the first (in document order) whose whole text is the needle, else the first
 * that contains it; in both cases the deepest such element.
 */
function findByText(dom: Element, needle: string): Element | null {
  const norm = (el: Element) => text(el)
  const firstDeepest = (el: Element, ok: (el: Element) => boolean): Element | null => {
    if (!ok(el)) return null
    for (const child of Array.from(el.children)) {
      const hit = firstDeepest(child, ok)
      if (hit) return hit
    }
    return el
  }
  const exact = Array.from(dom.querySelectorAll('*')).find((el) => norm(el) === needle)
  if (exact) return firstDeepest(exact, (el) => norm(el) === needle)
  return firstDeepest(dom, (el) => norm(el).includes(needle))
}

/** A CSS selector, a text to look for, or an element already found (e.g. from findAll). */
export type Target = string | { text: string } | Element

/** The element of a page matching a CSS selector, or the deepest one containing the text; throws if none. */
export function find(root: any, target: Target): Element {
  const dom: Element = root.dom ?? root
  if (typeof target === 'object' && 'nodeType' in target) return target
  const el = typeof target === 'string' ? dom.querySelector(target) : findByText(dom, target.text)
  if (!el) throw new Error(`nothing matches ${JSON.stringify(target)} in: ${text(root).slice(0, 300)}`)
  return el
}

/** All elements matching a CSS selector, with their text. */
export function findAll(root: any, selector: string): { el: Element; text: string }[] {
  const dom: Element = root.dom ?? root
  return Array.from(dom.querySelectorAll(selector)).map((el) => ({ el, text: text(el) }))
}

/**
 * The node Taro sent with setData for a rendered element (found by its data-sid), e.g. to read an <image>'s
 * src, which the simulator's built-in image does not keep as an attribute. Taro shortens prop names
 * (src is `p4` on image), so look among the values. Undefined when the element has no Taro node.
 */
export function taroNode(page: PageHandle, el: Element): Dict | undefined {
  const sid = el.getAttribute('data-sid')
  if (!sid) return undefined
  const seen = new Set<any>()
  const visit = (x: any): Dict | undefined => {
    if (!x || typeof x !== 'object' || seen.has(x)) return undefined
    seen.add(x)
    if (x.sid === sid) return x
    for (const v of Array.isArray(x) ? x : Object.values(x)) {
      const hit = visit(v)
      if (hit) return hit
    }
    return undefined
  }
  return visit(page.instance.data)
}

/** Dispatch a WeChat event (exparser, bubbling and composed like a real one) on an element. */
export async function dispatch(root: any, target: Target, type: string, detail: Dict = {}): Promise<void> {
  const L = loadApp()
  const el = find(root, target)
  // walk up to the nearest element that exparser knows
  let node: any = el
  while (node && !node.__wxElement) node = node.parentNode
  if (!node) throw new Error(`${typeof target === 'object' && 'nodeType' in target ? (target as Element).tagName : JSON.stringify(target)} is not an exparser element`)
  const { exparser } = L
  exparser.Event.dispatchEvent(
    node.__wxElement,
    exparser.Event.create(type, detail, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches: [], changedTouches: [] },
    }),
  )
  // Taro updates through React's scheduler and setData: yield so the handler's first effects land
  await new Promise((r) => setTimeout(r, 0))
}

let buttonDisabledProp: { dir: string; prop: string | null } | null = null

/** The short name Taro's base.wxml gives a <button>'s `disabled` (e.g. `p2`), read from the build. */
function disabledPropOfButton(): string | null {
  if (!buttonDisabledProp || buttonDisabledProp.dir !== DIST) {
    let prop: string | null
    try {
      const m = /<button\b[^>]*?\sdisabled="\{\{i\.(\w+)\}\}"/.exec(fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8'))
      prop = m ? m[1] : null
    } catch {
      prop = null
    }
    buttonDisabledProp = { dir: DIST, prop }
  }
  return buttonDisabledProp.prop
}

/**
 * Whether the element is (inside) a disabled <button>: WeChat does not fire tap on one. The simulator's
 * built-in button does not know `disabled`, so read it from the node Taro rendered.
 */
function inDisabledButton(root: any, el: Element): boolean {
  const prop = disabledPropOfButton()
  if (!prop) return false
  const page = pageStack.find((p) => p.root === root)
  if (!page) return false
  for (let node: Element | null = el; node && node !== root.dom; node = node.parentElement) {
    if (node.tagName.toLowerCase() === 'wx-button') {
      const v = taroNode(page, node)?.[prop]
      return v === true || v === 'true'
    }
  }
  return false
}

/**
 * Tap an element (by CSS selector or text): touchstart, touchend, tap, bubbling like a real finger.
 * As in WeChat, a disabled <button> gets the touches but no tap.
 */
export async function tap(root: any, target: Target): Promise<void> {
  const el = find(root, target)
  await dispatch(root, el, 'touchstart')
  await dispatch(root, el, 'touchend')
  if (inDisabledButton(root, el)) return
  await dispatch(root, el, 'tap', { x: 0, y: 0 })
}

/** Poll until predicate() returns truthy (or stops throwing); returns its value. */
export async function waitFor<T>(predicate: () => T | Promise<T>, { timeout = 10000, interval = 20, message = '' } = {}): Promise<T> {
  const start = Date.now()
  let lastErr: unknown
  for (;;) {
    try {
      const v = await predicate()
      if (v) return v
      lastErr = null
    } catch (e) {
      lastErr = e
    }
    if (Date.now() - start > timeout) {
      const why = lastErr instanceof Error ? lastErr.message : message || 'predicate stayed false'
      throw new Error(`waitFor timed out after ${timeout} ms: ${why}`)
    }
    await new Promise((r) => setTimeout(r, interval))
  }
}

/** Wait until the page's text contains `needle`; returns the text. */
export function waitForText(page: PageHandle, needle: string | RegExp, timeout = 10000): Promise<string> {
  return waitFor(
    () => {
      const t = page.text()
      if (typeof needle === 'string' ? t.includes(needle) : needle.test(t)) return t
      throw new Error(`text ${needle} not found in: ${t.slice(0, 400)}`)
    },
    { timeout },
  )
}

/**
 * Wait until the page is quiet: no cloud call in flight, something rendered, and not in a busy state
 * (by default: no "正在加载" text), unchanged over three polls 50 ms apart. Returns the text.
 */
export async function settle(page: PageHandle, { timeout = 15000, busy = (t: string) => t.includes('正在加载') } = {}): Promise<string> {
  let last = ''
  let stable = 0
  await waitFor(
    () => {
      const t = page.text()
      const quiet = env.inflight === 0 && t.length > 0 && !busy(t)
      stable = quiet && t === last ? stable + 1 : 0
      last = t
      if (stable >= 3) return true
      throw new Error(`page ${page.route} not settled (in flight: ${env.inflight}): ${t.slice(0, 300)}`)
    },
    { timeout, interval: 50 },
  )
  return last
}

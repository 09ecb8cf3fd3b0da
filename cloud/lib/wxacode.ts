import { createHash } from 'crypto'
import { cloud } from './cloud'
import { tempFileUrls } from './storage'

/**
 * A scene as wxacode.getUnlimited takes it (WeChat's docs): at most 32 visible characters, only digits, ASCII
 * letters and !#$&'()*+,/:;=?@-._~ (no %, so no URL encoding and no Chinese).
 */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/
/** A page path as the API takes it: no leading slash, no query (parameters go in the scene). */
const PAGE_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/
const MIN_WIDTH = 280
const MAX_WIDTH = 1280

export interface UnlimitedCode {
  /** What the page receives as `options.scene` (URL-encoded by WeChat: decode it on the page). */
  scene: string
  /** The page the code opens, e.g. packages/wish/pages/detail/index. */
  page: string
  /** The code's width in px (280–1280; WeChat's default 430). */
  width?: number
}

/** Throws when the scene, page or width breaks WeChat's rules (before spending a call on it). */
export function checkUnlimitedCode(c: UnlimitedCode): void {
  if (!SCENE_PATTERN.test(c.scene)) throw new Error(`wxacode scene must be 1–32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]: ${JSON.stringify(c.scene)}`)
  if (!PAGE_PATTERN.test(c.page)) throw new Error(`wxacode page must be a page path without a leading / or a query: ${JSON.stringify(c.page)}`)
  if (c.width !== undefined && !(Number.isInteger(c.width) && c.width >= MIN_WIDTH && c.width <= MAX_WIDTH)) throw new Error(`wxacode width must be ${MIN_WIDTH}–${MAX_WIDTH}`)
}

/**
 * Which mini-program version the code opens, from HEMEI_MP_STATE (formal | trial | developer, as for
 * subscription messages). Only the released version checks that the page exists (check_path): a page of an
 * unreleased version would be refused with 41030.
 */
function envVersion(): { envVersion: 'release' | 'trial' | 'develop'; checkPath: boolean } {
  const state = process.env.HEMEI_MP_STATE || 'formal'
  const v = state === 'trial' ? 'trial' : state === 'developer' ? 'develop' : 'release'
  return { envVersion: v, checkPath: v === 'release' }
}

/** A mini-program code (PNG) that opens `page` with `scene`: wxacode.getUnlimited through cloud.openapi. */
export async function getUnlimitedCode(c: UnlimitedCode): Promise<Buffer> {
  checkUnlimitedCode(c)
  const res = (await cloud.openapi.wxacode.getUnlimited({ scene: c.scene, page: c.page, width: c.width ?? 430, ...envVersion() } as never)) as {
    contentType?: string
    buffer?: Buffer | Uint8Array
  }
  if (!res?.buffer || !/^image\//.test(res.contentType ?? '')) throw new Error(`wxacode.getUnlimited answered ${res?.contentType ?? 'no image'}`)
  return Buffer.from(res.buffer)
}

/** The codes this instance already stored: cloud path → fileID (the same code always lands on the same path). */
const storedCodes = new Map<string, string>()

/**
 * The code for `page` + `scene` as a file in cloud storage (codes/<folder>/<hash>.png: the same code always lands
 * on the same path) and its temporary URL. No database request. The first time on an instance: one openapi call
 * and two storage requests; after that, only the URL (one storage request), unless the file has gone.
 */
export async function storedUnlimitedCode(folder: string, c: UnlimitedCode): Promise<{ fileID: string; url: string }> {
  checkUnlimitedCode(c)
  const name = createHash('sha256')
    .update(`${c.page}\n${c.scene}\n${c.width ?? 430}`)
    .digest('hex')
    .slice(0, 24)
  const cloudPath = `codes/${folder}/${name}.png`
  const known = storedCodes.get(cloudPath)
  if (known) {
    const url = (await tempFileUrls([known])).get(known)
    if (url) return { fileID: known, url }
    storedCodes.delete(cloudPath)
  }
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: await getUnlimitedCode(c) })
  const url = (await tempFileUrls([fileID])).get(fileID)
  if (!url) throw new Error('code file has no download URL')
  storedCodes.set(cloudPath, fileID)
  return { fileID, url }
}

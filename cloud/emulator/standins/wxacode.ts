/**
 * LOCAL STAND-IN for wxacode.getUnlimited: answers a real PNG QR code (the `qrcode` package) that encodes the h5
 * URL opening the same page with the same scene, `<emulator>/#/<page>?scene=<scene>`, so a phone camera or a
 * test can follow it. Refusals are WeChat's JSON answers; the binary answer is what the SDK hands back as
 * `{ contentType, buffer }`.
 */
import QRCode from 'qrcode'

type Json = Record<string, any>

/** A binary openapi answer: sent as CommOpenApiResp.respData with its content type. */
export interface BinaryAnswer {
  contentType: string
  buffer: Buffer
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/

/** The h5 URL a code for `page` (default: the home page) and `scene` stands for. */
export function h5CodeUrl(baseUrl: string, page: string, scene: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/${page}?scene=${encodeURIComponent(scene)}`
}

/** Answers one getUnlimited call (snake_case params as they arrive on the wire). */
export async function answerWxacode(baseUrl: string, data: Json): Promise<Json | BinaryAnswer> {
  const scene = typeof data.scene === 'string' ? data.scene : ''
  if (!SCENE.test(scene)) return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' }
  const page = data.page === undefined || data.page === '' ? 'pages/home/index' : String(data.page)
  if (!PAGE.test(page)) return { errcode: 41030, errmsg: 'invalid page' }
  // WeChat keeps the width within 280–1280 px.
  const width = Math.min(1280, Math.max(280, Number(data.width) || 430))
  const buffer = await QRCode.toBuffer(h5CodeUrl(baseUrl, page, scene), { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
  return { contentType: 'image/png', buffer }
}

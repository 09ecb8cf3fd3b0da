// Reads a QR code back out of a PNG (pngjs + jsqr), so tests check what a camera would see.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** The text a PNG's QR code encodes; throws when no code is found. */
export function decodeQrPng(png: Buffer): string {
  const img = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('no QR code in the image')
  return found.data
}

/** The width in pixels of a PNG. */
export function pngWidth(png: Buffer): number {
  return PNG.sync.read(png).width
}

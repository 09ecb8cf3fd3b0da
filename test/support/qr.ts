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

/** Paints a canvas's recorded fillRect calls (with their fill) into RGBA pixels and reads the QR code back. */
export function decodeFillRects(rects: readonly { x: number; y: number; w: number; h: number; fill: string }[], size: number): string | undefined {
  const px = new Uint8ClampedArray(size * size * 4)
  for (const r of rects) {
    const v = r.fill === '#ffffff' ? 255 : 0
    for (let y = r.y; y < r.y + r.h; y++)
      for (let x = r.x; x < r.x + r.w; x++) {
        const i = (y * size + x) * 4
        px[i] = px[i + 1] = px[i + 2] = v
        px[i + 3] = 255
      }
  }
  return jsQR(px, size, size)?.data
}

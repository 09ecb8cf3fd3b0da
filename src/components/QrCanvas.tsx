import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import qrcode from 'qrcode-generator'
import { useEffect } from 'react'

/** Modules of white border around the code (the QR spec asks for 4; 2 is enough on a white card). */
const QUIET = 2

export interface QrCanvasProps {
  /** The text the code carries. */
  text: string
  /** Width and height in px. */
  size?: number
  canvasId: string
  /** What a screen reader says instead of the picture. */
  label: string
}

/** A QR code of `text` drawn on Taro's Canvas (weapp and h5) with qrcode-generator; each dark run of a row is one rectangle. */
export function QrCanvas({ text, size = 240, canvasId, label }: QrCanvasProps) {
  useEffect(() => {
    let live = true
    // After Taro has sent the canvas to the native view (weapp renders asynchronously).
    Taro.nextTick(() => live && draw(text, size, canvasId))
    return () => {
      live = false
    }
  }, [text, size, canvasId])
  return <Canvas canvasId={canvasId} id={canvasId} className='hm-qr' style={{ width: `${size}px`, height: `${size}px` }} aria-label={label} />
}

/** Draws the QR code of `text` on the canvas, centred, with a white border. */
function draw(text: string, size: number, canvasId: string): void {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  const cell = Math.max(1, Math.floor(size / (n + 2 * QUIET)))
  const offset = Math.floor((size - cell * n) / 2)
  try {
    const ctx = Taro.createCanvasContext(canvasId)
    ctx.setFillStyle('#ffffff')
    ctx.fillRect(0, 0, size, size)
    ctx.setFillStyle('#000000')
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n;) {
        if (!qr.isDark(r, c)) {
          c++
          continue
        }
        let end = c
        while (end < n && qr.isDark(r, end)) end++
        ctx.fillRect(offset + c * cell, offset + r * cell, (end - c) * cell, cell)
        c = end
      }
    }
    ctx.draw()
  } catch {
    // No canvas to draw on (a test DOM without one): the digits beneath still work.
  }
}

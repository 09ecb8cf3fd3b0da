// Reads a PDF back in the test process with pdfjs-dist's legacy build, without a worker: the worker module is set
// on globalThis.pdfjsWorker, which pdfjs then runs on the main thread (its "fake worker").
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api'

type Pdfjs = typeof import('pdfjs-dist')

/** What a printed page is: its size in PDF points and its text. */
export interface PdfPage {
  width: number
  height: number
  text: string
}

let pdfjs: Pdfjs | undefined

/**
 * pdfjs for node, once. At load it tries to reach `@napi-rs/canvas` (to draw pages, which reading text does not
 * need) and warns when it cannot: those four warnings are dropped, any other line is kept.
 */
function load(): Pdfjs {
  if (pdfjs) return pdfjs
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const log = console.log
  console.log = (...args: unknown[]) => {
    if (!/^Warning: Cannot (access the `require` function|load "@napi-rs\/canvas"|polyfill `(DOMMatrix|ImageData|Path2D)`)/.test(String(args[0]))) log(...args)
  }
  try {
    pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs
  } finally {
    console.log = log
  }
  return pdfjs
}

/** Each page of a PDF: width and height (pt) and its text, the text runs joined. */
export async function readPdf(data: Uint8Array): Promise<PdfPage[]> {
  const doc: PDFDocumentProxy = await load().getDocument({ data, verbosity: 0, isEvalSupported: false }).promise
  try {
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [x0, y0, x1, y1] = page.view
      const content = await page.getTextContent()
      pages.push({ width: x1 - x0, height: y1 - y0, text: content.items.map((i) => ('str' in i ? i.str : '')).join('') })
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

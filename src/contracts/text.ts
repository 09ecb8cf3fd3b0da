import * as z from 'zod/mini'
import { visibleLength } from './textLength'

export { visibleLength }

/** Shown when a text holds control or format characters (NUL, U+200B, U+202E…) or a lone surrogate. */
export const INVISIBLE_TEXT_MESSAGE = '请勿输入不可见字符或控制字符'

// Built from strings so that the client build keeps the engine's own Unicode tables instead of expanding them.
const CONTROL_OR_FORMAT = new RegExp('[\\p{Cc}\\p{Cf}]', 'u')
const LONE_SURROGATE = new RegExp('\\p{Cs}', 'u')
// A zero-width joiner between two emoji (👨 U+200D 👩) is how emoji are written, not a hidden character.
const EMOJI_JOINER = new RegExp('(\\p{Extended_Pictographic}\\uFE0F?)\\u200D(?=\\p{Extended_Pictographic})', 'gu')

export interface TextRule {
  /** Fewest visible characters (after normalising and trimming); 0 when omitted. */
  min?: number
  max: number
  minMessage?: string
  maxMessage?: string
  /** Multi-line fields keep newlines (CRLF and CR become LF); every other control character is refused. */
  multiline?: boolean
}

/** True when the text holds no control/format character (bar newline when multi-line) and no lone surrogate. */
export function isCleanText(s: string, multiline = false): boolean {
  const joined = s.replace(EMOJI_JOINER, '$1')
  const rest = multiline ? joined.replace(/\n/g, '') : joined
  return !CONTROL_OR_FORMAT.test(rest) && !LONE_SURROGATE.test(rest)
}

/** The one free-text rule of every contract: NFC, trimmed, no control/format characters, min/max by visible length. */
export function text(rule: TextRule) {
  const { min = 0, max, minMessage, maxMessage, multiline = false } = rule
  return z.string().check(
    z.overwrite((s) => (multiline ? s.replace(/\r\n?/g, '\n') : s)),
    z.overwrite((s) => s.normalize('NFC')),
    z.trim(),
    z.refine((s) => isCleanText(s, multiline), INVISIBLE_TEXT_MESSAGE),
    z.refine((s) => visibleLength(s) >= min, minMessage),
    z.refine((s) => visibleLength(s) <= max, maxMessage),
  )
}

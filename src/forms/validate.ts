import type * as z from 'zod/mini'
import type { FieldIssue } from '@/contracts'

/** Field name -> Chinese message. */
export type FieldErrors = Record<string, string>

const CJK = /[\u4e00-\u9fff]/

/** Turns issues (zod's or the server's) into one Chinese message per top-level field. */
export function toFieldErrors(issues: { path: PropertyKey[] | string; message: string }[], fallbacks: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {}
  for (const i of issues) {
    const field = typeof i.path === 'string' ? i.path.split('.')[0] : String(i.path[0] ?? '')
    if (out[field]) continue
    out[field] = CJK.test(i.message) ? i.message : fallbacks[field] || '请检查填写的内容'
  }
  return out
}

/** Validates `value` with a contract schema; returns the parsed input or the field errors. */
export function validate<S extends z.ZodMiniType>(schema: S, value: unknown, fallbacks: FieldErrors = {}): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(value)
  if (r.success) return { ok: true, data: r.data }
  return { ok: false, errors: toFieldErrors(r.error.issues, fallbacks) }
}

/** Server-side INVALID_INPUT issues as field errors. */
export function serverFieldErrors(issues: FieldIssue[] | undefined, fallbacks: FieldErrors = {}): FieldErrors {
  return issues ? toFieldErrors(issues, fallbacks) : {}
}

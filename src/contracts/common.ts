import * as z from 'zod/mini'

/** Shared zod/mini building blocks for the contracts. */
export const id = z.string().check(z.minLength(1), z.maxLength(64))
export const requestId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))
/** Mainland mobile number, 11 digits starting with 1. */
export const phone = z.string().check(z.regex(/^1[3-9]\d{9}$/, '请输入11位手机号'))
export const pageInput = {
  page: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1000))),
  pageSize: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(20))),
}
/** True when `s` is written YYYY-MM-DD and is a calendar day that exists (not 2026-02-30): pure date arithmetic, no clock. */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}
/** A China calendar day YYYY-MM-DD that exists. */
export const calendarDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), z.refine(isCalendarDay, '日期不存在'))
/** ISO timestamps travel as strings. */
export type ISODate = string

/** A page of a list. `hasMore` drives load-more. */
export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  hasMore: boolean
  total?: number
}

export const DEFAULT_PAGE_SIZE = 20

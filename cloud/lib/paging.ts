import { DEFAULT_PAGE_SIZE, type Page } from '../../src/contracts'

export interface PageWindow {
  page: number
  pageSize: number
  skip: number
  /** Ask the database for one more than a page, so `hasMore` needs no count(). */
  limit: number
}

/** The skip/limit for a page request (pageSize already capped at 20 by the contract). */
export function pageWindow(input: { page?: number; pageSize?: number }): PageWindow {
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE
  return { page, pageSize, skip: (page - 1) * pageSize, limit: pageSize + 1 }
}

/** Turns the limit+1 rows fetched for `w` into a Page. */
export function toPage<T, U>(rows: T[], w: PageWindow, map: (row: T) => U): Page<U> {
  return { items: rows.slice(0, w.pageSize).map(map), page: w.page, pageSize: w.pageSize, hasMore: rows.length > w.pageSize }
}

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@/contracts'
import { toAppError, type AppError } from '@/services/cloud'

/** What a paginated list hook returns. */
export interface Paged<T> {
  items: T[]
  loading: boolean
  loadingMore: boolean
  error: AppError | undefined
  /** Error of the last load-more (the items already shown stay). */
  moreError: AppError | undefined
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  /** Local edit of the loaded items (e.g. after a review). */
  update: (fn: (items: T[]) => T[]) => void
}

/** A list loaded page by page; refresh restarts at page 1. */
export function usePaged<T>(loadPage: (page: number) => Promise<Page<T>>, deps: unknown[] = []): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<AppError>()
  const [moreError, setMoreError] = useState<AppError>()
  const [hasMore, setHasMore] = useState(false)
  const page = useRef(0)
  const seq = useRef(0)
  const busy = useRef(false)
  const hasMoreRef = useRef(hasMore)
  hasMoreRef.current = hasMore
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const refresh = useCallback(async () => {
    const mine = ++seq.current
    busy.current = true
    setLoading(true)
    setError(undefined)
    setMoreError(undefined)
    try {
      const p = await loadRef.current(1)
      if (mine !== seq.current) return
      page.current = 1
      setItems(p.items)
      setHasMore(p.hasMore)
    } catch (e) {
      if (mine !== seq.current) return
      setError(toAppError(e))
      setItems([])
      setHasMore(false)
    } finally {
      if (mine === seq.current) {
        setLoading(false)
        busy.current = false
      }
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMoreRef.current) return
    const mine = seq.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const p = await loadRef.current(page.current + 1)
      if (mine !== seq.current) return
      page.current += 1
      setItems((prev) => prev.concat(p.items))
      setHasMore(p.hasMore)
    } catch (e) {
      if (mine === seq.current) setMoreError(toAppError(e))
    } finally {
      if (mine === seq.current) busy.current = false
      setLoadingMore(false)
    }
  }, [])

  useEffect(() => {
    void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const update = useCallback((fn: (items: T[]) => T[]) => setItems(fn), [])

  return { items, loading, loadingMore, error, moreError, hasMore, refresh, loadMore, update }
}

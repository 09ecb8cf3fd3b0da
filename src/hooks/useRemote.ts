import { useCallback, useEffect, useRef, useState } from 'react'
import { toAppError, type AppError } from '@/services/cloud'

/** What a data hook returns. */
export interface Remote<T> {
  data: T | undefined
  loading: boolean
  error: AppError | undefined
  refresh: () => Promise<void>
}

/** Loads `load()` on mount (and when deps change); the latest call wins. */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[] = []): Remote<T> {
  const [data, setData] = useState<T>()
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<AppError>()
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const refresh = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const d = await loadRef.current()
      if (mine === seq.current) setData(d)
    } catch (e) {
      if (mine === seq.current) setError(toAppError(e))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  return { data, loading, error, refresh }
}

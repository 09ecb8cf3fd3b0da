import { useEffect, useRef, useState } from 'react'

/** A rotating code as the server answers it: when it stops being current, by the server's clock. */
export interface Expiring {
  expiresAt: string
  now: string
}

/**
 * The seconds a rotating code has left, counted on the server's clock (the phone's may be off), and a reload
 * (`refresh`) when it runs out.
 */
export function useCodeCountdown(code: Expiring | undefined, refresh: () => Promise<void>): number {
  const [left, setLeft] = useState(0)
  const reload = useRef(refresh)
  reload.current = refresh
  useEffect(() => {
    if (!code) return undefined
    const skew = Date.parse(code.now) - Date.now()
    const tick = () => {
      const ms = Date.parse(code.expiresAt) - (Date.now() + skew)
      setLeft(Math.max(0, Math.ceil(ms / 1000)))
      if (ms <= 0) void reload.current()
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [code])
  return left
}

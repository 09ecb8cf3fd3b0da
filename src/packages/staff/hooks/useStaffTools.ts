import { useEffect, useRef, useState } from 'react'
import type { CheckinCode, ExportFile } from '@/contracts'
import { useRemote } from '@/hooks/useRemote'
import { exportService, openExportFile } from '@/services/export'
import { userService } from '@/services/user'

/**
 * Staff: exports one community's wish month as .xlsx. On weapp the file is then downloaded and opened (forward it
 * from the document's menu); on h5 the caller shows a download link to the answered file.
 */
export async function exportWishMonth(communityId: string, month: string): Promise<ExportFile> {
  const file = await exportService.wishMonth({ communityId, month })
  if (process.env.TARO_ENV !== 'h5') await openExportFile(file)
  return file
}

/** Staff: the rotating check-in code of a community, fetched again when it changes, with the seconds it has left. */
export function useCheckinCode(communityId: string | undefined) {
  const code = useRemote<CheckinCode | undefined>(() => (communityId ? userService.checkinCode(communityId) : Promise.resolve(undefined)), [communityId])
  const [left, setLeft] = useState(0)
  const refresh = useRef(code.refresh)
  refresh.current = code.refresh
  const c = code.data
  useEffect(() => {
    if (!c) return undefined
    // The server's clock decides when the code changes; the phone's may be off.
    const skew = Date.parse(c.now) - Date.now()
    const tick = () => {
      const ms = Date.parse(c.expiresAt) - (Date.now() + skew)
      setLeft(Math.max(0, Math.ceil(ms / 1000)))
      if (ms <= 0) void refresh.current()
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [c])
  return { ...code, left }
}

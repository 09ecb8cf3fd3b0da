import type { CheckinCode, ExportFile } from '@/contracts'
import { useCodeCountdown } from '@/hooks/useCodeCountdown'
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
  const left = useCodeCountdown(code.data, code.refresh)
  return { ...code, left }
}

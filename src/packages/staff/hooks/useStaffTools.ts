import type { CheckinCode, ExportFile } from '@/contracts'
import { useCodeCountdown } from '@/hooks/useCodeCountdown'
import { useMe } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { exportService, openExportFile } from '@/services/export'
import { userService } from '@/services/user'

/** The communities the staff member serves, with names, in the district's order. */
export function useStaffCommunities() {
  const me = useMe()
  const ids = me.data?.staffCommunityIds ?? []
  const all = useRemote(() => userService.listCommunities().then((r) => r.communities), [])
  const data = all.data?.filter((c) => ids.includes(c.id)).map((c) => ({ key: c.id, label: c.name }))
  return { ...all, loading: all.loading || me.loading, data }
}

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

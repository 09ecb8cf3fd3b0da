import Taro from '@tarojs/taro'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { InputOf } from '@/contracts'
import type { WishCategory } from '@/contracts/wish'
import { MAX_OPEN_WISHES, OPEN_WISH_STATUSES, type WALL_STATUSES } from '@/contracts/wishRules'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { wishService } from '@/services/wish'
import { AppError } from '@/services/errors'
import { uploadImage } from '@/services/storage'
import { loadMe, meStore } from '@/stores/me'

export interface WallFilters {
  scope: 'community' | 'district'
  category?: WishCategory
  status?: (typeof WALL_STATUSES)[number]
}

/** The wall with its filters: `{ data, loading, error, refresh, loadMore, hasMore, ... }`, 20 a page, newest first. */
export function useWishWall(filters: WallFilters) {
  const { scope, category, status } = filters
  const list = usePaged((page) => wishService.wall({ scope, category, status, page, pageSize: DEFAULT_PAGE_SIZE }), [scope, category, status])
  return { ...list, data: list.items }
}

/** One wish in full; `refresh` reloads it after an action. */
export function useWish(id: string | undefined) {
  return useRemote(() => (id ? wishService.detail(id) : Promise.reject(new Error('no id'))), [id])
}

/** The user's own wishes, page by page. */
export function useMyWishes() {
  const list = usePaged((page) => wishService.listMine({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
  return { ...list, data: list.items }
}

/** The wishes the user has claimed, page by page. */
export function useMyClaims() {
  const list = usePaged((page) => wishService.listMyClaims({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
  return { ...list, data: list.items }
}

/**
 * Whether the user already has MAX_OPEN_WISHES unfinished wishes (from the first page of their own list,
 * newest first), so 发布心愿 can say so before the form is filled. `enabled` false: not asked (editing).
 */
export function useOpenWishLimit(enabled: boolean) {
  return useRemote(async () => {
    if (!enabled) return false
    const page = await wishService.listMine({ page: 1, pageSize: DEFAULT_PAGE_SIZE })
    return page.items.filter((w) => OPEN_WISH_STATUSES.includes(w.status)).length >= MAX_OPEN_WISHES
  }, [enabled])
}

/** Posts a new wish. */
export function postWish(input: InputOf<'wish', 'post'>) {
  return wishService.post(input)
}

/** Resubmits an edited, rejected wish. */
export function resubmitWish(input: InputOf<'wish', 'resubmit'>) {
  return wishService.resubmit(input)
}

/** The actions on one wish, as the detail page offers them. */
export const wishActions = {
  claim: (wishId: string, promisedBy: string, unitName?: string) => wishService.claim({ wishId, promisedBy, ...(unitName ? { unitName } : {}) }),
  withdraw: (wishId: string, reason: string) => wishService.withdraw({ wishId, reason }),
  requestRelease: (wishId: string, reason: string) => wishService.requestRelease({ wishId, reason }),
  fulfil: (wishId: string, note: string, photo?: string) => wishService.fulfil({ wishId, note, ...(photo ? { photo } : {}) }),
  confirm: (wishId: string, thanks?: string) => wishService.confirm({ wishId, ...(thanks ? { thanks } : {}) }),
  report: (wishId: string, reason: string) => wishService.report({ wishId, reason }),
  cancel: (wishId: string) => wishService.cancel({ wishId }),
  release: (wishId: string, reason: string) => wishService.release({ wishId, reason }),
  hide: (wishId: string, reason: string) => wishService.hide({ wishId, reason }),
  /** Staff: the wish's poster code, shown full screen (press to save or forward it). */
  shareCode: async (wishId: string) => {
    const code = await wishService.shareCode(wishId)
    await Taro.previewImage({ urls: [code.url], current: code.url })
    return code
  },
}

/** Uploads a chosen wish photo into the user's own upload folder (from `me`, loaded if needed); resolves its fileID. */
export async function uploadWishPhoto(filePath: string): Promise<string> {
  if (!meStore.get().data?.uploadFolder) await loadMe()
  const folder = meStore.get().data?.uploadFolder
  if (!folder) throw new AppError('NOT_SIGNED_UP')
  return uploadImage(filePath, folder)
}

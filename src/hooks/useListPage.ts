import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'

/** The part of a paged list (usePaged) that the page's events drive. */
export interface ListEvents {
  loading: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * Wires a paged list to its page: pull-to-refresh, load more on reaching the bottom, and, with
 * `refreshOnShow`, reload when the page is shown again (statuses may have changed on a detail page).
 */
export function useListPage(list: ListEvents, refreshOnShow = false): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (refreshOnShow && shown.current && !list.loading) void list.refresh()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
}

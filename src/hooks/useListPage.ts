import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'

/** What a page can reload (usePaged, useRemote). */
interface Reloadable {
  loading: boolean
  refresh: () => Promise<void>
}

/** The part of a paged list (usePaged) that the page's events drive. */
interface ListEvents extends Reloadable {
  loadMore: () => Promise<void>
}

/**
 * Pull-to-refresh reloads `target`; with `refreshOnShow`, so does showing the page again (statuses may have
 * changed on another page).
 */
export function usePageRefresh(target: Reloadable, refreshOnShow = false): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (refreshOnShow && shown.current && !target.loading) void target.refresh()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void target.refresh().finally(() => Taro.stopPullDownRefresh())
  })
}

/** Wires a paged list to its page: usePageRefresh, and load more on reaching the bottom. */
export function useListPage(list: ListEvents, refreshOnShow = false): void {
  usePageRefresh(list, refreshOnShow)
  useReachBottom(() => {
    void list.loadMore()
  })
}

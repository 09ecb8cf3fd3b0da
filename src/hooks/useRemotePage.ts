import { usePageRefresh } from './useListPage'
import type { Remote } from './useRemote'

/**
 * Wires one loaded thing (useRemote) to its page (usePageRefresh) and gives the Page's props: loading and
 * error only while there is nothing to show yet.
 */
export function useRemotePage<T>(remote: Remote<T>, refreshOnShow = false) {
  usePageRefresh(remote, refreshOnShow)
  return { loading: remote.loading && !remote.data, error: remote.data ? undefined : remote.error, onRetry: remote.refresh }
}

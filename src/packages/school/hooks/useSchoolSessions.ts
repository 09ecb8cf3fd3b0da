import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { SessionScope } from '@/contracts/school/rules'
import { usePaged } from '@/hooks/usePaged'
import { schoolSessionsService as svc } from '@/services/school/sessions'

/** Sessions families may browse: my community or the district, open first, 20 a page. */
export function useSessionBrowse(scope: SessionScope) {
  const list = usePaged((page) => svc.browseSessions({ scope, page, pageSize: DEFAULT_PAGE_SIZE }), [scope])
  return { ...list, data: list.items }
}

import { useRemote } from '@/hooks/useRemote'
import { userService } from '@/services/user'

/** Staff: the workbench, each work queue of their communities with its count, as the server lays it out. */
export function useWorkbench() {
  return useRemote(() => userService.workbench(), [])
}

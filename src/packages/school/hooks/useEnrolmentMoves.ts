import type { MyEnrolment } from '@/contracts/school'
import { SKIP, useAction } from '@/hooks/useAction'
import { confirm } from '@/ui/feedback'
import { enrolmentActions } from './useEnrolment'

/** A family's moves on its children's places (cancel, accept, decline), with confirmations; `then` refreshes. */
export function useEnrolmentMoves(then: () => Promise<unknown>) {
  const action = useAction()
  const cancel = (sessionId: string, e: MyEnrolment) =>
    void action.run(
      async () =>
        (await confirm(
          e.status === 'waitlisted' ? '取消候补' : '取消报名',
          `确定取消${e.childName}的${e.status === 'waitlisted' ? '候补' : '报名'}吗？名额会让给候补的孩子，取消后不能恢复。`,
          '确定取消',
        ))
          ? enrolmentActions.cancel(sessionId, e.childId)
          : SKIP,
      { done: '已取消', then },
    )
  const accept = (sessionId: string, e: MyEnrolment) => void action.run(() => enrolmentActions.accept(sessionId, e.childId), { done: '已确认入学', then, onError: () => void then() })
  const decline = (sessionId: string, e: MyEnrolment) =>
    void action.run(
      async () =>
        (await confirm('放弃名额', `确定放弃${e.childName}的这个名额吗？名额会顺延给下一位候补，放弃后不能恢复。`, '放弃')) ? enrolmentActions.decline(sessionId, e.childId) : SKIP,
      { done: '已放弃', then },
    )
  return { busy: action.busy, run: action.run, running: action.running, cancel, accept, decline }
}

import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ChildDayItem } from '@/contracts'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { today as todayOf } from '@/format/day'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { leaveActions, useChildDays } from '@/packages/school/hooks/useChildDays'
import { askText, confirm } from '@/ui/feedback'
import { DayCard } from './components/DayCard'

/**
 * A guardian: the child's days at the 4 o'clock school (ROUTES.schoolDay?childId=): arrived at, picked up at and by
 * whom, a staff release with its reason, leave; 请假 for a coming day (with confirmation). Newest first, two weeks a
 * page; pull down to refresh.
 */
export default function ChildDayPage() {
  const { params } = useRouter()
  const childId = params?.childId ? decodeURIComponent(params.childId) : undefined
  const days = useChildDays(childId)
  useListPage(days, true)
  const action = useAction()
  const today = todayOf()

  const onLeave = (item: ChildDayItem, what: 'reportLeave' | 'cancelLeave') => {
    const ids = { sessionId: item.sessionId, childId: childId!, day: item.day }
    void action.run(
      async () => {
        if (what === 'cancelLeave') return (await confirm('取消请假', `确认取消 ${item.day} 的请假？`, '取消请假')) ? leaveActions.cancel(ids) : SKIP
        const reason = await askText(`${item.day} 请假`, '请假原因（可不填）', '下一步')
        if (reason === undefined) return SKIP
        if (!(await confirm('确认请假', `确认为孩子请 ${item.day} 的假？工作人员会在花名册上看到。`, '请假'))) return SKIP
        return leaveActions.report({ ...ids, ...(reason ? { reason } : {}) })
      },
      { done: what === 'cancelLeave' ? '已取消请假' : '已请假', key: `${item.sessionId}-${item.day}`, then: () => days.refresh() },
    )
  }

  return (
    <Page empty={!childId} emptyText='没有找到这个孩子'>
      <Text className='hm-sub hm-block'>到校、接走和请假记录，只有孩子的监护人可以看到</Text>
      <ListBody
        list={days}
        emptyText='孩子还没有在读的课程'
        renderItem={(item) => <DayCard key={`${item.sessionId}-${item.day}`} item={item} today={today} busy={action.busy} onLeave={onLeave} />}
      />
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { STAFF_SESSION_QUEUE_VIEWS, STAFF_SESSION_QUEUES, type StaffSessionQueue } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { confirm } from '@/ui/feedback'
import { staffSessionActions, useStaffSessionList } from '@/packages/school-staff/hooks/useStaffSessions'
import { StaffSessionCard } from './components/StaffSessionCard'

/** A workbench queue named in the route (`?queue=offers|claims`), if it is one. */
function queueOf(raw: string | undefined): StaffSessionQueue | undefined {
  return STAFF_SESSION_QUEUES.find((q) => q === raw)
}

/**
 * Staff: the 四点钟学校 sessions of their communities; 新建班次; 服务站志愿者; each card links to its management pages.
 * Opened from a workbench tile (`?queue=`): only the sessions that tile counts, each opening 报名管理 where staff act.
 */
export default function StaffSessionsPage() {
  const { params } = useRouter()
  const queue = queueOf(params?.queue)
  const view = queue && STAFF_SESSION_QUEUE_VIEWS[queue]
  const list = useStaffSessionList(queue)
  useListPage(list, true)
  const action = useAction()
  const close = (id: string, name: string) =>
    void action.run(async () => ((await confirm('截止报名', `「${name}」截止后不再接受新的报名。`, '截止报名')) ? staffSessionActions.close(id) : SKIP), {
      done: '已截止报名',
      then: () => list.refresh(),
    })
  return (
    <Page>
      {view ? (
        <View className='hm-wrap'>
          <Text className='hm-h2'>{view.title}</Text>
          <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.staffSchoolSessions)}>
            全部班次
          </Button>
        </View>
      ) : (
        <View className='hm-wrap'>
          <Button className='hm-btn' onClick={() => go(ROUTES.staffSchoolSessionEdit)}>
            新建班次
          </Button>
          <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.staffSchoolStation)}>
            服务站志愿者
          </Button>
        </View>
      )}
      <View style={{ marginTop: '16px' }}>
        <ListBody
          list={list}
          emptyText={view ? '没有待处理的班次' : '还没有班次，先新建一个吧'}
          renderItem={(d) => <StaffSessionCard key={d.session.id} detail={d} busy={action.busy} enrolmentsTab={view?.tab} onClose={(x) => close(x.session.id, x.session.name)} />}
        />
      </View>
    </Page>
  )
}

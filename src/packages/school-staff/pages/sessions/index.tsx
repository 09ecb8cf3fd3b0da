import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { confirm } from '@/ui/feedback'
import { staffSessionActions, useStaffSessionList } from '@/packages/school-staff/hooks/useStaffSessions'
import { StaffSessionCard } from './components/StaffSessionCard'

/** Staff: the 四点钟学校 sessions of their communities; 新建班次; 服务站志愿者; each card links to its management pages. */
export default function StaffSessionsPage() {
  const list = useStaffSessionList()
  useListPage(list, true)
  const action = useAction()
  const close = (id: string, name: string) =>
    void action.run(async () => ((await confirm('截止报名', `「${name}」截止后不再接受新的报名。`, '截止报名')) ? staffSessionActions.close(id) : SKIP), {
      done: '已截止报名',
      then: () => list.refresh(),
    })
  return (
    <Page>
      <View className='hm-wrap'>
        <Button className='hm-btn' onClick={() => go(ROUTES.staffSchoolSessionEdit)}>
          新建班次
        </Button>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.staffSchoolStation)}>
          服务站志愿者
        </Button>
      </View>
      <View style={{ marginTop: '16px' }}>
        <ListBody
          list={list}
          emptyText='还没有班次，先新建一个吧'
          renderItem={(d) => <StaffSessionCard key={d.session.id} detail={d} busy={action.busy} onClose={(x) => close(x.session.id, x.session.name)} />}
        />
      </View>
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActivityCard } from '@/contracts/elder/activities'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { tapA11y } from '@/components/tapA11y'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { useElderActivities } from '@/packages/elder-staff/hooks/useElderActivities'

const TABS = [
  { key: 'active', label: '进行中' },
  { key: 'archived', label: '已归档' },
] as const

function ActivityRow({ a }: { a: ActivityCard }) {
  return (
    <View className='hm-card' data-testid='elder-activity-card' onClick={() => go(`${ROUTES.staffElderActivity}?id=${encodeURIComponent(a.id)}`)} {...tapA11y('link')}>
      <Text className='hm-h2 hm-block'>{a.title}</Text>
      <Text className='hm-sub hm-block'>
        {a.category} · 带领：{a.host}
      </Text>
      <Text className='hm-text hm-block'>{a.summary}</Text>
    </View>
  )
}

/** Staff: the elder activities of their communities; 新建; the week's poster; tap one to manage its occurrences. */
export default function ElderActivitiesPage() {
  const [status, setStatus] = useState<'active' | 'archived'>('active')
  const list = useElderActivities(status)
  useListPage(list, true)
  return (
    <Page>
      <Button className='hm-btn' onClick={() => go(ROUTES.staffElderActivity)}>
        新建活动
      </Button>
      <View className='hm-wrap'>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffElderPoster}?week=this`)}>
          打印本周海报
        </Button>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.staffElderCallList)}>
          电话提醒名单
        </Button>
      </View>
      <Tabs tabs={TABS} value={status} onChange={setStatus} label='活动状态' />
      <View style={{ marginTop: '16px' }}>
        <ListBody list={list} emptyText={status === 'active' ? '还没有长者活动，先新建一个吧' : '没有已归档的活动'} renderItem={(a) => <ActivityRow key={a.id} a={a} />} />
      </View>
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ProjectView } from '@/contracts/volunteer'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { tapA11y } from '@/components/tapA11y'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { useProjects } from '@/packages/volunteer-staff/hooks/useProjects'

const TABS = [
  { key: 'active', label: '进行中' },
  { key: 'archived', label: '已归档' },
] as const

function ProjectRow({ p }: { p: ProjectView }) {
  return (
    <View className='hm-card' data-testid='project-card' onClick={() => go(`${ROUTES.staffProject}?id=${encodeURIComponent(p.id)}`)} {...tapA11y('link')}>
      <Text className='hm-h2 hm-block'>{p.title}</Text>
      <Text className='hm-sub hm-block'>
        {p.serviceType} · {p.communityName}
      </Text>
      <Text className='hm-text hm-block'>地点：{p.place.name}</Text>
    </View>
  )
}

/** Staff: the service projects of their communities; a new one; tap one to publish and manage its slots. */
export default function ProjectsPage() {
  const [status, setStatus] = useState<'active' | 'archived'>('active')
  const list = useProjects(status)
  useListPage(list, true)
  return (
    <Page>
      <Button className='hm-btn' onClick={() => go(ROUTES.staffProject)}>
        新建服务项目
      </Button>
      <Button className='hm-btn' onClick={() => go(ROUTES.staffVolunteerStats)}>
        志愿服务统计
      </Button>
      <Tabs tabs={TABS} value={status} onChange={setStatus} label='项目状态' />
      <View style={{ marginTop: '16px' }}>
        <ListBody list={list} emptyText={status === 'active' ? '还没有服务项目，先新建一个吧' : '没有已归档的项目'} renderItem={(p) => <ProjectRow key={p.id} p={p} />} />
      </View>
    </Page>
  )
}

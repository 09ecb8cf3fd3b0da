import { View } from '@tarojs/components'
import { useState } from 'react'
import type { SessionScope } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { useSessionBrowse } from '@/packages/school/hooks/useSchoolSessions'
import { SessionCard } from './components/SessionCard'

const SCOPES: { key: SessionScope; label: string }[] = [
  { key: 'community', label: '本社区' },
  { key: 'district', label: '全区' },
]

/** 四点钟学校: the sessions of my community or the district (open first); 我的孩子 and 我的报名 on top. */
export default function SchoolSessionsPage() {
  const [scope, setScope] = useState<SessionScope>('community')
  const list = useSessionBrowse(scope)
  useListPage(list, true)
  return (
    <Page>
      <View className='hm-wrap'>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.schoolChildren)}>
          我的孩子
        </Button>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.schoolFamily)}>
          我的报名
        </Button>
      </View>
      <Tabs tabs={SCOPES} value={scope} onChange={setScope} label='范围' />
      <View style={{ marginTop: '16px' }}>
        <ListBody
          list={list}
          emptyText={scope === 'community' ? '本社区暂时没有四点钟学校班次，可以看看全区' : '全区暂时没有四点钟学校班次'}
          renderItem={(s) => <SessionCard key={s.id} session={s} onOpen={(x) => go(`${ROUTES.schoolSession}?id=${encodeURIComponent(x.id)}`)} />}
        />
      </View>
    </Page>
  )
}

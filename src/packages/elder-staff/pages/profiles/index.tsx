import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ElderStaffProfileView } from '@/contracts'
import { Button } from '@/components/Button'
import { CommunityChips } from '@/components/CommunityChips'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { confirm } from '@/ui/feedback'
import { staffProfileActions, useStaffProfiles } from '@/packages/elder-staff/hooks/useElderProfilesStaff'
import { StaffProfileForm } from './components/StaffProfileForm'

/**
 * Staff: the community's managed elders — family ones (with who manages them) and staff-managed ones — add a
 * staff-managed elder, and, opened from an occurrence (?activityId=&day=), sign one up for it (代报名).
 */
export default function StaffProfilesPage() {
  const { params } = useRouter()
  const activityId = params?.activityId ? decodeURIComponent(params.activityId) : undefined
  const day = params?.day
  const { communities, communityId, choose } = useCommunityChoice()
  const list = useStaffProfiles(communityId)
  useListPage(list, true)
  const action = useAction()
  const [adding, setAdding] = useState(false)

  const signUp = (p: ElderStaffProfileView) =>
    void action.run(async () => ((await confirm('代报名', `为 ${p.name} 报名 ${day} 的活动？`, '报名')) ? staffProfileActions.signUpFor(activityId!, day!, p.id) : SKIP), {
      done: '已代报名',
      key: p.id,
    })

  return (
    <Page loading={communities.loading && !communities.data} error={communities.data ? undefined : communities.error} onRetry={communities.refresh}>
      <CommunityChips options={communities.data} value={communityId} onChange={choose} />
      {activityId && day && <Text className='hm-sub hm-block'>为 {day} 的活动代报名：点长者下方的“代报名”。</Text>}
      <ListBody
        list={list}
        emptyText='还没有长者档案'
        renderItem={(p) => (
          <View key={p.id} className='hm-card'>
            <Text className='hm-title hm-block'>{p.name}</Text>
            <Text className='hm-text hm-block'>
              {p.age} 岁 · {p.phone ?? '无电话'}
            </Text>
            <Text className='hm-sub hm-block'>{p.kind === 'staff' ? '工作人员管理（纸质同等）' : `家属管理：${p.managers.join('、')}`}</Text>
            {activityId && day && (
              <Button className='hm-btn' disabled={action.busy} loading={action.busyKey === p.id} onClick={() => signUp(p)}>
                代报名
              </Button>
            )}
          </View>
        )}
      />
      {communityId &&
        (adding ? (
          <StaffProfileForm communityId={communityId} save={staffProfileActions.saveStaffProfile} onSaved={() => (setAdding(false), void list.refresh())} />
        ) : (
          <Button className='hm-btn' onClick={() => setAdding(true)}>
            添加长者
          </Button>
        ))}
    </Page>
  )
}

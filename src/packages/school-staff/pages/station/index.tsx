import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { useStaffCommunities } from '@/hooks/useStaffCommunities'
import { confirm } from '@/ui/feedback'
import { stationActions, useApprovedVolunteers, useStationVolunteers } from '@/packages/school-staff/hooks/useStation'

/**
 * Staff: the volunteers assigned to their community's station (only they see its rosters, names masked), removed
 * with a confirmation; and the community's approved volunteers to assign (the volunteer applications listing).
 */
export default function StationPage() {
  const scope = useStaffCommunities()
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? scope.data?.[0]?.key
  const assigned = useStationVolunteers(communityId)
  const approved = useApprovedVolunteers(communityId)
  useListPage(assigned, true)
  const action = useAction()
  const assignedIds = new Set(assigned.items.map((v) => v.openid))
  const refresh = () => Promise.all([assigned.refresh(), approved.refresh()])
  const assign = (openid: string) => void action.run(() => (communityId ? stationActions.assign(communityId, openid) : Promise.resolve(SKIP)), { done: '已安排', then: refresh, key: openid })
  const remove = (openid: string, name: string) =>
    void action.run(async () => (communityId && (await confirm('移出服务站', `移出后，${name}将不能再查看本站的花名册。`, '移出')) ? stationActions.unassign(communityId, openid) : SKIP), {
      done: '已移出',
      then: refresh,
      key: openid,
    })
  return (
    <Page loading={scope.loading && !scope.data} error={scope.data ? undefined : scope.error} onRetry={scope.refresh}>
      {(scope.data?.length ?? 0) > 1 && <Chips options={scope.data ?? []} value={communityId} onChange={setPicked} label='社区' />}
      <Text className='hm-h2 hm-block'>已安排的志愿者</Text>
      <Text className='hm-sub hm-block'>只有这里的志愿者能查看本站花名册（孩子姓名已遮挡）。</Text>
      <ListBody
        list={assigned}
        emptyText='还没有安排志愿者'
        renderItem={(v) => (
          <View key={v.openid} className='hm-card hm-row' data-testid='station-volunteer'>
            <Text className='hm-text'>
              {v.name}
              {v.number ? `（${v.number}）` : ''}
            </Text>
            <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={() => remove(v.openid, v.name)}>
              移出
            </Button>
          </View>
        )}
      />
      <Text className='hm-h2 hm-block'>本社区审核通过的志愿者</Text>
      <ListBody
        list={approved}
        emptyText='本社区还没有审核通过的志愿者'
        renderItem={(a) => (
          <View key={a.id} className='hm-card hm-row' data-testid='approved-volunteer'>
            <Text className='hm-text'>{a.realName}</Text>
            {assignedIds.has(a.openid) ? (
              <Text className='hm-badge'>已安排</Text>
            ) : (
              <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={() => assign(a.openid)}>
                安排到服务站
              </Button>
            )}
          </View>
        )}
      />
    </Page>
  )
}

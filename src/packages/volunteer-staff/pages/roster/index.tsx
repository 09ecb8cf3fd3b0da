import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { CHECK_PURPOSE_LABELS, type CheckPurpose, type RosterShift } from '@/contracts'
import { ListFooter } from '@/components/ListFooter'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { rosterCheck, useRoster } from '@/packages/volunteer-staff/hooks/useSlotCheckin'
import { go, ROUTES } from '@/routes'
import { confirm } from '@/ui/feedback'
import { RosterHeader } from './components/RosterHeader'
import { ShiftRow } from './components/ShiftRow'

/**
 * Staff: a slot's roster — who signed up, who is checked in, phones for calling — page by page (加载更多), and
 * check-in/check-out for volunteers without a phone (the record says 工作人员代签). Staff only: the server refuses
 * anyone else.
 */
export default function RosterPage() {
  const { params } = useRouter()
  const slotId = params?.slotId ? decodeURIComponent(params.slotId) : undefined
  const { head: r, list, reloadRowOf } = useRoster(slotId)
  useListPage(list, true)
  const action = useAction()

  const onCheck = (s: RosterShift, purpose: CheckPurpose) => {
    const label = CHECK_PURPOSE_LABELS[purpose]
    void action.run(async () => ((await confirm(`代${label}`, `确认为 ${s.name} ${label}？记录会注明由工作人员代签。`, `代${label}`)) ? rosterCheck(slotId!, s.openid, purpose) : SKIP), {
      done: `已代${label}`,
      key: s.openid,
      then: () => reloadRowOf(s.openid),
    })
  }

  return (
    <Page loading={!!slotId && list.loading && !r} error={slotId && !r ? list.error : undefined} onRetry={() => void list.refresh()} empty={!slotId} emptyText='没有找到这个班次'>
      {r && (
        <>
          <RosterHeader r={r} onCode={(purpose) => go(`${ROUTES.staffSlotCode}?slotId=${encodeURIComponent(r.slotId)}&purpose=${purpose}`)} />
          {!list.items.length && !list.hasMore && !list.loading && (
            <View className='hm-card'>
              <Text className='hm-text'>还没有志愿者报名</Text>
            </View>
          )}
          {list.items.map((s) => (
            <ShiftRow key={s.openid} s={s} busy={action.busyKey === s.openid} disabled={action.busy} onCheck={onCheck} />
          ))}
          {(list.items.length > 0 || list.hasMore) && <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={() => void list.loadMore()} />}
          <Text className='hm-sub hm-block'>电话仅供本班次工作人员联系志愿者使用，请勿外传</Text>
        </>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { CHECK_PURPOSE_LABELS, type CheckPurpose, type RosterShift } from '@/contracts'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { rosterCheck, useRoster } from '@/packages/volunteer-staff/hooks/useSlotCheckin'
import { go, ROUTES } from '@/routes'
import { confirm } from '@/ui/feedback'
import { RosterHeader } from './components/RosterHeader'
import { ShiftRow } from './components/ShiftRow'

/**
 * Staff: a slot's roster — who signed up, who is checked in, phones for calling — and check-in/check-out for
 * volunteers without a phone (the record says 工作人员代签). Staff only: the server refuses anyone else.
 */
export default function RosterPage() {
  const { params } = useRouter()
  const slotId = params?.slotId ? decodeURIComponent(params.slotId) : undefined
  const roster = useRoster(slotId)
  const page = useRemotePage(roster, true)
  const action = useAction()
  const r = roster.data

  const onCheck = (s: RosterShift, purpose: CheckPurpose) => {
    const label = CHECK_PURPOSE_LABELS[purpose]
    void action.run(async () => ((await confirm(`代${label}`, `确认为 ${s.name} ${label}？记录会注明由工作人员代签。`, `代${label}`)) ? rosterCheck(slotId!, s.openid, purpose) : SKIP), {
      done: `已代${label}`,
      key: s.openid,
      then: () => roster.refresh(),
    })
  }

  return (
    <Page {...page} loading={!!slotId && page.loading} error={slotId ? page.error : undefined} empty={!slotId} emptyText='没有找到这个班次'>
      {r && (
        <>
          <RosterHeader r={r} onCode={(purpose) => go(`${ROUTES.staffSlotCode}?slotId=${encodeURIComponent(r.slotId)}&purpose=${purpose}`)} />
          {!r.shifts.length && (
            <View className='hm-card'>
              <Text className='hm-text'>还没有志愿者报名</Text>
            </View>
          )}
          {r.shifts.map((s) => (
            <ShiftRow key={s.openid} s={s} busy={action.busyKey === s.openid} disabled={action.busy} onCheck={onCheck} />
          ))}
          <Text className='hm-sub hm-block'>电话仅供本班次工作人员联系志愿者使用，请勿外传</Text>
        </>
      )}
    </Page>
  )
}

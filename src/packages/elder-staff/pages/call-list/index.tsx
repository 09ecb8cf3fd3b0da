import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { SIGNUP_ROLE_LABELS, type ElderCallListLine } from '@/contracts'
import { CommunityChips } from '@/components/CommunityChips'
import { Page } from '@/components/Page'
import { tapA11y } from '@/components/tapA11y'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { formatDay, formatTime } from '@/format/day'
import { useCallList } from '@/packages/elder-staff/hooks/useElderProfilesStaff'

const REASONS: Record<ElderCallListLine['reason'], string> = { staff: '工作人员代报名', unsubscribed: '未订阅提醒', failed: '提醒发送失败' }

/** Staff: 电话提醒名单 — tomorrow's (or ?day=) sign-ups that get no message, with tap-to-call phones. */
export default function CallListPage() {
  const { params } = useRouter()
  const { communities, communityId, choose } = useCommunityChoice()
  const calls = useCallList(communityId, params?.day)
  const page = useRemotePage(calls, true)
  const c = calls.data
  return (
    <Page {...page} loading={page.loading || (communities.loading && !communities.data)}>
      <CommunityChips options={communities.data} value={communityId} onChange={choose} />
      {c && (
        <View>
          <Text className='hm-title hm-block'>{formatDay(c.day)} 电话提醒名单</Text>
          {!c.lines.length && <Text className='hm-text hm-block'>这一天没有需要电话提醒的长者。</Text>}
          {c.lines.map((l) => (
            <View key={`${l.activityId}-${l.name}`} className='hm-card'>
              <Text className='hm-text hm-block'>
                {formatTime(l.startAt)} {l.title}
              </Text>
              <Text className='hm-title hm-block'>{l.name}</Text>
              <Text className='hm-sub hm-block'>{l.reason === 'staff' ? REASONS.staff : `${REASONS[l.reason]} · ${SIGNUP_ROLE_LABELS[l.role]}`}</Text>
              {l.phone ? (
                <View className='hm-row' onClick={() => void Taro.makePhoneCall({ phoneNumber: l.phone! }).catch(() => undefined)} {...tapA11y('button')}>
                  <Text className='hm-link'>拨打 {l.phone}</Text>
                </View>
              ) : (
                <Text className='hm-text hm-block'>未留电话，请上门或联系家属</Text>
              )}
            </View>
          ))}
        </View>
      )}
    </Page>
  )
}

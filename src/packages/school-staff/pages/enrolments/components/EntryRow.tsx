import { Text, View } from '@tarojs/components'
import type { StaffEnrolmentRow } from '@/contracts/school'
import { ENROLMENT_STATUS_LABELS, GENDER_LABELS, GRADE_LABELS } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { formatDayTime } from '@/format/day'

export interface EntryRowProps {
  r: StaffEnrolmentRow
  canRemove: boolean
  busy: boolean
  onRemove: (r: StaffEnrolmentRow) => void
}

/** One child's entry as staff see it: what care needs, the status, 候补第 N 位, the offer's expiry; 移出 with a reason. */
export function EntryRow({ r, canRemove, busy, onRemove }: EntryRowProps) {
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>
        {r.position !== undefined ? `${r.position}. ` : ''}
        {r.name}（{GENDER_LABELS[r.gender]}，{GRADE_LABELS[r.grade]}）
      </Text>
      <Text className='hm-text hm-block'>
        {ENROLMENT_STATUS_LABELS[r.status]} · 报名于 {formatDayTime(r.at)}
      </Text>
      {r.allergy && <Text className='hm-text hm-block'>⚠ 过敏/健康提示：{r.healthNote ?? '有'}</Text>}
      {r.offerExpiresAt && <Text className='hm-text hm-block'>确认截止：{formatDayTime(r.offerExpiresAt)}</Text>}
      {r.reason && <Text className='hm-sub hm-block'>原因：{r.reason}</Text>}
      {canRemove && ['enrolled', 'offered', 'waitlisted'].includes(r.status) && (
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onRemove(r)}>
          移出
        </Button>
      )}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { MyEnrolment } from '@/contracts/school'
import { ENROLMENT_STATUS_LABELS } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { formatDayTime } from '@/format/day'
import { ROUTES, go } from '@/routes'

export interface MyEnrolmentCardProps {
  e: MyEnrolment
  busy: boolean
  onCancel: (e: MyEnrolment) => void
  onAccept: (e: MyEnrolment) => void
  onDecline: (e: MyEnrolment) => void
}

/** Hours and minutes left until `iso` (the offer's window), in words. */
function timeLeft(iso: string, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now
  if (ms <= 0) return '已过期'
  const h = Math.floor(ms / 3600_000)
  const m = Math.floor((ms % 3600_000) / 60_000)
  return h ? `剩余 ${h} 小时 ${m} 分钟` : `剩余 ${m} 分钟`
}

/** One of my children's places in a session: the status, 候补第 N 位, an offer with its time left, and the actions the server allows. */
export function MyEnrolmentCard({ e, busy, onCancel, onAccept, onDecline }: MyEnrolmentCardProps) {
  const can = new Set(e.allowed)
  return (
    <View className='hm-card' role='group' aria-label={`${e.childName}的报名`}>
      <Text className='hm-h2 hm-block'>{e.childName}</Text>
      <Text className='hm-text hm-block'>状态：{ENROLMENT_STATUS_LABELS[e.status]}</Text>
      {e.position !== undefined && <Text className='hm-title hm-block'>候补第 {e.position} 位</Text>}
      {e.offerExpiresAt && (
        <View role='alert'>
          <Text className='hm-text hm-block'>有名额空出，请在 {formatDayTime(e.offerExpiresAt)} 前确认入学</Text>
          <Text className='hm-sub hm-block'>{timeLeft(e.offerExpiresAt)}</Text>
        </View>
      )}
      {e.reason && <Text className='hm-text hm-block'>原因：{e.reason}</Text>}
      {can.has('accept') && (
        <Button className='hm-btn' disabled={busy} onClick={() => onAccept(e)}>
          确认入学
        </Button>
      )}
      {can.has('decline') && (
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onDecline(e)}>
          放弃
        </Button>
      )}
      {e.status === 'enrolled' && (
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.schoolDay}?childId=${encodeURIComponent(e.childId)}`)}>
          到校和接送记录
        </Button>
      )}
      {can.has('cancel') && (
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onCancel(e)}>
          {e.status === 'waitlisted' ? '取消候补' : '取消报名'}
        </Button>
      )}
    </View>
  )
}

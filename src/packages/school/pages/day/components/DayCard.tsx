import { Text, View } from '@tarojs/components'
import { NOT_SESSION_DAY_LABELS, type ChildDayItem } from '@/contracts'
import { WEEKDAY_LABELS, isoWeekdayOf } from '@/contracts/weekdays'
import { Button } from '@/components/Button'
import { formatTime } from '@/format/day'

export interface DayCardProps {
  item: ChildDayItem
  today: string
  busy: boolean
  onLeave: (item: ChildDayItem, action: 'reportLeave' | 'cancelLeave') => void
}

/** What the day's record says, one line each: arrival, pick-up (who), a staff release (who, why), leave, absence. */
function lines(item: ChildDayItem, today: string): string[] {
  const r = item.record
  const out: string[] = []
  if (item.notSessionDay === 'cancelled') out.push(`${NOT_SESSION_DAY_LABELS.cancelled}：${item.cancelledReason ?? ''}`)
  if (r.leave) out.push(`已请假${r.leave.by === 'staff' ? '（工作人员登记）' : ''}${r.leave.reason ? `：${r.leave.reason}` : ''}`)
  if (r.arrivedAt) out.push(`${formatTime(r.arrivedAt)} 到校`)
  if (r.pickedUpAt) out.push(`${formatTime(r.pickedUpAt)} 由 ${r.pickedUpBy?.name ?? ''}（${r.pickedUpBy?.relation ?? ''}）接走`)
  if (r.release) out.push(`${formatTime(r.release.at)} 工作人员 ${r.release.staffName} 电话确认后放行：${r.release.reason}`)
  if (item.absent) out.push('未到校（未请假）')
  if (!out.length) out.push(item.day === today ? '今天还没有到校记录' : item.day > today ? '上课日' : '没有记录')
  return out
}

/** One session day of the child: the session, the record, and 请假 / 取消请假 when the server allows. */
export function DayCard({ item, today, busy, onLeave }: DayCardProps) {
  return (
    <View className='hm-card' data-testid='child-day'>
      <View className='hm-row'>
        <Text className='hm-h2'>
          {item.day.slice(5).replace('-', '月')}日 {WEEKDAY_LABELS[isoWeekdayOf(item.day)]}
          {item.day === today ? '（今天）' : ''}
        </Text>
        <Text className='hm-sub'>
          {item.startTime}–{item.endTime}
        </Text>
      </View>
      <Text className='hm-sub hm-block'>{item.sessionName}</Text>
      {lines(item, today).map((l) => (
        <Text key={l} className='hm-text hm-block'>
          {l}
        </Text>
      ))}
      {item.can.includes('reportLeave') && (
        <Button className='hm-btn hm-btn-inline hm-btn-gray' disabled={busy} onClick={() => onLeave(item, 'reportLeave')}>
          请假
        </Button>
      )}
      {item.can.includes('cancelLeave') && (
        <Button className='hm-btn hm-btn-inline hm-btn-gray' disabled={busy} onClick={() => onLeave(item, 'cancelLeave')}>
          取消请假
        </Button>
      )}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { ALLOCATION_MODE_LABELS, GRADE_LABELS, SESSION_STATUS_LABELS } from '@/contracts/school/rules'
import type { SessionView } from '@/contracts/school/views'
import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import { tapA11y } from '@/components/tapA11y'
import { formatDayTime } from '@/format/day'

export interface SessionCardProps {
  session: SessionView
  onOpen: (s: SessionView) => void
}

/** A session in the families' list: name, term, days and time, grades, places, the window, the mode. */
export function SessionCard({ session: s, onOpen }: SessionCardProps) {
  const left = Math.max(0, s.capacity - s.held)
  return (
    <View className='hm-card' data-testid='session-card' onClick={() => onOpen(s)} {...tapA11y('link')}>
      <View className='hm-row'>
        <Text className='hm-h2'>{s.name}</Text>
        <Text className={`hm-badge ${s.windowOpen ? 'hm-badge-primary' : ''}`}>{s.windowOpen ? '报名中' : SESSION_STATUS_LABELS[s.status]}</Text>
      </View>
      <Text className='hm-sub hm-block'>
        {s.communityName} · {ALLOCATION_MODE_LABELS[s.mode]}
      </Text>
      <Text className='hm-text hm-block'>
        {s.termStart} 至 {s.termEnd}，{s.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、')} {s.startTime}–{s.endTime}
      </Text>
      <Text className='hm-text hm-block'>
        {GRADE_LABELS[s.grades.min]}
        {s.grades.max !== s.grades.min ? `至${GRADE_LABELS[s.grades.max]}` : ''} · 共 {s.capacity} 个名额
        {s.mode === 'first_come' ? `，还剩 ${left} 个${s.waiting ? `，${s.waiting} 人候补` : ''}` : s.waiting ? `，${s.waiting} 个家庭已参加摇号` : ''}
      </Text>
      <Text className='hm-sub hm-block'>
        报名时间：{formatDayTime(s.opensAt)} 至 {formatDayTime(s.closesAt)}
      </Text>
    </View>
  )
}

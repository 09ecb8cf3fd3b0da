import { Text, View } from '@tarojs/components'
import type { SessionView } from '@/contracts/school'
import { ALLOCATION_MODE_LABELS, GRADE_LABELS, PRIORITY_GROUP_LABELS, SESSION_STATUS_LABELS } from '@/contracts/school/rules'
import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import { formatDayTime } from '@/format/day'

/** A session's public facts: term, days, time, grades, places, the window, how places are given, activities. */
export function SessionInfo({ s }: { s: SessionView }) {
  const left = Math.max(0, s.capacity - s.held)
  return (
    <View className='hm-card'>
      <Text className='hm-title hm-block'>{s.name}</Text>
      <Text className='hm-sub hm-block'>
        {s.communityName} · {SESSION_STATUS_LABELS[s.status]} · {ALLOCATION_MODE_LABELS[s.mode]}
      </Text>
      <Text className='hm-text hm-block'>
        学期：{s.termStart} 至 {s.termEnd}
      </Text>
      <Text className='hm-text hm-block'>
        时间：{s.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、')} {s.startTime}–{s.endTime}
      </Text>
      <Text className='hm-text hm-block'>
        年级：{GRADE_LABELS[s.grades.min]}
        {s.grades.max !== s.grades.min ? ` 至 ${GRADE_LABELS[s.grades.max]}` : ''}
      </Text>
      <Text className='hm-text hm-block'>
        名额：{s.capacity} 个
        {s.mode === 'first_come' ? `，已录取 ${s.held}，剩余 ${left}，候补 ${s.waiting} 人` : s.lottery?.drawn ? `，已录取 ${s.held}` : `，已有 ${s.waiting} 个家庭报名摇号`}
      </Text>
      <Text className='hm-text hm-block'>
        报名时间：{formatDayTime(s.opensAt)} 至 {formatDayTime(s.closesAt)}
        {s.windowOpen ? '（报名中）' : ''}
      </Text>
      {s.mode === 'lottery' && s.lottery && <Text className='hm-text hm-block'>摇号公布号码：{s.lottery.announcedNumber}</Text>}
      {s.priorityGroups.length > 0 && <Text className='hm-text hm-block'>优先资格：{s.priorityGroups.map((g) => PRIORITY_GROUP_LABELS[g]).join('、')}</Text>}
      {s.activities.length > 0 && <Text className='hm-text hm-block'>活动：{s.activities.join('、')}</Text>}
      {s.notes && <Text className='hm-text hm-block'>说明：{s.notes}</Text>}
      {s.cancelledDays.map((d) => (
        <Text key={d.day} className='hm-sub hm-block'>
          {d.day} 停课：{d.reason}
        </Text>
      ))}
    </View>
  )
}

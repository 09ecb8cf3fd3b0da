import { Text, View } from '@tarojs/components'
import type { SchoolRoster } from '@/contracts'
import { WEEKDAY_LABELS, isoWeekdayOf } from '@/contracts/weekdays'
import { tapA11y } from '@/components/tapA11y'

export interface DaySwitcherProps {
  r: SchoolRoster
  onDay: (day: string) => void
}

/** The roster's day: the session days before and after, the day itself (今天 when it is), and why it is not a session day. */
export function DaySwitcher({ r, onDay }: DaySwitcherProps) {
  const label = `${r.day.slice(5).replace('-', '月')}日 ${WEEKDAY_LABELS[isoWeekdayOf(r.day)]}${r.day === r.today ? '（今天）' : ''}`
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>{r.sessionName}</Text>
      <Text className='hm-sub hm-block'>
        {r.communityName} · {r.startTime}–{r.endTime}
      </Text>
      <View className='hm-row'>
        {r.prevDay ? (
          <Text className='hm-link' data-testid='roster-prev' onClick={() => onDay(r.prevDay!)} {...tapA11y('button')}>
            ‹ 上一天
          </Text>
        ) : (
          <Text className='hm-sub'> </Text>
        )}
        <Text className='hm-text' data-testid='roster-day'>
          {label}
        </Text>
        {r.nextDay ? (
          <Text className='hm-link' data-testid='roster-next' onClick={() => onDay(r.nextDay!)} {...tapA11y('button')}>
            下一天 ›
          </Text>
        ) : (
          <Text className='hm-sub'> </Text>
        )}
      </View>
      {r.day !== r.today && (
        <Text className='hm-link hm-block' onClick={() => onDay(r.today)} {...tapA11y('button')}>
          回到今天
        </Text>
      )}
      {r.notSessionDay ? (
        <Text className='hm-text hm-block' style={{ color: 'var(--hm-warn)' }}>
          {r.notSessionDayText}
        </Text>
      ) : (
        <Text className='hm-sub hm-block'>
          在读 {r.counts.enrolled} 人 · 请假 {r.counts.onLeave} · 已到 {r.counts.arrived} · 已离校 {r.counts.out}
        </Text>
      )}
    </View>
  )
}

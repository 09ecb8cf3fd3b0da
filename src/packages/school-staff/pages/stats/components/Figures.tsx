import { Text, View } from '@tarojs/components'
import type { AttendanceFigure, SessionStats } from '@/contracts'
import { FigureRow } from '@/components/FigureRow'

/** A rate (0–1) as a percentage, or — when no one was expected. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`
}

function AttendanceRow({ f, label }: { f: AttendanceFigure; label: string }) {
  return <FigureRow label={label} value={`${f.arrived}/${f.expected} 到 · 请假 ${f.onLeave} · ${percent(f.rate)}`} testId='stats-figure' />
}

/** The session's counts, its rate, by week and by day (newest first), and the no-shows. */
export function Figures({ s }: { s: SessionStats }) {
  return (
    <View>
      <View className='hm-card'>
        <Text className='hm-h2 hm-block'>{s.sessionName}</Text>
        <Text className='hm-text hm-block' data-testid='stats-counts'>
          名额 {s.capacity} · 在读 {s.enrolled} · 候补 {s.waitlisted} · 待确认 {s.offered}
        </Text>
        <Text className='hm-text hm-block' data-testid='stats-rate'>
          出勤率 {percent(s.rate)}（已过的上课日，到校 ÷（在读 − 请假））
        </Text>
      </View>
      <View className='hm-card'>
        <Text className='hm-h2 hm-block'>按周</Text>
        {!s.byWeek.length && <Text className='hm-sub hm-block'>还没有已过的上课日</Text>}
        {s.byWeek.map((w) => (
          <AttendanceRow key={w.day} f={w} label={`${w.day.slice(5)} 起一周`} />
        ))}
      </View>
      <View className='hm-card'>
        <Text className='hm-h2 hm-block'>按天</Text>
        {s.byDay.map((d) => (
          <AttendanceRow key={d.day} f={d} label={d.day.slice(5)} />
        ))}
      </View>
      <View className='hm-card'>
        <Text className='hm-h2 hm-block'>未到（未请假）共 {s.noShowDays} 人次</Text>
        {!s.noShows.length && <Text className='hm-sub hm-block'>没有未到的孩子</Text>}
        {s.noShows.map((n) => (
          <View key={n.childId} className='hm-row' data-testid='stats-no-show'>
            <Text className='hm-text'>{n.name}</Text>
            <Text className='hm-text'>
              {n.days} 天 · 最近 {n.lastDay.slice(5)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

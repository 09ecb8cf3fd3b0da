import { Text, View } from '@tarojs/components'
import type { MonthStats } from '@/contracts/volunteer'
import { formatHours } from '@/contracts/volunteer/hours'
import { FigureRow } from '@/components/FigureRow'

/** The month's figures: hours, person-times, volunteers (补录 apart), by service type, and the top volunteers. */
export function MonthFigures({ s }: { s: MonthStats }) {
  return (
    <View>
      <View className='hm-card' data-testid='stats-totals'>
        <Text className='hm-h2'>本月概况</Text>
        <FigureRow label='确认服务时长' value={`${formatHours(s.minutes)} 小时`} testId='stat-hours' />
        <FigureRow label='服务人次' value={`${s.personTimes} 人次`} testId='stat-person-times' />
        <FigureRow label='参与志愿者' value={`${s.volunteers} 人`} testId='stat-volunteers' />
        <FigureRow label='补录（另计）' value={`${formatHours(s.backfillMinutes)} 小时 · ${s.backfillEntries} 条`} testId='stat-backfill' />
      </View>
      <View className='hm-card' data-testid='stats-by-type'>
        <Text className='hm-h2'>按服务类型</Text>
        {s.byType.length ? (
          s.byType.map((t) => <FigureRow key={t.serviceType} label={t.serviceType} value={`${formatHours(t.minutes)} 小时 · ${t.personTimes} 人次`} />)
        ) : (
          <Text className='hm-sub hm-block'>本月还没有确认的服务时长</Text>
        )}
      </View>
      <View className='hm-card' data-testid='stats-top'>
        <Text className='hm-h2'>服务时长排行</Text>
        {s.top.length ? (
          s.top.map((v, i) => <FigureRow key={`${v.volunteerNo}-${i}`} label={`${i + 1}. ${v.name}（${v.volunteerNo || '暂无编号'}）`} value={`${formatHours(v.minutes)} 小时`} />)
        ) : (
          <Text className='hm-sub hm-block'>暂无</Text>
        )}
      </View>
    </View>
  )
}

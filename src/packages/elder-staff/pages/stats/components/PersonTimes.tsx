import { Text, View } from '@tarojs/components'
import type { ElderMonthStats } from '@/contracts'
import { FigureRow } from '@/components/FigureRow'

/** A month's person-times (人次): the total, by category (all categories), and by activity. */
export function PersonTimes({ s }: { s: ElderMonthStats }) {
  return (
    <View>
      <View className='hm-card' data-testid='pt-total'>
        <Text className='hm-h2'>本月参加人次</Text>
        <FigureRow label='合计（签到 + 现场参加）' value={`${s.total} 人次`} />
      </View>
      <View className='hm-card' data-testid='pt-by-category'>
        <Text className='hm-h2'>按类别</Text>
        {s.byCategory.map((c) => (
          <FigureRow key={c.category} label={c.category} value={`${c.count} 人次`} />
        ))}
      </View>
      <View className='hm-card' data-testid='pt-by-activity'>
        <Text className='hm-h2'>按活动</Text>
        {s.byActivity.length ? (
          s.byActivity.map((a) => <FigureRow key={a.activityId} label={`${a.title}（${a.category}）`} value={`${a.count} 人次`} />)
        ) : (
          <Text className='hm-sub hm-block'>本月还没有人签到</Text>
        )}
      </View>
    </View>
  )
}

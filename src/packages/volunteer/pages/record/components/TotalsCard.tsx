import { Text, View } from '@tarojs/components'
import type { VolunteerTotals } from '@/contracts/volunteer/ledger'
import { formatHours } from '@/contracts/volunteer/hours'

export interface TotalsCardProps {
  totals: VolunteerTotals
}

const STAR = '★'
const NO_STAR = '☆'

/** My totals: confirmed hours, 补录 apart, this year's; the star level and the progress to the next; always 平台记录. */
export function TotalsCard({ totals }: TotalsCardProps) {
  const { star } = totals
  const stars = STAR.repeat(star.stars) + NO_STAR.repeat(5 - star.stars)
  return (
    <View className='hm-card' data-testid='record-totals'>
      <Text className='hm-h2 hm-block'>服务时长（{totals.wording}）</Text>
      <Text className='hm-text hm-block'>平台确认时长：{formatHours(totals.liveMinutes)} 小时</Text>
      <Text className='hm-text hm-block'>补录时长：{formatHours(totals.backfillMinutes)} 小时（单独统计）</Text>
      <Text className='hm-text hm-block'>
        {totals.year} 年：{formatHours(totals.yearMinutes)} 小时{totals.yearBackfillMinutes ? `，另有补录 ${formatHours(totals.yearBackfillMinutes)} 小时` : ''}
      </Text>
      <Text className='hm-text hm-block' aria-label={`星级 ${star.stars} 星`}>
        星级：{stars} {star.stars ? `${star.stars} 星志愿者` : '暂未达到星级'}
      </Text>
      <Text className='hm-sub hm-block' data-testid='star-progress'>
        {star.nextHours === null ? '已达到最高星级' : `距 ${star.stars + 1} 星（${star.nextHours} 小时）还差 ${star.hoursToNext} 小时，进度 ${Math.floor(star.progress * 100)}%`}
      </Text>
      <Text className='hm-sub hm-block'>以上为平台记录。星级按平台确认时长计算，补录时长单独列出。</Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { WeekActivity, WeekItem } from '@/contracts/elder/activities'
import { tapA11y } from '@/components/tapA11y'
import { ROUTES, go } from '@/routes'

/** Places left in words: 余 N 位 / 已满 / 不限名额 / 无需报名. */
function placesText(o: WeekItem): string {
  if (!o.signupRequired) return '无需报名，直接参加'
  if (o.placesLeft === null) return '不限名额'
  return o.placesLeft > 0 ? `余 ${o.placesLeft} 位` : '已满'
}

/** My status on the occurrence: 我已报名 and/or 已为 X 报名. */
function myStatusText(o: WeekItem): string {
  const parts: string[] = []
  if (o.mine?.self) parts.push('我已报名')
  if (o.mine?.others?.length) parts.push(`已为${o.mine.others.join('、')}报名`)
  return parts.join('，')
}

/** One occurrence as a big row (适老化): time, title, place, host, places left, my status; opens the occurrence. */
export function OccurrenceRow({ item, activity }: { item: WeekItem; activity: WeekActivity | undefined }) {
  const mine = myStatusText(item)
  const open = () => go(`${ROUTES.elderOccurrence}?activityId=${encodeURIComponent(item.activityId)}&day=${item.day}`)
  return (
    <View className='hm-card' data-testid='elder-occurrence' style={{ minHeight: '120px' }} onClick={open} {...tapA11y('link')}>
      <Text className='hm-title hm-block'>
        {item.start}–{item.end} {activity?.title ?? ''}
      </Text>
      <View className='hm-wrap'>
        {item.cancelled && <Text className='hm-badge hm-badge-warn'>本次取消</Text>}
        {item.moved && <Text className='hm-badge hm-badge-warn'>时间或地点已调整</Text>}
        {item.ended && !item.cancelled && <Text className='hm-badge'>已结束</Text>}
        {mine && <Text className='hm-badge hm-badge-ok'>{mine}</Text>}
      </View>
      <Text className='hm-text hm-block'>地点：{item.place}</Text>
      {activity && (
        <Text className='hm-text hm-block'>
          {activity.category} · 带领：{activity.host}
        </Text>
      )}
      {!item.cancelled && <Text className='hm-text hm-block'>{placesText(item)}</Text>}
    </View>
  )
}

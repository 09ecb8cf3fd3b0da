import { Image, Text, View } from '@tarojs/components'
import type { ElderPoster } from '@/contracts'
import { dayHeader, itemLine, POSTER_SCAN_HINT, POSTER_TITLE, weekLine } from './posterText'

/** Occurrences in a week above which the printed days go in two columns (one A4 page holds about 20 lines). */
const DENSE_FROM = 18

/** The poster as laid out for one A4 portrait page: the community, the week, each day's activities in very large type, the code. */
export function PosterSheet({ p }: { p: ElderPoster }) {
  const items = p.days.reduce((n, d) => n + d.items.length, 0)
  return (
    <View className={`elder-poster ${items > DENSE_FROM ? 'elder-poster-dense' : ''}`} data-testid='elder-poster'>
      <Text className='elder-poster-title'>
        {p.communityName} {POSTER_TITLE}
      </Text>
      <Text className='elder-poster-week'>{weekLine(p.from, p.to)}</Text>
      {!p.days.length && <Text className='elder-poster-item'>这一周没有安排活动</Text>}
      <View className='elder-poster-days'>
        {p.days.map((d) => (
          <View key={d.day} className='elder-poster-day'>
            <Text className='elder-poster-dayname'>{dayHeader(d.day)}</Text>
            {d.items.map((i) => (
              <Text key={i.activityId} className={`elder-poster-item ${i.cancelled ? 'elder-poster-cancelled' : ''}`} data-testid='poster-item'>
                {itemLine(i)}
              </Text>
            ))}
          </View>
        ))}
      </View>
      <View className='elder-poster-code'>
        <Image src={p.code.url} className='elder-poster-qr' mode='aspectFit' aria-label='小程序码' />
        <Text className='elder-poster-hint'>{POSTER_SCAN_HINT}</Text>
      </View>
    </View>
  )
}

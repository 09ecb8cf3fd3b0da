import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { WeekDay } from '@/contracts/elder/activities'
import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import { shiftDay } from '@/format/day'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { useMe } from '@/hooks/useMe'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useWeek, type WeekTab } from '@/packages/elder/hooks/useWeek'
import { OccurrenceRow } from './components/OccurrenceRow'

const TABS = [
  { key: 'today', label: '今天' },
  { key: 'this', label: '本周' },
  { key: 'next', label: '下周' },
] as const

/** A day's header: 今天 · 周日 11月29日 / 明天 · 周一 11月30日 / 周三 12月2日. */
function dayTitle(d: WeekDay, today: string): string {
  const date = `${Number(d.day.slice(5, 7))}月${Number(d.day.slice(8, 10))}日`
  const tomorrow = shiftDay(today, 1)
  const near = d.day === today ? '今天 · ' : d.day === tomorrow ? '明天 · ' : ''
  return `${near}${WEEKDAY_LABELS[d.weekday]} ${date}`
}

/** 长者活动: the week's schedule in large type, today first; each row opens the occurrence (报名). */
export default function ElderWeekPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<WeekTab>('this')
  const me = useMe()
  // A link (or the poster's code) may name the community; otherwise mine.
  const communityId = params?.communityId ? decodeURIComponent(params.communityId) : me.data?.communityId
  const week = useWeek(tab, me.loading && !params?.communityId ? null : communityId)
  const page = useRemotePage(week, true)
  const w = week.data
  const days = w?.days.filter((d) => tab !== 'this' || d.items.length || d.day === w.today) ?? []
  const empty = !!w && days.every((d) => !d.items.length)
  return (
    <Page alwaysLarge {...page} loading={page.loading || (me.loading && !w)}>
      <Tabs tabs={TABS} value={tab} onChange={setTab} label='哪一周' />
      {w && empty && (
        <View className='hm-state'>
          <Text className='hm-text'>{tab === 'today' ? '今天没有活动' : tab === 'next' ? '下周还没有活动安排' : '本周接下来没有活动'}</Text>
        </View>
      )}
      {w &&
        !empty &&
        days.map((d) => (
          <View key={d.day} data-testid='elder-day'>
            <Text className='hm-h2 hm-block'>{dayTitle(d, w.today)}</Text>
            {d.items.length ? (
              d.items.map((it) => <OccurrenceRow key={`${it.activityId}_${it.day}`} item={it} activity={w.activities[it.activityId]} />)
            ) : (
              <Text className='hm-sub hm-block'>这一天没有活动</Text>
            )}
          </View>
        ))}
    </Page>
  )
}

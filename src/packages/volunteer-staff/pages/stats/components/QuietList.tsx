import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { VOL_STATS_RULES } from '@/contracts/volunteer/rules'
import type { MonthStats, QuietVolunteer } from '@/contracts/volunteer'
import { Button } from '@/components/Button'
import { useAction } from '@/hooks/useAction'
import { quietPage } from '@/packages/volunteer-staff/hooks/useMonthStats'

/** Volunteers who served here before and not in the last 90 days, the most recently active first, page by page. */
export function QuietList({ s }: { s: MonthStats }) {
  const [more, setMore] = useState<{ items: QuietVolunteer[]; page: number; hasMore: boolean }>()
  const action = useAction()
  useEffect(() => setMore(undefined), [s])
  const items = [...s.quiet.items, ...(more?.items ?? [])]
  const hasMore = more ? more.hasMore : s.quiet.hasMore
  const onMore = () => {
    const page = (more?.page ?? 1) + 1
    void action.run(() => quietPage(s.communityId, s.month, page), { then: (p) => setMore({ items: [...(more?.items ?? []), ...p.items], page, hasMore: p.hasMore }) })
  }
  return (
    <View className='hm-card' data-testid='stats-quiet'>
      <Text className='hm-h2'>{VOL_STATS_RULES.quietDays} 天未参加服务</Text>
      <Text className='hm-sub hm-block'>{s.quietSince} 以来没有服务记录的志愿者，可以电话问候、邀请参加</Text>
      {items.length ? (
        items.map((v, i) => (
          <View key={`${v.volunteerNo}-${i}`} className='hm-row' data-testid='quiet-row'>
            <Text className='hm-text'>
              {v.name}（{v.volunteerNo || '暂无编号'}）
            </Text>
            <Text className='hm-text'>最近 {v.lastServiceDate}</Text>
          </View>
        ))
      ) : (
        <Text className='hm-sub hm-block'>没有长期未参加服务的志愿者</Text>
      )}
      {hasMore && (
        <Button className='hm-btn' disabled={action.busy} loading={action.busy} onClick={onMore}>
          加载更多
        </Button>
      )}
    </View>
  )
}

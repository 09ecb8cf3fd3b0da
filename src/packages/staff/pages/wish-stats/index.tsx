import { Text, View } from '@tarojs/components'
import { WISH_STATUSES } from '@/contracts/wishRules'
import type { WishStats } from '@/contracts/wish'
import { COUNTS_NOTE } from '@/contracts/workbench'
import { FigureRow } from '@/components/FigureRow'
import { Page } from '@/components/Page'
import { WISH_STATUS_LABELS } from '@/contracts/wishRules'
import { useWishStats } from '@/packages/staff/hooks/useWishQueue'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ExportSection } from './components/ExportSection'

/** Days with one decimal, or 暂无数据. */
function days(v: number | null): string {
  return v === null || v === undefined ? '暂无数据' : `${Math.round(v * 10) / 10} 天`
}

/** The medians' footnote: what they were computed over, and whether the cap bound. */
function sampleNote(m: WishStats['medianSample']): string {
  const base = `中位数按近${m.windowDays}天完成的 ${m.size} 个心愿计算`
  return m.capped ? `${base}（完成的心愿较多，只取最近完成的 ${m.size} 个）` : base
}

/** Staff: wish figures for their communities. */
export default function WishStatsPage() {
  const stats = useWishStats()
  const page = useRemotePage(stats)
  const s = stats.data
  return (
    <Page {...page}>
      {s && (
        <View>
          <Text className='hm-sub hm-block'>统计范围：您负责的 {s.communityIds.length} 个社区</Text>
          <Text className='hm-sub hm-block'>{COUNTS_NOTE}</Text>
          <View className='hm-card'>
            <Text className='hm-h2'>各状态心愿数</Text>
            {WISH_STATUSES.map((k) => (
              <FigureRow key={k} label={WISH_STATUS_LABELS[k]} value={s.byStatus?.[k] ?? 0} testId={`stat-${k}`} />
            ))}
          </View>
          <View className='hm-card'>
            <Text className='hm-h2'>完成情况</Text>
            <FigureRow label='近7天完成' value={s.fulfilledLast7Days} />
            <FigureRow label='近30天完成' value={s.fulfilledLast30Days} />
            <FigureRow label='发布到认领（中位数）' value={days(s.medianDaysToClaim)} />
            <FigureRow label='发布到完成（中位数）' value={days(s.medianDaysToFulfil)} />
            <Text className='hm-sub hm-block' data-testid='stat-sample'>
              {sampleNote(s.medianSample)}
            </Text>
          </View>
          <ExportSection />
        </View>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COUNTS_NOTE } from '@/contracts/workbench'
import { CommunityChips } from '@/components/CommunityChips'
import { Page } from '@/components/Page'
import { today } from '@/format/day'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { useMonthStats } from '@/packages/volunteer-staff/hooks/useMonthStats'
import { MonthFigures } from './components/MonthFigures'
import { QuietList } from './components/QuietList'
import { MonthPicker } from '@/components/MonthPicker'

/** Staff: one community's month of volunteer service (志愿服务统计); pull down to refresh. */
export default function VolunteerStatsPage() {
  const { communities, communityId, choose } = useCommunityChoice()
  const thisMonth = today().slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const stats = useMonthStats(!communities.loading, communityId, month)
  const page = useRemotePage(stats)
  const s = stats.data
  return (
    <Page {...page}>
      <CommunityChips options={communities.data} value={communityId} onChange={choose} />
      <MonthPicker value={month} onChange={setMonth} testId='stats-month' />
      <Text className='hm-sub hm-block'>{COUNTS_NOTE}</Text>
      {s && (
        <View>
          <MonthFigures s={s} />
          <QuietList s={s} />
        </View>
      )}
    </Page>
  )
}

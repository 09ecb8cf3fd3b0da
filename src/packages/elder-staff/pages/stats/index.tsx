import { Text } from '@tarojs/components'
import { useState } from 'react'
import { CommunityChips } from '@/components/CommunityChips'
import { Page } from '@/components/Page'
import { today } from '@/format/day'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { useElderMonthStats } from '@/packages/elder-staff/hooks/useOnsite'
import { PersonTimes } from './components/PersonTimes'
import { MonthPicker } from '@/components/MonthPicker'

/** Staff: one community's person-times (人次) of a month, by category and by activity; pull down to refresh. */
export default function ElderStatsPage() {
  const { communities, communityId, choose } = useCommunityChoice()
  const thisMonth = today().slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const stats = useElderMonthStats(!communities.loading, communityId, month)
  const page = useRemotePage(stats)
  const s = stats.data
  return (
    <Page {...page}>
      <CommunityChips options={communities.data} value={communityId} onChange={choose} />
      <MonthPicker value={month} onChange={setMonth} testId='stats-month' />
      {s && <Text className='hm-sub hm-block'>人次每 {s.refreshMinutes} 分钟更新一次，刚签到的可能稍后计入</Text>}
      {s && <PersonTimes s={s} />}
    </Page>
  )
}

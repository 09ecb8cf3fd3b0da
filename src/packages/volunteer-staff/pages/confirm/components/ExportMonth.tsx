import { View } from '@tarojs/components'
import { useState } from 'react'
import type { ExportFile } from '@/contracts'
import { Button } from '@/components/Button'
import { ExportResult } from '@/components/ExportResult'
import { Chips } from '@/components/Chips'
import { CommunityChips } from '@/components/CommunityChips'
import { today } from '@/format/day'
import { useAction } from '@/hooks/useAction'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { exportVolunteerMonth } from '@/packages/volunteer-staff/hooks/useMonthExport'

/** The month before `month` (YYYY-MM). */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** 导出本月服务记录: one community's ledger entries of this month (or last) as a spreadsheet; weapp opens it, h5 links it. */
export function ExportMonth() {
  const { communities, communityId, choose } = useCommunityChoice()
  const thisMonth = today().slice(0, 7)
  const months = [
    { key: thisMonth, label: '本月' },
    { key: previousMonth(thisMonth), label: '上月' },
  ]
  const [month, setMonth] = useState(thisMonth)
  const [file, setFile] = useState<ExportFile>()
  const action = useAction()

  const onExport = () => {
    if (!communityId) return
    setFile(undefined)
    void action.run(() => exportVolunteerMonth(communityId, month), { then: setFile })
  }
  return (
    <View className='hm-card' data-testid='export-month'>
      <CommunityChips options={communities.data} value={communityId} onChange={choose} />
      <Chips label='月份' options={months} value={month} onChange={setMonth} />
      <Button className='hm-btn hm-btn-plain' disabled={!communityId || action.busy} loading={action.busy} onClick={onExport}>
        {month === thisMonth ? '导出本月服务记录' : '导出上月服务记录'}
      </Button>
      <ExportResult file={file} unit='条记录' forwardHint />
    </View>
  )
}

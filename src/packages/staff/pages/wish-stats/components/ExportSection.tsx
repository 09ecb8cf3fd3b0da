import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ExportFile } from '@/contracts'
import { Button } from '@/components/Button'
import { ExportResult } from '@/components/ExportResult'
import { CommunityChips } from '@/components/CommunityChips'
import { today } from '@/format/day'
import { useAction } from '@/hooks/useAction'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { exportWishMonth } from '@/packages/staff/hooks/useStaffTools'
import { MonthPicker } from '@/components/MonthPicker'

/** 导出: a month's wish statistics and closed wishes of one community as a spreadsheet (weapp opens it, h5 links it). */
export function ExportSection() {
  const { communities, communityId, choose } = useCommunityChoice()
  const [month, setMonth] = useState(() => today().slice(0, 7))
  const [file, setFile] = useState<ExportFile>()
  const action = useAction()

  const onExport = () => {
    if (!communityId) return
    setFile(undefined)
    void action.run(() => exportWishMonth(communityId, month), { then: setFile })
  }
  return (
    <View className='hm-card' data-testid='export-section'>
      <Text className='hm-h2'>导出表格</Text>
      <Text className='hm-sub hm-block'>当月统计与已圆满的心愿，Excel 表格</Text>
      <CommunityChips options={communities.data} value={communityId} onChange={choose} />
      <MonthPicker value={month} onChange={setMonth} testId='export-month' />
      <Button className='hm-btn hm-btn-primary' disabled={!communityId || action.busy} loading={action.busy} onClick={onExport}>
        导出
      </Button>
      <ExportResult file={file} unit='条心愿' forwardHint />
    </View>
  )
}

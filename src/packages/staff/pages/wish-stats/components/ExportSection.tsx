import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ExportFile } from '@/contracts'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { today } from '@/format/day'
import { useAction } from '@/hooks/useAction'
import { useStaffCommunities } from '@/hooks/useStaffCommunities'
import { exportWishMonth } from '@/packages/staff/hooks/useStaffTools'
import { MonthPicker } from '@/components/MonthPicker'

/** 导出: a month's wish statistics and closed wishes of one community as a spreadsheet (weapp opens it, h5 links it). */
export function ExportSection() {
  const communities = useStaffCommunities()
  const [chosen, setChosen] = useState<string>()
  const [month, setMonth] = useState(() => today().slice(0, 7))
  const [file, setFile] = useState<ExportFile>()
  const action = useAction()
  const communityId = chosen ?? communities.data?.[0]?.key

  const onExport = () => {
    if (!communityId) return
    setFile(undefined)
    void action.run(() => exportWishMonth(communityId, month), { then: setFile })
  }
  return (
    <View className='hm-card' data-testid='export-section'>
      <Text className='hm-h2'>导出表格</Text>
      <Text className='hm-sub hm-block'>当月统计与已圆满的心愿，Excel 表格</Text>
      {communities.data && communities.data.length > 1 && <Chips label='社区' options={communities.data} value={communityId} onChange={setChosen} />}
      <MonthPicker value={month} onChange={setMonth} testId='export-month' />
      <Button className='hm-btn hm-btn-primary' disabled={!communityId || action.busy} loading={action.busy} onClick={onExport}>
        导出
      </Button>
      {file && process.env.TARO_ENV === 'h5' && (
        <a className='hm-link hm-block' href={file.url} download={file.name} data-testid='export-link'>
          下载 {file.name}（{file.rows} 条心愿）
        </a>
      )}
      {file && process.env.TARO_ENV !== 'h5' && (
        <Text className='hm-sub hm-block'>
          已导出 {file.name}（{file.rows} 条心愿），可在打开的表格右上角转发
        </Text>
      )}
    </View>
  )
}

import { View } from '@tarojs/components'
import { useState } from 'react'
import type { ExportFile } from '@/contracts'
import { Button } from '@/components/Button'
import { ExportResult } from '@/components/ExportResult'
import { useAction } from '@/hooks/useAction'
import { exportMyRecord } from '@/packages/volunteer/hooks/useRecordExport'

/** 导出我的记录: my whole record (平台记录, MCA Order 67's fields) as a spreadsheet; weapp opens it, h5 links it. */
export function ExportRecord() {
  const [file, setFile] = useState<ExportFile>()
  const action = useAction()
  const onExport = () => {
    setFile(undefined)
    void action.run(exportMyRecord, { then: setFile })
  }
  return (
    <View className='hm-card' data-testid='export-record'>
      <Button className='hm-btn hm-btn-plain' disabled={action.busy} loading={action.busy} onClick={onExport}>
        导出我的记录
      </Button>
      <ExportResult file={file} unit='条记录' />
    </View>
  )
}

import { Text } from '@tarojs/components'
import type { ExportFile } from '@/contracts/export'

export interface ExportResultProps {
  /** The spreadsheet just exported; nothing is shown before. */
  file?: ExportFile
  /** What a row is, e.g. 条记录, 条心愿, 行. */
  unit: string
  /** weapp: say how to forward the opened spreadsheet. */
  forwardHint?: boolean
}

/** What an export made: h5 has no document viewer, so a download link; on weapp the file is open already, so a line. */
export function ExportResult({ file, unit, forwardHint = false }: ExportResultProps) {
  if (!file) return null
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='hm-link hm-block' href={file.url} download={file.name} data-testid='export-link'>
        下载 {file.name}（{file.rows} {unit}）
      </a>
    )
  }
  return (
    <Text className='hm-sub hm-block'>
      已导出 {file.name}（{file.rows} {unit}）{forwardHint ? '，可在打开的表格右上角转发' : ''}
    </Text>
  )
}

import type { ExportFile } from '@/contracts'
import { exportAndOpen, exportService } from '@/services/export'

/** 导出我的记录: my record (平台记录) as .xlsx; on weapp the file is then downloaded and opened. */
export function exportMyRecord(): Promise<ExportFile> {
  return exportAndOpen(exportService.volunteerRecord({}))
}

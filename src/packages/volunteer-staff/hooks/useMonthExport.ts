import type { ExportFile } from '@/contracts'
import { exportAndOpen, exportService } from '@/services/export'

/** Staff: one community's month of ledger entries as .xlsx; on weapp the file is then downloaded and opened. */
export function exportVolunteerMonth(communityId: string, month: string): Promise<ExportFile> {
  return exportAndOpen(exportService.volunteerMonth({ communityId, month }))
}

import Taro from '@tarojs/taro'
import type { ExportFile, InputOf } from '@/contracts'
import { call } from './cloud'
import { AppError } from './errors'

/** The export function: spreadsheets written to cloud storage, answered as a fileID and a temporary URL. */
export const exportService = {
  /** Staff: the wish statistics and the wishes closed in one month, for one community. */
  wishMonth: (input: InputOf<'export', 'wishMonth'>) => call('export', 'wishMonth', input),
  /** A volunteer's record (平台记录): my own, or staff's for a volunteer of their community. */
  volunteerRecord: (input: InputOf<'export', 'volunteerRecord'>) => call('export', 'volunteerRecord', input),
  /** Staff: one community's month of volunteer ledger entries. */
  volunteerMonth: (input: InputOf<'export', 'volunteerMonth'>) => call('export', 'volunteerMonth', input),
  /** Staff: a 4 o'clock school session's roster (issue 11 part C). */
  schoolRoster: (input: InputOf<'export', 'schoolRoster'>) => call('export', 'schoolRoster', input),
  /** Staff: a session's month of attendance, child × day. */
  schoolMonth: (input: InputOf<'export', 'schoolMonth'>) => call('export', 'schoolMonth', input),
}

/** Runs an export; on weapp the file is then downloaded and opened (h5 pages link `file.url` instead). */
export async function exportAndOpen(run: Promise<ExportFile>): Promise<ExportFile> {
  const file = await run
  if (process.env.TARO_ENV !== 'h5') await openExportFile(file)
  return file
}

/**
 * weapp: downloads an exported spreadsheet (into the user data folder under its own name, so a forwarded file
 * keeps it) and opens it; `showMenu` lets staff forward it in WeChat. h5 has no document viewer: the page
 * shows a download link to `file.url` instead.
 */
export async function openExportFile(file: ExportFile): Promise<void> {
  const dir = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH
  let filePath: string
  try {
    const res = await Taro.downloadFile({ url: file.url, ...(dir ? { filePath: `${dir}/${file.name}` } : {}) })
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`)
    filePath = (res as { filePath?: string }).filePath || res.tempFilePath
  } catch {
    throw new AppError('NETWORK', '表格下载失败，请检查网络后重试')
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  } catch {
    throw new AppError('INTERNAL', '无法打开表格，请稍后重试')
  }
}

import * as z from 'zod/mini'
import { id } from './common'

/** A calendar month, YYYY-MM (China time). */
export const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'))

/** The `export` function's actions: spreadsheets (.xlsx) written to cloud storage. */
export const exportInputs = {
  /** Staff: the wish statistics and the wishes closed in one month, for one community they serve. */
  wishMonth: z.object({ communityId: id, month }),
  /** A volunteer's record (MCA Order 67's fields, 平台记录): their own (no openid), or staff's for a volunteer of a community they serve. */
  volunteerRecord: z.object({ openid: z.optional(id) }),
  /** Staff: the ledger entries of one community's month (by service date), for one community they serve. */
  volunteerMonth: z.object({ communityId: id, month }),
  /** issue 11 part C. Staff of the session's community: its enrolled children with guardians' phones and pick-up adults. */
  schoolRoster: z.object({ sessionId: id }),
  /** Staff of the session's community: a month's attendance, child × day (到/请假/未到, pick-up times). */
  schoolMonth: z.object({ sessionId: id, month }),
}

/** A spreadsheet written to cloud storage: its fileID and a temporary download URL. */
export interface ExportFile {
  fileID: string
  url: string
  /** The file name shown to the user, e.g. 2026-11-心愿月报-军门社区.xlsx. */
  name: string
  /** Data rows written (the list sheet, without its header). */
  rows: number
}

export interface ExportOutputs {
  wishMonth: ExportFile
  volunteerRecord: ExportFile
  volunteerMonth: ExportFile
  schoolRoster: ExportFile
  schoolMonth: ExportFile
}

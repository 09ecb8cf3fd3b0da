// The volunteer function's statistics (issue 10, part D): one community's month, for its staff, from per-month
// documents the scheduler keeps (cloud/domain/volunteer/stats.ts), never a scan of the ledger.
import * as z from 'zod/mini'
import { id, pageInput, type Page } from '../common'
import { month } from '../export'
import type { ServiceType } from './rules'

export const volunteerStatsInputs = {
  /** Staff: one community's month (default: the current China month; the caller's first community). */
  monthStats: z.object({ communityId: z.optional(id), month: z.optional(month), ...pageInput }),
}

/** A volunteer in the statistics (staff only: name and number, no phone, no birth date, no openid). */
export interface StatsVolunteer {
  name: string
  volunteerNo: string
  minutes: number
}

/** A volunteer who served in the community and not in the last `quietDays` days. */
export interface QuietVolunteer {
  name: string
  volunteerNo: string
  lastServiceDate: string
}

export interface MonthStats {
  communityId: string
  month: string
  /** Confirmed minutes (live, roster and wish), 补录 apart. */
  minutes: number
  /** Person-times: the service entries (corrections excluded). */
  personTimes: number
  /** Distinct volunteers with confirmed minutes in the month. */
  volunteers: number
  backfillMinutes: number
  backfillEntries: number
  byType: { serviceType: ServiceType; minutes: number; personTimes: number }[]
  /** The volunteers with the most confirmed minutes, at most VOL_STATS_RULES.topShown. */
  top: StatsVolunteer[]
  /** Quiet for VOL_STATS_RULES.quietDays days, the most recently active first (paged). */
  quiet: Page<QuietVolunteer>
  quietSince: string
}

export interface VolunteerStatsOutputs {
  monthStats: MonthStats
}

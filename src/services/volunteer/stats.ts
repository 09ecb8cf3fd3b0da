import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The volunteer function's statistics (staff). */
export const statsService = {
  /** One community's month: hours, person-times, volunteers, by type, top, quiet for 90 days (paged). */
  monthStats: (input: InputOf<'volunteer', 'monthStats'>) => call('volunteer', 'monthStats', input),
}

import { elderHandlers } from '../../domain/elder'
import { createMain } from '../../lib/router'

/** Cloud function `elder` (长者活动): the weekly schedule, sign-ups, reminders, on-site check-in, the poster. */
export const main = createMain('elder', elderHandlers)

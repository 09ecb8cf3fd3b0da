import type { Handlers } from '../../lib/router'
import { activitiesHandlers } from './activities'
import { onsiteHandlers } from './onsite'
import { signupsHandlers } from './signups'

/** The `elder` function's handlers: activities and the week; sign-ups and profiles; on site. */
export const elderHandlers: Handlers<'elder'> = { ...activitiesHandlers, ...signupsHandlers, ...onsiteHandlers }

import { userHandlers } from '../../domain/user'
import { createMain } from '../../lib/router'

/** Cloud function `user`: sign-up, profile, volunteer applications, staff grants. */
export const main = createMain('user', userHandlers)

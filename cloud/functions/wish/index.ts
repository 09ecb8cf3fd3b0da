import { wishHandlers } from '../../domain/wish'
import { createMain } from '../../lib/router'

/** Cloud function `wish`: the wish wall — post, review, claim, fulfil, confirm, report, staff queues and statistics. */
export const main = createMain('wish', wishHandlers)

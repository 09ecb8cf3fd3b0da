import { idempotentHandler, type Handlers } from '../../lib/router'
import { schoolMonth, schoolRoster } from './school'
import { volunteerMonth, volunteerRecord } from './volunteer'
import { wishMonth } from './wishMonth'

/**
 * The `export` function's handlers. Each export is idempotent by its log entry in `exports` (its _id comes from
 * the caller and requestId), so the router keeps no generic request record.
 */
export const exportHandlers: Handlers<'export'> = {
  wishMonth: idempotentHandler(wishMonth),
  volunteerRecord: idempotentHandler(volunteerRecord),
  volunteerMonth: idempotentHandler(volunteerMonth),
  schoolRoster: idempotentHandler(schoolRoster),
  schoolMonth: idempotentHandler(schoolMonth),
}

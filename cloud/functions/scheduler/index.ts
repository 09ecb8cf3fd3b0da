import { schoolCounterJobs } from '../../domain/school/counters'
import { enrolmentJobs } from '../../domain/school/enrolment/jobs'
import { elderReminderJob } from '../../domain/elder/signups/reminders'
import { elderCounterJobs } from '../../domain/elder/counters'
import { checkinJobs } from '../../domain/volunteer/checkin/jobs'
import { volunteerCounterJobs } from '../../domain/volunteer/counters'
import { volunteerStatsJobs } from '../../domain/volunteer/stats'
import { volunteerSlotJobs } from '../../domain/volunteer/slots/jobs'
import { wishJobs } from '../../domain/wish/jobs'
import { purgeRequestsJob } from '../../lib/idempotency'
import { defineJobs } from '../../lib/jobs'
import { createTimerMain } from '../../lib/router'

/** Cloud function `scheduler`: the one timer trigger (config.json, every minute); runs every domain's due jobs. */
export const main = createTimerMain(
  defineJobs([
    ...wishJobs,
    ...volunteerSlotJobs,
    ...checkinJobs,
    ...volunteerCounterJobs,
    ...volunteerStatsJobs,
    ...schoolCounterJobs,
    ...enrolmentJobs,
    elderReminderJob,
    ...elderCounterJobs,
    purgeRequestsJob,
  ]),
)

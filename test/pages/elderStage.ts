// The elder page tests' staging: an activity of 军门社区 made by its staff through the real saveActivity, and the days
// its weekly rule falls on.
import type { Backend } from './backend'
import { addDays } from '../../cloud/lib/dates'
import { isoWeekdayOf } from '../../src/contracts/weekdays'
import { chinaToday, inDays } from '../clock'

/** The Monday after today (China's day). */
export const nextMonday = () => addDays(chinaToday(), 8 - isoWeekdayOf(chinaToday()))

/** Every Monday and Wednesday from today, 09:30 for an hour, 20 places, sign-up required. */
export const WEEKLY_RULE = {
  kind: 'weekly' as const,
  weekdays: [1, 3] as (1 | 3)[],
  from: inDays(0),
  startTime: '09:30',
  durationMin: 60,
  place: '服务站一楼活动室',
  capacity: 20,
  signupRequired: true,
}

/** An activity of 军门社区 (老年合唱团) made by its staff through saveActivity; `over` and `rule` change its fields. */
export async function stageActivity(b: Backend, over: Record<string, unknown> = {}, rule: Record<string, unknown> = {}) {
  return b.call('demo-staff', 'elder', 'saveActivity', {
    communityId: 'junmen',
    title: '老年合唱团',
    category: '文娱',
    host: '王秀兰老师',
    description: '一起唱老歌。',
    rule: { ...WEEKLY_RULE, ...rule },
    ...over,
  } as never)
}

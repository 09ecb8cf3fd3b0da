import Taro from '@tarojs/taro'
import type { InputOf, PosterWeek } from '@/contracts'
import { call } from '../cloud'

/** The elder function's on-site part (part C): the roster, check-in, walk-ins, the occurrence's code, person-times, the poster. */
export const onsiteService = {
  /** Staff: an occurrence's sign-ups (names, who signed them up, checked in or not) and walk-ins. */
  roster: (activityId: string, day: string) => call('elder', 'roster', { activityId, day }),
  /** Staff: tick a sign-up as checked in. */
  checkIn: (input: InputOf<'elder', 'checkIn'>) => call('elder', 'checkIn', input),
  /** Staff: someone who came without signing up, by name or a managed profile. */
  addWalkIn: (input: InputOf<'elder', 'addWalkIn'>) => call('elder', 'addWalkIn', input),
  /** Staff: the community's managed profiles to pick a walk-in from (names only). */
  walkInProfiles: (communityId: string, page = 1) => call('elder', 'walkInProfiles', { communityId, page }),
  /** Staff: the occurrence's mini-program code (签到码). */
  occurrenceCode: (activityId: string, day: string) => call('elder', 'occurrenceCode', { activityId, day }),
  /** The elder or family member who scanned the code checks in. */
  scanCheckIn: (scene: string) => call('elder', 'scanCheckIn', { scene }),
  /** Staff: a month's person-times by category and activity. */
  monthStats: (input: InputOf<'elder', 'monthStats'>) => call('elder', 'monthStats', input),
  /** Staff: the printable week. */
  poster: (week: PosterWeek, communityId?: string) => call('elder', 'poster', { week, ...(communityId ? { communityId } : {}) }),
}

/** weapp: the poster's code (a temporary URL of cloud storage) as a local file the canvas can draw. */
export async function downloadCodeFile(url: string): Promise<string> {
  const res = await Taro.downloadFile({ url })
  if (res.statusCode !== 200) throw new Error('小程序码下载失败，请重试')
  return res.tempFilePath
}

import type { TrainingTag } from '@/contracts/volunteer/rules'
import { useRemote } from '@/hooks/useRemote'
import { volunteerSlotsService as svc } from '@/services/volunteer/slots'

/** Staff: a volunteer's record (name, number, training tags). */
export function useVolunteerRecord(openid: string | undefined) {
  return useRemote(() => (openid ? svc.volunteerRecord(openid) : Promise.reject(new Error('no openid'))), [openid])
}

/** Staff: records the trainings a volunteer holds (the whole set). */
export function saveTrainingTags(openid: string, tags: TrainingTag[]) {
  return svc.setTrainingTags(openid, tags)
}

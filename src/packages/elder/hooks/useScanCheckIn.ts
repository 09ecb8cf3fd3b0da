import type { ScanCheckInResult } from '@/contracts'
import { toAppError } from '@/services/cloud'
import { onsiteService } from '@/services/elder/onsite'

/**
 * The elder or family member who scanned the occurrence's code checks in (themselves and the elders they signed
 * up): the result, or the refusal's Chinese message to show in place.
 */
export async function scanCheckIn(scene: string): Promise<{ ok: true; data: ScanCheckInResult } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await onsiteService.scanCheckIn(scene) }
  } catch (e) {
    return { ok: false, message: toAppError(e).message }
  }
}

import Taro from '@tarojs/taro'
import { CHECKIN_MESSAGES, parseSlotCodePayload, type CheckPurpose, type CheckResult, type MyCheckin } from '@/contracts'
import { useRemote } from '@/hooks/useRemote'
import { AppError } from '@/services/errors'
import { checkinService } from '@/services/volunteer/checkin'

/** Stops a check-in quietly (the volunteer closed the scanner). */
export const CANCELLED = Symbol('cancelled')

/** My shift on a slot, for the check-in page. */
export function useMyCheckin(slotId: string | undefined) {
  return useRemote<MyCheckin | undefined>(() => (slotId ? checkinService.myCheckin(slotId) : Promise.resolve(undefined)), [slotId])
}

/** Checks in or out by the 6 digits (typed, or read from the QR code). */
export function checkByCode(slotId: string, purpose: CheckPurpose, code: string): Promise<CheckResult> {
  const input = { slotId, method: 'code' as const, code }
  return purpose === 'in' ? checkinService.checkIn(input) : checkinService.checkOut(input)
}

/**
 * weapp: scans 签到码 with the camera and checks in or out with its digits. A code of another slot or purpose is
 * refused here with the reason, before any call; closing the scanner stops quietly (CANCELLED).
 */
export async function checkByScan(slotId: string, purpose: CheckPurpose): Promise<CheckResult | typeof CANCELLED> {
  let text: string
  try {
    text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
  } catch {
    return CANCELLED
  }
  const scanned = parseSlotCodePayload(text || '')
  if (!scanned) throw new AppError('INVALID_INPUT', '这不是志愿服务的签到码，请扫描工作人员出示的签到码')
  if (scanned.slotId !== slotId) throw new AppError('INVALID_INPUT', CHECKIN_MESSAGES.codeOtherSlot)
  if (scanned.purpose !== purpose) throw new AppError('INVALID_INPUT', CHECKIN_MESSAGES.codeOtherPurpose[purpose])
  return checkByCode(slotId, purpose, scanned.code)
}

/**
 * Checks in or out by location: the phone's gcj02 position and its accuracy, sent as they are (the server measures
 * the distance). A refused location permission gets a hint to allow it or use the code.
 */
export async function checkByLocation(slotId: string, purpose: CheckPurpose): Promise<CheckResult> {
  let at: Taro.getLocation.SuccessCallbackResult
  try {
    at = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
  } catch {
    throw new AppError('INVALID_INPUT', '没有获取到位置：请在设置中允许使用位置信息，或改用签到码')
  }
  const input = { slotId, method: 'location' as const, lat: at.latitude, lng: at.longitude, accuracy: Math.max(0, Number(at.accuracy) || 0) }
  return purpose === 'in' ? checkinService.checkIn(input) : checkinService.checkOut(input)
}

import { CHECK_METHOD_LABELS, type PairView } from '@/contracts'
import { formatTime } from './day'

/** One pair as a line: "签到 09:02 扫码/签到码 · 签退 11:00 定位（35 米）", or "未签退". */
export function pairLine(p: PairView): string {
  const where = (d?: number) => (d === undefined ? '' : `（距离 ${d} 米）`)
  const inPart = `签到 ${formatTime(p.inAt)} ${CHECK_METHOD_LABELS[p.inBy]}${where(p.inDistanceM)}`
  const outPart = p.outAt && p.outBy ? `签退 ${formatTime(p.outAt)} ${CHECK_METHOD_LABELS[p.outBy]}${where(p.outDistanceM)}` : '未签退'
  return `${inPart} · ${outPart}`
}

import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { ConfirmShift } from '@/contracts/volunteer/ledger'
import { formatHours } from '@/contracts/volunteer/hours'
import { formatTime } from '@/format/day'
import { CHECK_METHOD_LABELS, SHIFT_STATUS_LABELS } from '@/contracts/volunteer/rules'

export interface ShiftRowProps {
  shift: ConfirmShift
  busy: boolean
  /** Confirm this one shift (offered on a flagged shift, which the bulk confirm leaves out). */
  onConfirm: (s: ConfirmShift) => void
  onAdjust: (s: ConfirmShift) => void
  onVoid: (s: ConfirmShift) => void
}

/** One volunteer's shift: the pairs (China time), the computed hours, the status, and what the server allows. */
export function ShiftRow({ shift, busy, onConfirm, onAdjust, onVoid }: ShiftRowProps) {
  const decided = shift.minutes !== undefined
  return (
    <View className='hm-card' data-testid='confirm-shift'>
      <Text className='hm-title hm-block'>
        {shift.name}
        <Text className={`hm-badge ${shift.status === 'checked_out' ? 'hm-badge-warn' : 'hm-badge-ok'}`}>{SHIFT_STATUS_LABELS[shift.status]}</Text>
      </Text>
      {shift.pairs.map((p, i) => (
        <Text key={i} className='hm-sub hm-block'>
          签到 {formatTime(p.inAt)}（{CHECK_METHOD_LABELS[p.inBy]}）{p.outAt ? ` · 签退 ${formatTime(p.outAt)}（${CHECK_METHOD_LABELS[p.outBy ?? 'code']}）` : ' · 未签退'}
        </Text>
      ))}
      <Text className='hm-text hm-block'>
        计算时长：{formatHours(shift.computedMinutes)} 小时{decided ? ` · 确认时长：${formatHours(shift.minutes!)} 小时` : ''}
      </Text>
      {shift.flagged && <Text className='hm-error hm-block'>需复核：{shift.flagged}</Text>}
      {shift.reason && <Text className='hm-sub hm-block'>原因：{shift.reason}</Text>}
      {shift.note && <Text className='hm-sub hm-block'>{shift.note}</Text>}
      {shift.allowed.length > 0 && (
        <View className='hm-wrap'>
          {shift.flagged && shift.allowed.includes('confirm') && (
            <Button className='hm-btn hm-btn-inline' disabled={busy} onClick={() => onConfirm(shift)}>
              复核后确认
            </Button>
          )}
          {shift.allowed.includes('adjust') && (
            <Button className='hm-btn hm-btn-inline' disabled={busy} onClick={() => onAdjust(shift)}>
              调整时长
            </Button>
          )}
          {shift.allowed.includes('void') && (
            <Button className='hm-btn hm-btn-gray hm-btn-inline' disabled={busy} onClick={() => onVoid(shift)}>
              作废
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

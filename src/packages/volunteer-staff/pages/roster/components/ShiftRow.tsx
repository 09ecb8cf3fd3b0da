import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SHIFT_STATUS_LABELS, type CheckPurpose, type RosterShift } from '@/contracts'
import { tapA11y } from '@/components/tapA11y'
import { Button } from '@/components/Button'
import { pairLine } from '@/format/checkin'

export interface ShiftRowProps {
  s: RosterShift
  busy: boolean
  disabled: boolean
  onCheck: (s: RosterShift, purpose: CheckPurpose) => void
}

/** One volunteer on the roster: name, status, pairs, the review flag, the phone (tap to call), and 代签到 / 代签退. */
export function ShiftRow({ s, busy, disabled, onCheck }: ShiftRowProps) {
  return (
    <View className='hm-card' data-testid='roster-row'>
      <View className='hm-row'>
        <Text className='hm-h2'>{s.name}</Text>
        <Text className={`hm-badge ${s.status === 'checked_in' ? 'hm-badge-ok' : ''}`}>{SHIFT_STATUS_LABELS[s.status]}</Text>
      </View>
      {s.phone && (
        <View className='hm-row' onClick={() => void Taro.makePhoneCall({ phoneNumber: s.phone! }).catch(() => undefined)} {...tapA11y('button')}>
          <Text className='hm-text'>电话：{s.phone}</Text>
          <Text className='hm-link'>拨打</Text>
        </View>
      )}
      {s.pairs.map((p) => (
        <Text key={p.inAt} className='hm-sub hm-block'>
          {pairLine(p)}
        </Text>
      ))}
      {s.flagged && (
        <Text className='hm-text hm-block' style={{ color: 'var(--hm-warn)' }}>
          {s.flagged}
        </Text>
      )}
      {s.can.includes('checkIn') && (
        <Button className='hm-btn hm-btn-inline' disabled={busy || disabled} onClick={() => onCheck(s, 'in')}>
          代签到
        </Button>
      )}
      {s.can.includes('checkOut') && (
        <Button className='hm-btn hm-btn-inline hm-btn-gray' disabled={busy || disabled} onClick={() => onCheck(s, 'out')}>
          代签退
        </Button>
      )}
    </View>
  )
}

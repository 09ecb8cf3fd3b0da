import { Text, View } from '@tarojs/components'
import { SIGNUP_ROLE_LABELS, type RosterSignup } from '@/contracts'
import { Button } from '@/components/Button'
import { formatTime } from '@/format/day'

const METHOD_LABELS = { roster: '名单勾选', scan: '扫码', walk_in: '现场' } as const

export interface SignupRowProps {
  s: RosterSignup
  open: boolean
  busy: boolean
  disabled: boolean
  onTick: (s: RosterSignup) => void
}

/** One sign-up as a big row: the name, who signed them up, and 签到 (or when they checked in). */
export function SignupRow({ s, open, busy, disabled, onTick }: SignupRowProps) {
  const cancelled = s.status === 'cancelled'
  return (
    <View className='hm-card' data-testid='roster-row'>
      <View className='hm-row'>
        <Text className='hm-h2'>{s.name}</Text>
        {s.checkedInAt && <Text className='hm-badge hm-badge-ok'>已签到 {formatTime(s.checkedInAt)}</Text>}
        {cancelled && <Text className='hm-badge'>已取消报名</Text>}
      </View>
      <Text className='hm-sub hm-block'>
        {SIGNUP_ROLE_LABELS[s.role]}
        {s.byName && s.role !== 'self' ? ` · ${s.byName}` : ''}
        {s.checkinMethod ? ` · ${METHOD_LABELS[s.checkinMethod]}签到` : ''}
      </Text>
      {!s.checkedInAt && !cancelled && open && (
        <Button className='hm-btn' disabled={busy || disabled} onClick={() => onTick(s)}>
          签到 {s.name}
        </Button>
      )}
    </View>
  )
}

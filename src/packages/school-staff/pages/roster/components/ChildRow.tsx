import { Text, View } from '@tarojs/components'
import { GRADE_LABELS, type RosterAction, type RosterChild } from '@/contracts'
import { Button } from '@/components/Button'
import { formatTime } from '@/format/day'

export interface ChildRowProps {
  c: RosterChild
  busy: boolean
  disabled: boolean
  onAction: (c: RosterChild, action: RosterAction) => void
}

const LABELS: Record<RosterAction, string> = { checkIn: '到校', checkOut: '接走', release: '电话确认后放行', markLeave: '请假', cancelLeave: '取消请假' }

/** One child on the roster: name (masked for volunteers), grade, the allergy flag, the health note (staff), leave, times, and what the viewer may do. */
export function ChildRow({ c, busy, disabled, onAction }: ChildRowProps) {
  const out = c.outAt
    ? `${formatTime(c.outAt)} ${c.pickedUpBy ? `由${c.pickedUpBy.name}（${c.pickedUpBy.relation}）接走` : c.released ? `由${c.released.staffName}放行：${c.released.reason}` : '已离校'}`
    : ''
  return (
    <View className='hm-card' data-testid='school-roster-row'>
      <View className='hm-row'>
        <Text className='hm-h2'>{c.name}</Text>
        <Text className='hm-sub'>{GRADE_LABELS[c.grade]}</Text>
      </View>
      <View className='hm-wrap'>
        {c.allergy && <Text className='hm-badge hm-badge-warn'>过敏/健康提示</Text>}
        {c.leave && <Text className='hm-badge'>{c.leave.by === 'guardian' ? '家长请假' : '已请假'}</Text>}
        {c.arrivedAt && <Text className='hm-badge hm-badge-ok'>{formatTime(c.arrivedAt)} 到校</Text>}
      </View>
      {c.healthNote && <Text className='hm-text hm-block'>健康提示：{c.healthNote}</Text>}
      {c.leave?.reason && <Text className='hm-sub hm-block'>请假原因：{c.leave.reason}</Text>}
      {out && <Text className='hm-text hm-block'>{out}</Text>}
      {c.can.map((a) => (
        <Button key={a} className={`hm-btn hm-btn-inline ${a === 'checkIn' || a === 'checkOut' ? '' : 'hm-btn-gray'}`} disabled={busy || disabled} onClick={() => onAction(c, a)}>
          {LABELS[a]}
        </Button>
      ))}
    </View>
  )
}

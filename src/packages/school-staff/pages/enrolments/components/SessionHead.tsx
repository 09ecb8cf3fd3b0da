import { Text, View } from '@tarojs/components'
import type { SessionView } from '@/contracts/school'
import { ALLOCATION_MODE_LABELS, SESSION_STATUS_LABELS } from '@/contracts/school/rules'
import { formatDayTime } from '@/format/day'

/** The session in one card, as staff manage its places: mode, status, places held and waiting, the window. */
export function SessionHead({ s }: { s: SessionView }) {
  return (
    <View className='hm-card'>
      <Text className='hm-title hm-block'>{s.name}</Text>
      <Text className='hm-sub hm-block'>
        {ALLOCATION_MODE_LABELS[s.mode]} · {SESSION_STATUS_LABELS[s.status]} · 报名截止 {formatDayTime(s.closesAt)}
      </Text>
      <Text className='hm-text hm-block'>
        名额 {s.capacity}，已占 {s.held}（含待确认），{s.mode === 'lottery' && !s.lottery?.drawn ? `摇号报名 ${s.waiting} 户` : `候补 ${s.waiting} 人`}
      </Text>
      {s.lottery && <Text className='hm-text hm-block'>摇号公布号码：{s.lottery.announcedNumber}</Text>}
    </View>
  )
}

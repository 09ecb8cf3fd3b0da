import { Text, View } from '@tarojs/components'
import type { CheckPurpose } from '@/contracts'
import { Button } from '@/components/Button'
import { formatDay } from '@/format/day'
import type { RosterHead } from '@/packages/volunteer-staff/hooks/useSlotCheckin'

export interface RosterHeaderProps {
  r: RosterHead
  onCode: (purpose: CheckPurpose) => void
}

/** The slot, its figures (signed up, checked in now), and the way to 签到码 / 签退码. */
export function RosterHeader({ r, onCode }: RosterHeaderProps) {
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>{r.title}</Text>
      <Text className='hm-text hm-block'>
        {formatDay(r.date)} {r.startTime}–{r.endTime} · {r.placeName}
      </Text>
      <Text className='hm-text hm-block' data-testid='roster-figures'>
        已报名 {r.taken}/{r.headcount} 人，在岗 {r.checkedIn} 人
      </Text>
      <View className='hm-wrap'>
        <Button className='hm-btn hm-btn-inline' onClick={() => onCode('in')}>
          出示签到码
        </Button>
        <Button className='hm-btn hm-btn-inline hm-btn-gray' onClick={() => onCode('out')}>
          出示签退码
        </Button>
      </View>
    </View>
  )
}

import { Image, Text, View } from '@tarojs/components'
import type { ElderRoster, OccurrenceCode } from '@/contracts'
import { Button } from '@/components/Button'
import { formatDay, formatTime } from '@/format/day'

export interface RosterHeadProps {
  r: ElderRoster
  code: OccurrenceCode | undefined
  codeShown: boolean
  codeLoading: boolean
  onCode: () => void
}

/** The occurrence, its figures, and 签到码: the occurrence's mini-program code for elders and families to scan. */
export function RosterHead({ r, code, codeShown, codeLoading, onCode }: RosterHeadProps) {
  const checkedIn = r.signups.filter((s) => s.checkedInAt).length
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>{r.title}</Text>
      <Text className='hm-text hm-block'>
        {formatDay(r.day)} {formatTime(r.startAt)}–{formatTime(r.endAt)} · {r.place}
      </Text>
      {r.cancelled && <Text className='hm-badge hm-badge-warn'>本次活动已取消</Text>}
      <Text className='hm-text hm-block' data-testid='roster-figures'>
        已报名 {r.taken} 人，已签到 {checkedIn} 人，现场参加 {r.walkIns.length} 人，共到场 {r.present} 人
      </Text>
      {!r.checkinOpen && !r.cancelled && <Text className='hm-sub hm-block'>签到时间：活动开始前30分钟起至当天结束</Text>}
      {!r.cancelled && (
        <Button className='hm-btn hm-btn-inline' onClick={onCode} disabled={codeLoading}>
          {codeShown ? '收起签到码' : '签到码'}
        </Button>
      )}
      {codeShown && code && (
        <View data-testid='occurrence-code'>
          <Image src={code.url} style={{ width: '280px', height: '280px' }} mode='aspectFit' aria-label='签到码' />
          <Text className='hm-text hm-block'>请已报名的长者或家属用微信扫码签到</Text>
        </View>
      )}
    </View>
  )
}

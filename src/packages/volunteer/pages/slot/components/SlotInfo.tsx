import { Text, View } from '@tarojs/components'
import type { SlotDetail } from '@/contracts/volunteer'
import { RECORD_WORDING, SHIFT_STATUS_LABELS } from '@/contracts/volunteer/rules'
import { formatHours } from '@/contracts/volunteer/hours'
import { formatDayTime } from '@/format/day'

/** The slot: what, when, where, who to contact, what it requires, places left, and my shift. */
export function SlotInfo({ s }: { s: SlotDetail }) {
  const req = s.requirements
  const needs = [req.minAge ? `年满 ${req.minAge} 周岁` : '', ...req.trainingTags, req.insuranceRequired ? '需意外保险' : ''].filter(Boolean)
  return (
    <View>
      {s.status === 'cancelled' && (
        <View className='hm-card' role='alert' style={{ border: '2px solid var(--hm-warn)' }}>
          <Text className='hm-h2 hm-block'>班次已取消</Text>
          {s.cancelReason && <Text className='hm-text hm-block'>原因：{s.cancelReason}</Text>}
        </View>
      )}
      <View className='hm-card'>
        <Text className='hm-title hm-block'>{s.title}</Text>
        <Text className='hm-sub hm-block'>
          {s.serviceType} · {s.communityName}
        </Text>
        <Text className='hm-text hm-block'>
          时间：{s.date} {s.startTime}–{s.endTime}
        </Text>
        <Text className='hm-text hm-block'>
          计入时长：{formatHours(s.creditMinutes)} 小时（{RECORD_WORDING}）
        </Text>
        <Text className='hm-text hm-block'>地点：{s.place.name}</Text>
        <Text className='hm-text hm-block'>
          名额：{s.taken}/{s.headcount}
          {s.status === 'published' ? `，还剩 ${s.placesLeft} 个` : ''}
        </Text>
        <Text className='hm-text hm-block'>报名截止：{formatDayTime(s.signupCutoffAt)}</Text>
        <Text className='hm-text hm-block'>报名要求：{needs.length ? needs.join('、') : '无'}</Text>
      </View>
      <View className='hm-card'>
        <Text className='hm-label hm-block'>服务内容</Text>
        <Text className='hm-text hm-block'>{s.description}</Text>
      </View>
      {s.contact && (
        <View className='hm-card'>
          <Text className='hm-label hm-block'>联系人</Text>
          <Text className='hm-text hm-block'>
            {s.contact.name} {s.contact.phone}
          </Text>
        </View>
      )}
      {s.mine && (
        <View className='hm-card'>
          <Text className='hm-label hm-block'>我的报名</Text>
          <Text className='hm-text hm-block'>状态：{SHIFT_STATUS_LABELS[s.mine.status]}</Text>
          {s.mine.flagged && <Text className='hm-text hm-block'>待核实：{s.mine.flagged}</Text>}
        </View>
      )}
    </View>
  )
}

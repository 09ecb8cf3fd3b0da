import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OfferCallList } from '@/contracts/school'
import { SCHOOL_LIMITS } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { formatDayTime } from '@/format/day'

export interface SessionToolsProps {
  capacity: number
  held: number
  canDraw: boolean
  canSetCapacity: boolean
  busy: boolean
  calls?: OfferCallList
  onCapacity: (capacity: number) => void
  onDraw: () => void
  onCallList: () => void
}

/** 增加名额, 开始摇号 and the offer call list (待确认的家长电话). */
export function SessionTools({ capacity, held, canDraw, canSetCapacity, busy, calls, onCapacity, onDraw, onCallList }: SessionToolsProps) {
  const [value, setValue] = useState(String(capacity))
  const n = Number(value)
  const error = value && (!Number.isInteger(n) || n < Math.max(1, held) || n > SCHOOL_LIMITS.capacity) ? `名额应在 ${Math.max(1, held)}–${SCHOOL_LIMITS.capacity} 之间` : undefined
  return (
    <View>
      {canSetCapacity && (
        <View className='hm-card'>
          <TextField label='名额（增加后自动给候补发出名额）' value={value} onInput={setValue} type='number' error={error} />
          <Button className='hm-btn' disabled={busy || !!error || !value || n === capacity} onClick={() => onCapacity(n)}>
            保存名额
          </Button>
        </View>
      )}
      {canDraw && (
        <Button className='hm-btn' disabled={busy} onClick={onDraw}>
          开始摇号
        </Button>
      )}
      <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={onCallList}>
        待确认名额的电话名单
      </Button>
      {calls && (
        <View className='hm-card'>
          <Text className='hm-label hm-block'>待确认的候补名额（请电话提醒家长）</Text>
          {calls.items.length === 0 && <Text className='hm-sub hm-block'>目前没有待确认的名额</Text>}
          {calls.items.map((c) => (
            <Text key={c.childId} className='hm-text hm-block'>
              {c.name}：{c.phone}，{formatDayTime(c.expiresAt)} 前确认
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyChildOption, SessionDetail } from '@/contracts/school'
import { GRADE_LABELS, PRIORITY_GROUP_LABELS, type PriorityGroup } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { CheckChip, Chips } from '@/components/Chips'

export interface EnrolFormProps {
  d: SessionDetail
  busy: boolean
  onEnrol: (childId: string) => void
  onEnterLottery: (childIds: string[], claim?: PriorityGroup) => void
}

/** Which of my children may apply: the grade fits, and not yet in the session. */
function candidates(d: SessionDetail): MyChildOption[] {
  const taken = new Set(d.mine.map((m) => m.childId))
  return d.children.filter((c) => c.fits && !taken.has(c.id))
}

/** 报名 (pick one of my children) or 参加摇号 (tick my children who apply, and an optional priority claim). */
export function EnrolForm({ d, busy, onEnrol, onEnterLottery }: EnrolFormProps) {
  const list = candidates(d)
  const [picked, setPicked] = useState<string>(list[0]?.id ?? '')
  const [ticked, setTicked] = useState<string[]>(list.map((c) => c.id))
  const [claim, setClaim] = useState<PriorityGroup | ''>('')
  const label = (c: MyChildOption) => `${c.name}（${GRADE_LABELS[c.grade]}）`
  if (d.allowed.includes('enrol'))
    return (
      <View className='hm-card'>
        <Text className='hm-label hm-block'>为哪个孩子报名</Text>
        <Chips options={list.map((c) => ({ key: c.id, label: label(c) }))} value={picked} onChange={setPicked} label='选择孩子' />
        <Text className='hm-sub hm-block'>先到先得：有空余名额直接录取，名额已满则进入候补。</Text>
        <Button className='hm-btn' loading={busy} disabled={busy || !picked} onClick={() => onEnrol(picked)}>
          报名
        </Button>
      </View>
    )
  if (!d.allowed.includes('enterLottery')) return null
  const groups = d.session.priorityGroups
  return (
    <View className='hm-card'>
      <Text className='hm-label hm-block'>参加摇号的孩子（兄弟姐妹同进同退）</Text>
      <View className='hm-wrap'>
        {list.map((c) => (
          <CheckChip key={c.id} checked={ticked.includes(c.id)} onChange={(on) => setTicked(on ? [...ticked, c.id] : ticked.filter((x) => x !== c.id))}>
            {label(c)}
          </CheckChip>
        ))}
      </View>
      {groups.length > 0 && (
        <View>
          <Text className='hm-label hm-block'>优先资格（截止后由工作人员核实，未核实按普通家庭摇号）</Text>
          <Chips options={[{ key: '' as const, label: '不申请' }, ...groups.map((g) => ({ key: g, label: PRIORITY_GROUP_LABELS[g] }))]} value={claim} onChange={setClaim} label='优先资格' />
        </View>
      )}
      <Button className='hm-btn' loading={busy} disabled={busy || !ticked.length} onClick={() => onEnterLottery(ticked, claim || undefined)}>
        参加摇号
      </Button>
    </View>
  )
}

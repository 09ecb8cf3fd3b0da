import { Text, View } from '@tarojs/components'
import type { ChildView } from '@/contracts/school/children'
import { GENDER_LABELS, GRADE_LABELS } from '@/contracts/school/rules'
import { tapA11y } from '@/components/tapA11y'

export interface ChildRowProps {
  child: ChildView
  onOpen: (c: ChildView) => void
}

/** One of my children: name, grade, school, pick-up adults and guardians. */
export function ChildRow({ child: c, onOpen }: ChildRowProps) {
  return (
    <View className='hm-card' data-testid='child-card' onClick={() => onOpen(c)} {...tapA11y('link')}>
      <Text className='hm-h2 hm-block'>{c.name}</Text>
      <Text className='hm-sub hm-block'>
        {GENDER_LABELS[c.gender]} · {GRADE_LABELS[c.grade]} · {c.school}
      </Text>
      <Text className='hm-text hm-block'>
        接送人 {c.pickups.length} 位 · 监护人 {c.guardians} 位{c.healthNote ? ' · 有健康提示' : ''}
      </Text>
    </View>
  )
}

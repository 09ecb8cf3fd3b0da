import { Picker, Text, View } from '@tarojs/components'
import { MAX_NEEDED_BY_DAYS, WISH_CATEGORIES } from '@/contracts/wish'
import { Chips } from '@/components/Chips'
import { Link } from '@/components/Link'
import { daysFromToday, formatDay, today } from '@/format/day'
import type { SectionProps } from './fields'

const CATEGORIES = WISH_CATEGORIES.map((c) => ({ key: c, label: c }))

/** The category, and the optional needed-by date (today up to MAX_NEEDED_BY_DAYS ahead). */
export function CategoryFields({ values, set, errors }: SectionProps) {
  const { category, neededBy } = values
  return (
    <View className='hm-card'>
      <Text className='hm-label'>心愿类别</Text>
      <Chips options={CATEGORIES} value={category} onChange={(c) => set('category', c)} label='心愿类别' />
      {errors.category && <Text className='hm-error'>{errors.category}</Text>}
      <View className='hm-field'>
        <Text className='hm-label'>希望完成日期（可不选）</Text>
        <Picker mode='date' value={neededBy || daysFromToday(14)} start={today()} end={daysFromToday(MAX_NEEDED_BY_DAYS)} onChange={(e) => set('neededBy', String(e.detail.value))}>
          <View className='hm-picker' aria-label='希望完成日期'>
            <Text>{neededBy ? formatDay(neededBy) : '不限'}</Text>
            <Text className='hm-sub'>选择 ›</Text>
          </View>
        </Picker>
        {neededBy && (
          <Link role='button' onClick={() => set('neededBy', undefined)}>
            清除日期
          </Link>
        )}
        {errors.neededBy && <Text className='hm-error'>{errors.neededBy}</Text>}
      </View>
    </View>
  )
}

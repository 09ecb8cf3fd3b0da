import { Input, Text, View } from '@tarojs/components'
import { HONORIFICS, WISH_LIMITS } from '@/contracts/wish'
import { Chips } from '@/components/Chips'
import type { SectionProps } from './fields'

const STYLES = [
  { key: 'surname', label: '姓氏+称呼' },
  { key: 'anonymous', label: '匿名' },
] as const
const TITLES = HONORIFICS.map((h) => ({ key: h, label: h }))

/** How the wisher is named on the wall: surname and honorific, or anonymous; with a preview. */
export function NameFields({ values, set, errors }: SectionProps) {
  const { nameStyle, surname, honorific } = values
  const shownName = nameStyle === 'anonymous' ? '匿名居民' : `${surname.trim() || '□'}${honorific}`
  return (
    <View className='hm-card'>
      <Text className='hm-label'>公开显示的称呼</Text>
      <Chips options={STYLES} value={nameStyle} onChange={(k) => set('nameStyle', k)} label='称呼方式' />
      {nameStyle === 'surname' && (
        <View>
          <Input className='hm-input' placeholder='您的姓氏，例如：林' maxlength={WISH_LIMITS.surname} value={surname} onInput={(e) => set('surname', e.detail.value)} aria-label='姓氏' />
          {errors.surname && <Text className='hm-error'>{errors.surname}</Text>}
          <View style={{ marginTop: '16px' }}>
            <Chips options={TITLES} value={honorific} onChange={(h) => set('honorific', h)} label='称呼' />
          </View>
        </View>
      )}
      <Text className='hm-sub hm-block'>心愿墙上显示为：{shownName}</Text>
    </View>
  )
}

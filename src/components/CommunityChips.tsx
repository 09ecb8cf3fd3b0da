import { Text, View } from '@tarojs/components'
import { Chips } from './Chips'

export interface CommunityChipsProps {
  /** The staff member's communities (`useCommunityChoice().communities.data`). */
  options?: readonly { key: string; label: string }[]
  value?: string
  onChange: (communityId: string) => void
  /** In a card with this title above the chips (a form's 所属社区). */
  title?: string
  /** In a card without a title. */
  framed?: boolean
}

/** The community a staff page or form works on, as chips: shown only when there is a choice (two or more). */
export function CommunityChips({ options, value, onChange, title, framed }: CommunityChipsProps) {
  if (!options || options.length < 2) return null
  const chips = <Chips label={title ?? '社区'} options={options} value={value ?? ''} onChange={onChange} />
  if (!title && !framed) return chips
  return (
    <View className='hm-card'>
      {title && <Text className='hm-label'>{title}</Text>}
      {chips}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { Button } from './Button'

export interface FormFooterProps {
  /** The form-wide error (a refusal not tied to one field). */
  error?: string
  busy: boolean
  /** The save button's text, e.g. 保存活动. */
  saveText: string
  onSave: () => void
  /** Editing: leave without saving (取消编辑). */
  onCancel?: () => void
}

/** The end of an edit form: its error, the save button, and 取消编辑 when editing. */
export function FormFooter({ error, busy, saveText, onSave, onCancel }: FormFooterProps) {
  return (
    <View>
      {error && <Text className='hm-error hm-block'>{error}</Text>}
      <Button className='hm-btn' loading={busy} disabled={busy} onClick={onSave}>
        {saveText}
      </Button>
      {onCancel && (
        <Button className='hm-btn hm-btn-plain' onClick={onCancel}>
          取消编辑
        </Button>
      )}
    </View>
  )
}

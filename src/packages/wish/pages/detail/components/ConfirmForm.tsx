import { Text, View } from '@tarojs/components'
import { WISH_LIMITS, wishInputs } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { wishActions } from '@/packages/wish/hooks/useWish'
import { afterSubmit, type DetailFormProps } from './formProps'

/** The wisher (or staff for them) confirms the wish fulfilled, with an optional public thank-you. */
export function ConfirmForm(props: DetailFormProps) {
  const { w, onCancel } = props
  const f = useFormSubmit(wishInputs.confirm, { thanks: '' })
  const onSubmit = () => {
    const thanks = f.values.thanks.trim()
    f.submit({ wishId: w.id, ...(thanks ? { thanks } : {}) }, (d) => wishActions.confirm(d.wishId, d.thanks), afterSubmit(props, '已确认完成'))
  }
  return (
    <View className='hm-card' data-testid='confirm-form'>
      <Text className='hm-h2'>{w.viewer.isWisher ? '确认心愿已完成' : '代心愿人确认完成'}</Text>
      <TextField
        label='想对帮忙的人说句感谢吗？（可不填，会公开显示）'
        name='感谢的话'
        multiline
        placeholder='例如：谢谢小王，门修好了！'
        maxlength={WISH_LIMITS.thanks}
        value={f.values.thanks}
        onInput={(v) => f.set('thanks', v)}
        error={f.errors.thanks}
      />
      <Button className='hm-btn' disabled={f.busy} loading={f.busy} onClick={onSubmit}>
        确认完成
      </Button>
      <Button className='hm-btn hm-btn-gray' disabled={f.busy} onClick={onCancel}>
        返回
      </Button>
    </View>
  )
}

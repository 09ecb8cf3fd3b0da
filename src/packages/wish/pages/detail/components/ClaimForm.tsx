import { Picker, Text, View } from '@tarojs/components'
import { MAX_PROMISE_DAYS, wishInputs } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'
import type { FieldErrors } from '@/forms/validate'
import { daysFromToday, formatDay, today } from '@/format/day'
import { wishActions } from '@/packages/wish/hooks/useWish'
import { afterSubmit, type DetailFormProps } from './formProps'

/**
 * Claim: a promised date (today up to the needed-by date, or without one up to MAX_PROMISE_DAYS ahead), and for
 * staff a unit, required unless they may also claim as a volunteer.
 */
export function ClaimForm(props: DetailFormProps) {
  const { w, onCancel } = props
  const start = today()
  const end = w.neededBy ? (w.neededBy >= start ? w.neededBy : undefined) : daysFromToday(MAX_PROMISE_DAYS)
  const suggested = daysFromToday(7)
  const forUnit = w.viewer.can.includes('claimForUnit')
  const unitRequired = forUnit && !w.viewer.can.includes('claim')
  const f = useFormSubmit(wishInputs.claim, { promisedBy: end && suggested > end ? end : suggested, unitName: '' })
  const { promisedBy, unitName } = f.values

  const onSubmit = () => {
    const unit = forUnit ? unitName.trim() : ''
    const extra = (): FieldErrors => {
      if (end && promisedBy > end) return { promisedBy: `承诺日期不能晚于 ${formatDay(end)}` }
      if (promisedBy < start) return { promisedBy: '承诺日期不能早于今天' }
      if (unitRequired && !unit) return { unitName: '请填写认领的单位名称' }
      return {}
    }
    f.submit({ wishId: w.id, promisedBy, ...(unit ? { unitName: unit } : {}) }, (d) => wishActions.claim(d.wishId, d.promisedBy, d.unitName), {
      extra,
      ...afterSubmit(props, '认领成功'),
    })
  }

  return (
    <View className='hm-card' data-testid='claim-form'>
      <Text className='hm-h2'>认领这个心愿</Text>
      <View className='hm-field'>
        <Text className='hm-label'>承诺完成日期</Text>
        <Picker mode='date' value={promisedBy} start={start} end={end} onChange={(e) => f.set('promisedBy', String(e.detail.value))}>
          <View className='hm-picker' aria-label='承诺完成日期'>
            <Text>{formatDay(promisedBy)}</Text>
            <Text className='hm-sub'>修改 ›</Text>
          </View>
        </Picker>
        {end && <Text className='hm-sub hm-block'>{w.neededBy ? `心愿人希望在 ${formatDay(end)} 前完成` : `最晚可承诺到 ${formatDay(end)}（${MAX_PROMISE_DAYS}天内）`}</Text>}
        {f.errors.promisedBy && <Text className='hm-error'>{f.errors.promisedBy}</Text>}
      </View>
      {forUnit && (
        <TextField
          label={unitRequired ? '认领单位' : '代表单位认领（可不填）'}
          name='单位名称'
          placeholder='例如：鼓楼区某某公司'
          maxlength={40}
          value={unitName}
          onInput={(v) => f.set('unitName', v)}
          error={f.errors.unitName}
        />
      )}
      <Text className='hm-sub hm-block'>认领后您可以看到心愿人的联系电话和地址，请按时完成。</Text>
      <Button className='hm-btn' disabled={f.busy} loading={f.busy} onClick={onSubmit}>
        确认认领
      </Button>
      <Button className='hm-btn hm-btn-gray' disabled={f.busy} onClick={onCancel}>
        先不认领
      </Button>
    </View>
  )
}

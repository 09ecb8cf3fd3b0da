import { Text, View } from '@tarojs/components'
import { elderSignupsInputs, ELDER_LIMITS, type ElderProfileView, type InputOf } from '@/contracts'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'

export interface StaffProfileFormProps {
  communityId: string
  save: (input: InputOf<'elder', 'saveStaffProfile'>) => Promise<ElderProfileView>
  onSaved: (p: ElderProfileView) => void
}

/** 添加长者（工作人员管理）: an elder without a phone of their own (纸质同等), with how the consent was recorded. */
export function StaffProfileForm({ communityId, save, onSaved }: StaffProfileFormProps) {
  const f = useFormSubmit(elderSignupsInputs.saveStaffProfile, { name: '', age: '', phone: '', consentNote: '纸质同意书已存档' })
  const { name, age, phone, consentNote } = f.values
  const onSubmit = () =>
    f.submit({ communityId, name: name.trim(), age: Number(age) || 0, phone: phone.trim() || undefined, consentNote: consentNote.trim() }, save, {
      done: '已添加',
      then: onSaved,
    })
  return (
    <View className='hm-card'>
      <Text className='hm-title hm-block'>添加长者（工作人员管理）</Text>
      <TextField label='长者姓名' maxlength={ELDER_LIMITS.profileName} value={name} onInput={(v) => f.set('name', v)} error={f.errors.name} />
      <TextField label='年龄' type='number' maxlength={3} value={age} onInput={(v) => f.set('age', v)} error={f.errors.age} />
      <TextField label='联系电话（选填，如家中座机或亲属）' type='number' maxlength={11} value={phone} onInput={(v) => f.set('phone', v)} error={f.errors.phone} />
      <TextField label='同意说明' maxlength={ELDER_LIMITS.consentNote} value={consentNote} onInput={(v) => f.set('consentNote', v)} error={f.errors.consentNote} />
      {!!f.formError && <Text className='hm-error hm-block'>{f.formError}</Text>}
      <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={onSubmit}>
        保存
      </Button>
    </View>
  )
}

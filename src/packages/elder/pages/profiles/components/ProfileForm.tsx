import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { elderSignupsInputs, ELDER_LIMITS, type ElderProfileView } from '@/contracts'
import { Button } from '@/components/Button'
import { CheckChip } from '@/components/Chips'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'

const CONSENT = '已征得长者本人同意'

export interface ProfileFormProps {
  save: (input: { name: string; age: number; phone?: string; consentNote: string }) => Promise<ElderProfileView>
  onSaved: (p: ElderProfileView) => void
}

/** 添加家人: name, age, an optional phone, and the elder's consent (required), checked against the contract. */
export function ProfileForm({ save, onSaved }: ProfileFormProps) {
  const f = useFormSubmit(elderSignupsInputs.saveProfile, { name: '', age: '', phone: '', consentNote: '' })
  const { name, age, phone, consentNote } = f.values
  // Refusals are said here, under the form (no pop-ups in the elder pages).
  const [refused, setRefused] = useState('')
  const onSubmit = () => {
    setRefused('')
    f.submit({ name: name.trim(), age: Number(age) || 0, phone: phone.trim() || undefined, consentNote }, save, {
      then: onSaved,
      onError: (e) => (setRefused(e.message), true),
    })
  }
  return (
    <View className='hm-card'>
      <Text className='hm-title hm-block'>添加家人</Text>
      <TextField label='长者姓名' maxlength={ELDER_LIMITS.profileName} value={name} onInput={(v) => f.set('name', v)} error={f.errors.name} />
      <TextField label='年龄' type='number' maxlength={3} value={age} onInput={(v) => f.set('age', v)} error={f.errors.age} />
      <TextField label='手机号（选填）' type='number' maxlength={11} value={phone} onInput={(v) => f.set('phone', v)} error={f.errors.phone} />
      <Text className='hm-text hm-block'>添加前请征得长者本人同意。手机号只有您和社区工作人员能看到。</Text>
      <CheckChip checked={consentNote === CONSENT} onChange={(on) => f.set('consentNote', on ? CONSENT : '')}>
        {consentNote === CONSENT ? `✓ ${CONSENT}` : CONSENT}
      </CheckChip>
      {!!f.errors.consentNote && <Text className='hm-error hm-block'>{f.errors.consentNote}</Text>}
      {!!refused && <Text className='hm-error hm-block'>{refused}</Text>}
      <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={onSubmit}>
        保存
      </Button>
    </View>
  )
}

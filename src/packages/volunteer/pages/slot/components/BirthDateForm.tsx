import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'

export interface BirthDateFormProps {
  busy: boolean
  onSave: (birthDate: string) => void
}

/** Asked when a project has an age requirement and my record has no birth date: add it, then sign up again. */
export function BirthDateForm({ busy, onSave }: BirthDateFormProps) {
  const [value, setValue] = useState('')
  const [error, setError] = useState('')
  const save = () => {
    const v = value.trim()
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return setError('请按 YYYY-MM-DD 填写，例如 1990-01-01')
    setError('')
    onSave(v)
  }
  return (
    <View className='hm-card' role='alert'>
      <Text className='hm-h2 hm-block'>请补充出生日期</Text>
      <Text className='hm-text hm-block'>这个项目有年龄要求，请先补充您的出生日期（登记后只能由工作人员更正）。</Text>
      <TextField label='出生日期' placeholder='例如 1990-01-01' maxlength={10} value={value} onInput={setValue} error={error} />
      <Button className='hm-btn' loading={busy} disabled={busy} onClick={save}>
        保存并报名
      </Button>
    </View>
  )
}

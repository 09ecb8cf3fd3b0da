import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CHECK_PURPOSE_LABELS, type CheckPurpose } from '@/contracts'
import { Button } from '@/components/Button'
import { Field } from '@/components/Field'

export interface CheckWaysProps {
  purpose: CheckPurpose
  busy: boolean
  onScan: () => void
  onLocate: () => void
  /** The 6 digits typed; resolves true when they were accepted (the field is then cleared). */
  onCode: (code: string) => Promise<boolean>
}

/** The three ways for the volunteer: scan 签到码 and location (weapp), or type the 6 digits (everywhere; the only way on h5). */
export function CheckWays({ purpose, busy, onScan, onLocate, onCode }: CheckWaysProps) {
  const [code, setCode] = useState('')
  const label = CHECK_PURPOSE_LABELS[purpose]
  const ready = /^\d{6}$/.test(code)
  const submit = async () => {
    if (ready && (await onCode(code))) setCode('')
  }
  return (
    <View className='hm-card' data-testid='check-ways'>
      <Text className='hm-h2 hm-block'>{label}</Text>
      {/* Scanning and location are weapp's (h5's browser location is wgs84, not the gcj02 the place is stored in). */}
      {process.env.TARO_ENV === 'weapp' && (
        <>
          <Button className='hm-btn' disabled={busy} onClick={onScan}>
            扫码{label}
          </Button>
          <Button className='hm-btn' disabled={busy} onClick={onLocate}>
            定位{label}
          </Button>
        </>
      )}
      <Field label={`输入${label}码（现场工作人员出示的6位数字）`}>
        <Input
          className='hm-input'
          type='number'
          maxlength={6}
          value={code}
          aria-label={`${label}码`}
          placeholder='6位数字'
          onInput={(e) => setCode(e.detail.value.replace(/\D/g, '').slice(0, 6))}
          style={{ letterSpacing: '6px', fontSize: '28px' }}
        />
      </Field>
      <Button className='hm-btn' disabled={busy || !ready} onClick={() => void submit()}>
        提交{label}码
      </Button>
    </View>
  )
}

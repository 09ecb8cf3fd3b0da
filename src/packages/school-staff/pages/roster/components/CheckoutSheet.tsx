import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PICKUP_CODE_LENGTH, type CheckoutResult, type RosterChild } from '@/contracts'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Field'
import { tapA11y } from '@/components/tapA11y'
import { formatTime } from '@/format/day'
import { SKIP, useAction } from '@/hooks/useAction'
import { rosterActions, useCheckoutOptions } from '@/packages/school-staff/hooks/useAttendance'
import { askRequiredText, confirm } from '@/ui/feedback'

export interface CheckoutSheetProps {
  sessionId: string
  c: RosterChild
  /** The child left (picked up or released): close and refresh the roster. */
  onDone: () => void
  onClose: () => void
}

type Refusal = Extract<CheckoutResult, { outcome: 'refused' }>

/** Staff's release after phoning a guardian: the reason, a confirmation, then the call (SKIP when cancelled). */
export async function releaseSteps(sessionId: string, c: Pick<RosterChild, 'childId' | 'name'>) {
  const reason = await askRequiredText('电话确认后放行', '与哪位监护人通话确认、由谁接走', '放行')
  if (!reason) return SKIP
  if (!(await confirm('确认放行', `确认已电话联系监护人，放行 ${c.name}？放行记录会写明您的姓名和原因，监护人可以看到。`, '放行'))) return SKIP
  return rosterActions.release({ sessionId, childId: c.childId, reason })
}

/**
 * The check-out sheet: choose the authorised adult (names and relations only), type that adult's 4-digit code in
 * large digits. A refusal says why; staff then see 联系监护人 with the guardian's phone and 电话确认后放行 (a reason,
 * confirmed); volunteers are told to ask staff. While code entry is locked, its end is shown.
 */
export function CheckoutSheet({ sessionId, c, onDone, onClose }: CheckoutSheetProps) {
  const options = useCheckoutOptions(sessionId, c.childId)
  const [adultId, setAdultId] = useState<string>()
  const [code, setCode] = useState('')
  const [refusal, setRefusal] = useState<Refusal>()
  const action = useAction()
  const o = options.data
  const chosen = adultId ?? o?.adults[0]?.adultId
  const lockedUntil = refusal?.lockedUntil ?? o?.lockedUntil

  const submit = () =>
    void action.run(
      async () => {
        const res = await rosterActions.checkOut({ sessionId, childId: c.childId, adultId: chosen!, code })
        if (res.outcome === 'refused') {
          setRefusal(res)
          setCode('')
          return SKIP
        }
        return res
      },
      { done: '已接走', then: onDone },
    )

  const release = () => void action.run(() => releaseSteps(sessionId, c), { done: '已放行', then: onDone })

  return (
    <View>
      <View className='hm-sheet-mask' onClick={onClose} />
      <View className='hm-sheet' role='dialog' aria-label='接走' data-testid='checkout-sheet'>
        <Text className='hm-h2 hm-block'>接走 {o?.childName ?? c.name}</Text>
        {options.loading && <Text className='hm-sub hm-block'>正在加载授权接送人…</Text>}
        {options.error && <Text className='hm-error hm-block'>{options.error.message}</Text>}
        {o && !o.adults.length && <Text className='hm-text hm-block'>家长还没有添加授权接送人，请联系工作人员</Text>}
        {o && o.adults.length > 0 && (
          <>
            <Chips label='授权接送人' options={o.adults.map((a) => ({ key: a.adultId, label: `${a.name}（${a.relation}）` }))} value={chosen ?? ''} onChange={setAdultId} />
            <Field label={`${PICKUP_CODE_LENGTH}位接送码（请接送人报出）`}>
              <Input
                className='hm-input'
                type='number'
                maxlength={PICKUP_CODE_LENGTH}
                value={code}
                aria-label='接送码'
                placeholder={`${PICKUP_CODE_LENGTH}位数字`}
                disabled={!!lockedUntil}
                onInput={(e) => setCode(e.detail.value.replace(/\D/g, '').slice(0, PICKUP_CODE_LENGTH))}
                style={{ letterSpacing: '12px', fontSize: '40px', fontWeight: 'bold', lineHeight: '1.4', textAlign: 'center' }}
              />
            </Field>
          </>
        )}
        {refusal && (
          <Text className='hm-text hm-block' style={{ color: 'var(--hm-warn)' }} aria-live='polite' data-testid='checkout-refusal'>
            {refusal.message}
          </Text>
        )}
        {lockedUntil && !refusal && <Text className='hm-text hm-block'>接送码已锁定至 {formatTime(lockedUntil)}</Text>}
        {refusal && !refusal.guardianPhone && <Text className='hm-text hm-block'>{refusal.contact}</Text>}
        {refusal?.guardianPhone && (
          <View className='hm-row' onClick={() => void Taro.makePhoneCall({ phoneNumber: refusal.guardianPhone! }).catch(() => undefined)} {...tapA11y('button')}>
            <Text className='hm-text'>联系监护人：{refusal.guardianPhone}</Text>
            <Text className='hm-link'>拨打</Text>
          </View>
        )}
        {!lockedUntil && (
          <Button className='hm-btn' disabled={action.busy || !chosen || code.length !== PICKUP_CODE_LENGTH} onClick={submit}>
            确认接走
          </Button>
        )}
        {refusal?.canRelease && (
          <Button className='hm-btn hm-btn-gray' disabled={action.busy} onClick={release}>
            电话确认后放行
          </Button>
        )}
        <Button className='hm-btn hm-btn-plain' onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  )
}

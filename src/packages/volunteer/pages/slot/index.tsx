import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { CheckChip } from '@/components/Chips'
import { Page } from '@/components/Page'
import { SKIP, useAction, type AppError } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useTemplateIds } from '@/hooks/useTemplateIds'
import { confirm } from '@/ui/feedback'
import { ROUTES, go } from '@/routes'
import { slotActions, useSlot } from '@/packages/volunteer/hooks/useSlots'
import { BirthDateForm } from './components/BirthDateForm'
import { SlotInfo } from './components/SlotInfo'

/** One slot: its details, my shift, and the actions the server allows me (报名, 取消报名; staff: 名单, 管理). */
export default function SlotPage() {
  const { params } = useRouter()
  const id = params?.id ? decodeURIComponent(params.id) : undefined
  const slot = useSlot(id)
  const page = useRemotePage(slot, true)
  const action = useAction()
  const [insuranceAck, setInsuranceAck] = useState(false)
  const [needBirthDate, setNeedBirthDate] = useState(false)

  const s = slot.data
  const templateIds = useTemplateIds('VOL_SLOT_CHANGED')
  const can = new Set(s?.allowed ?? [])
  const onRefused = (e: AppError) => {
    if (e.code === 'BIRTH_DATE_REQUIRED') {
      setNeedBirthDate(true)
      return true
    }
    if (e.code === 'SLOT_FULL' || e.code === 'SIGNUP_CLOSED') void slot.refresh()
    return false
  }
  // The subscription prompt must come from the tap itself: signUp asks it before anything is awaited.
  const signUp = () => {
    if (!s) return
    void action.run(() => slotActions.signUp(s.id, insuranceAck, templateIds), { done: '报名成功', then: () => slot.refresh(), onError: onRefused })
  }
  const saveBirthDate = (birthDate: string) => {
    if (!s) return
    void action.run(
      async () => {
        await slotActions.setBirthDate(birthDate)
        setNeedBirthDate(false)
        // After an await the prompt can no longer show (it needs the tap): sign up unsubscribed.
        return slotActions.signUp(s.id, insuranceAck, [])
      },
      { done: '报名成功', then: () => slot.refresh(), onError: onRefused },
    )
  }
  const cancel = () => {
    if (!s) return
    void action.run(async () => ((await confirm('取消报名', '确定取消这个班次的报名吗？名额会让给其他志愿者。', '取消报名')) ? slotActions.cancelSignUp(s.id) : SKIP), {
      done: '已取消报名',
      then: () => slot.refresh(),
    })
  }

  return (
    <Page {...page} loading={!!id && page.loading} error={id ? page.error : undefined} empty={!id} emptyText='没有找到这个班次'>
      {s && (
        <View>
          <SlotInfo s={s} />
          {needBirthDate && <BirthDateForm busy={action.busy} onSave={saveBirthDate} />}
          {can.has('signUp') && (
            <View className='hm-card'>
              {s.requirements.insuranceRequired && (
                <View>
                  <Text className='hm-text hm-block'>本项目需要意外保险：请确认您已投保或由组织方统一投保。</Text>
                  <CheckChip checked={insuranceAck} onChange={setInsuranceAck}>
                    {insuranceAck ? '✓ 我已知晓保险要求' : '我已知晓保险要求'}
                  </CheckChip>
                </View>
              )}
              <Button className='hm-btn' loading={action.busy} disabled={action.busy} onClick={signUp}>
                报名
              </Button>
            </View>
          )}
          {!can.has('signUp') && !s.mine && s.status === 'published' && s.placesLeft === 0 && <Text className='hm-sub hm-block'>名额已满</Text>}
          {can.has('cancelSignUp') && (
            <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={cancel}>
              取消报名
            </Button>
          )}
          {can.has('roster') && (
            <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffRoster}?slotId=${encodeURIComponent(s.id)}`)}>
              名单
            </Button>
          )}
          {can.has('edit') && (
            <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffProject}?id=${encodeURIComponent(s.projectId)}`)}>
              管理班次
            </Button>
          )}
        </View>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import type { ChildView, PickupAdultView } from '@/contracts/school/children'
import { schoolChildrenInputs } from '@/contracts/school/children'
import { MAX_PICKUP_ADULTS, PICKUP_RELATIONS, SCHOOL_LIMITS, type PickupRelation } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { SKIP, useAction } from '@/hooks/useAction'
import { confirm } from '@/ui/feedback'
import { childActions } from '@/packages/school/hooks/useChildren'

export interface PickupSectionProps {
  child: ChildView
  onChanged: () => void
}

const RELATIONS = PICKUP_RELATIONS.map((r) => ({ key: r, label: r }))

/** One authorised adult with the code (the guardian only ever sees it), 换码 and 移除. */
function PickupRow({ adult, busy, onRenew, onRemove }: { adult: PickupAdultView; busy: boolean; onRenew: () => void; onRemove: () => void }) {
  return (
    <View className='hm-card' data-testid='pickup-row'>
      <Text className='hm-h2 hm-block'>
        {adult.name}（{adult.relation}）
      </Text>
      <Text className='hm-text hm-block'>{adult.phone}</Text>
      <Text className='hm-text hm-block'>
        接送码：<Text style={{ fontSize: '28px', letterSpacing: '4px' }}>{adult.code}</Text>
      </Text>
      <View className='hm-wrap'>
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={onRenew}>
          换一个接送码
        </Button>
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={onRemove}>
          移除
        </Button>
      </View>
    </View>
  )
}

/** The child's authorised pick-up adults: their codes, renew, remove (with confirmation), and a form to add one. */
export function PickupSection({ child, onChanged }: PickupSectionProps) {
  const action = useAction()
  const f = useFormSubmit(schoolChildrenInputs.savePickupAdult, () => ({ childId: child.id, name: '', relation: '父亲' as PickupRelation, phone: '' }))
  const v = f.values
  const renew = (a: PickupAdultView) =>
    void action.run(async () => ((await confirm('换接送码', `${a.name}的旧接送码将立即失效，请把新接送码告诉 ta。`, '换码')) ? childActions.renewCode(child.id, a.id) : SKIP), {
      done: '已换码',
      then: onChanged,
    })
  const remove = (a: PickupAdultView) =>
    void action.run(async () => ((await confirm('移除接送人', `移除后，${a.name}将不能再接孩子。`, '移除')) ? childActions.removePickup(child.id, a.id) : SKIP), {
      done: '已移除',
      then: onChanged,
    })
  const add = () =>
    f.submit({ ...v, childId: child.id, phone: v.phone.trim() }, childActions.savePickup, {
      done: '已添加接送人',
      then: () => (f.set('name', ''), f.set('phone', ''), onChanged()),
    })
  return (
    <View>
      <Text className='hm-h2 hm-block'>授权接送人</Text>
      <Text className='hm-sub hm-block'>签退时，接送人需报出自己的 4 位接送码。接送码只有监护人能看到。</Text>
      {child.pickups.map((a) => (
        <PickupRow key={a.id} adult={a} busy={action.busy} onRenew={() => renew(a)} onRemove={() => remove(a)} />
      ))}
      {child.pickups.length < MAX_PICKUP_ADULTS && (
        <View className='hm-card'>
          <TextField label='接送人姓名' value={v.name} maxlength={SCHOOL_LIMITS.adultName} onInput={(x) => f.set('name', x)} error={f.errors.name} />
          <Text className='hm-label'>与孩子的关系</Text>
          <Chips options={RELATIONS} value={v.relation} onChange={(k) => f.set('relation', k)} label='与孩子的关系' />
          <TextField label='接送人手机号' type='number' maxlength={11} value={v.phone} onInput={(x) => f.set('phone', x)} error={f.errors.phone} />
          {f.formError && <Text className='hm-error hm-block'>{f.formError}</Text>}
          <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={add}>
            添加接送人
          </Button>
        </View>
      )}
    </View>
  )
}

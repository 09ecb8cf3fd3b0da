import { Text, View } from '@tarojs/components'
import type { ChildView } from '@/contracts/school/children'
import { schoolChildrenInputs } from '@/contracts/school/children'
import { GENDER_LABELS, GENDERS, GRADE_LABELS, GRADES, SCHOOL_LIMITS, type Gender, type Grade } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { childActions } from '@/packages/school/hooks/useChildren'

export interface ChildFormProps {
  /** Editing this child; a new child otherwise. */
  child?: ChildView
  onSaved: (childId: string) => void
}

const GENDER_OPTIONS = GENDERS.map((g) => ({ key: g, label: GENDER_LABELS[g] }))
const GRADE_OPTIONS = GRADES.map((g) => ({ key: g, label: GRADE_LABELS[g] }))

function start(c?: ChildView) {
  return {
    name: c?.name ?? '',
    gender: (c?.gender ?? 'male') as Gender,
    birthDate: c?.birthDate ?? '',
    school: c?.school ?? '',
    grade: (c?.grade ?? 1) as Grade,
    healthNote: c?.healthNote ?? '',
    guardianPhone: c?.guardianPhone ?? '',
  }
}

/** A child's form: only the minimum (no photo). Adding sends the whole form; editing rewrites it. */
export function ChildForm({ child, onSaved }: ChildFormProps) {
  const f = useFormSubmit(schoolChildrenInputs.addChild, () => start(child))
  const v = f.values
  const save = () => {
    const input = { ...v, guardianPhone: v.guardianPhone.trim(), birthDate: v.birthDate.trim(), healthNote: v.healthNote.trim() || undefined }
    if (child) f.submit(input, (data) => childActions.edit({ childId: child.id, ...data }).then(() => child.id), { done: '已保存', then: onSaved, invalidHint: '请检查填写的内容' })
    else f.submit(input, (data) => childActions.add(data).then((c) => c.id), { done: '已添加', then: onSaved, invalidHint: '请检查填写的内容' })
  }
  return (
    <View>
      <View className='hm-card'>
        <TextField label='孩子姓名' value={v.name} maxlength={SCHOOL_LIMITS.childName} onInput={(x) => f.set('name', x)} error={f.errors.name} />
        <Text className='hm-label'>性别</Text>
        <Chips options={GENDER_OPTIONS} value={v.gender} onChange={(k) => f.set('gender', k)} label='性别' />
        <TextField label='出生日期' placeholder='例如 2018-09-01' value={v.birthDate} maxlength={10} onInput={(x) => f.set('birthDate', x)} error={f.errors.birthDate} />
        <TextField label='就读学校' value={v.school} maxlength={SCHOOL_LIMITS.school} onInput={(x) => f.set('school', x)} error={f.errors.school} />
        <Text className='hm-label'>年级</Text>
        <Chips options={GRADE_OPTIONS} value={v.grade} onChange={(k) => f.set('grade', k)} label='年级' />
        {f.errors.grade && <Text className='hm-error'>{f.errors.grade}</Text>}
        <TextField label='过敏或健康说明（可不填）' multiline value={v.healthNote} maxlength={SCHOOL_LIMITS.healthNote} onInput={(x) => f.set('healthNote', x)} error={f.errors.healthNote} />
        <TextField label='监护人手机号' type='number' maxlength={11} value={v.guardianPhone} onInput={(x) => f.set('guardianPhone', x)} error={f.errors.guardianPhone} />
      </View>
      {f.formError && <Text className='hm-error hm-block'>{f.formError}</Text>}
      <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={save}>
        {child ? '保存修改' : '添加孩子'}
      </Button>
    </View>
  )
}

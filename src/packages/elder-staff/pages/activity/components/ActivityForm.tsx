import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActivityView } from '@/contracts/elder/activities'
import { elderActivitiesInputs } from '@/contracts/elder/activities'
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '@/contracts/elder/rules'
import { Chips } from '@/components/Chips'
import { CommunityChips } from '@/components/CommunityChips'
import { FormFooter } from '@/components/FormFooter'
import { TextField } from '@/components/TextField'
import { daysFromToday } from '@/format/day'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { useStaffCommunities } from '@/hooks/useStaffCommunities'
import { elderActivityActions } from '@/packages/elder-staff/hooks/useElderActivities'
import { RuleFields, ruleInput, startRule, type RuleValues } from './RuleFields'

export interface ActivityFormProps {
  /** Editing its details; none: a new activity with its rule. */
  activity?: ActivityView
  onSaved: (a: ActivityView) => void
  onCancel?: () => void
}

const CATEGORIES = ACTIVITY_CATEGORIES.map((c) => ({ key: c, label: c }))

/** Staff: an activity's form: title, category, host, description, and (new) the recurrence rule. */
export function ActivityForm({ activity, onSaved, onCancel }: ActivityFormProps) {
  const scope = useStaffCommunities()
  const f = useFormSubmit(elderActivitiesInputs.saveActivity, () => ({
    communityId: activity?.communityId ?? '',
    title: activity?.title ?? '',
    category: (activity?.category ?? '文娱') as ActivityCategory,
    host: activity?.host ?? '',
    description: activity?.description ?? '',
  }))
  const [rule, setRule] = useState<RuleValues>(() => startRule(daysFromToday(0)))
  const v = f.values
  const communityId = v.communityId || scope.data?.[0]?.key || ''
  const setRuleField = <K extends keyof RuleValues>(k: K, value: RuleValues[K]) => (setRule((r) => ({ ...r, [k]: value })), f.clear(`rule.${k}`))

  const save = () =>
    f.submit(
      {
        ...(activity ? { activityId: activity.id, rev: activity.rev } : { rule: ruleInput(rule) }),
        communityId,
        title: v.title,
        category: v.category,
        host: v.host,
        description: v.description,
      },
      elderActivityActions.save,
      { done: '已保存', then: onSaved, invalidHint: '请检查填写的内容' },
    )

  return (
    <View>
      {!activity && <CommunityChips title='所属社区' options={scope.data} value={communityId} onChange={(k) => f.set('communityId', k)} />}
      <View className='hm-card'>
        <TextField label='活动名称' value={v.title} maxlength={30} onInput={(x) => f.set('title', x)} error={f.errors.title} />
        <Text className='hm-label'>类别</Text>
        <Chips options={CATEGORIES} value={v.category} onChange={(k) => f.set('category', k)} label='类别' />
        <TextField label='带领人（如社区达人）' value={v.host} maxlength={20} onInput={(x) => f.set('host', x)} error={f.errors.host} />
        <TextField label='活动介绍' multiline value={v.description} maxlength={500} onInput={(x) => f.set('description', x)} error={f.errors.description} />
      </View>
      {!activity && (
        <View className='hm-card'>
          <Text className='hm-h2 hm-block'>重复规则</Text>
          <RuleFields v={rule} set={setRuleField} errors={f.errors} fromLabel='开始日期' />
          {f.errors.rule && <Text className='hm-error hm-block'>{f.errors.rule}</Text>}
        </View>
      )}
      <FormFooter error={f.formError} busy={f.busy} saveText='保存活动' onSave={save} onCancel={onCancel} />
    </View>
  )
}

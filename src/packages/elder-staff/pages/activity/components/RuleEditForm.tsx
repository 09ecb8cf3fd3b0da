import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActivityView, RuleChange } from '@/contracts/elder/activities'
import { elderActivitiesInputs } from '@/contracts/elder/activities'
import { Button } from '@/components/Button'
import { daysFromToday } from '@/format/day'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { confirm } from '@/ui/feedback'
import { elderActivityActions } from '@/packages/elder-staff/hooks/useElderActivities'
import { RuleFields, ruleInput, type RuleValues } from './RuleFields'

/** The segment in force as the form's start (from tomorrow). */
function fromActivity(a: ActivityView): RuleValues {
  const s = a.segments[a.segments.length - 1]
  return {
    kind: s.kind,
    weekdays: s.weekdays ?? [],
    nth: s.nth ?? 1,
    weekday: s.weekday ?? 3,
    from: daysFromToday(1),
    startTime: s.startTime,
    durationMin: String(s.durationMin),
    place: s.place,
    capacity: s.capacity === null ? '' : String(s.capacity),
    signupRequired: s.signupRequired,
  }
}

/** Staff: 从某天起修改规则 (the past keeps its occurrences; sign-ups the new rule drops are cancelled with notice). */
export function RuleEditForm({ activity, onDone, onCancel }: { activity: ActivityView; onDone: (c: RuleChange) => void; onCancel: () => void }) {
  const f = useFormSubmit(elderActivitiesInputs.editRule, {})
  const [rule, setRule] = useState<RuleValues>(() => fromActivity(activity))
  const set = <K extends keyof RuleValues>(k: K, value: RuleValues[K]) => (setRule((r) => ({ ...r, [k]: value })), f.clear(`rule.${k}`))
  const save = async () => {
    if (!(await confirm('修改规则', `从 ${rule.from} 起按新规则举办，之前的安排不变。已报名但新规则不再举办的场次会被取消并通知报名者。`, '确认修改'))) return
    f.submit({ activityId: activity.id, rev: activity.rev, rule: ruleInput(rule) }, elderActivityActions.editRule, { done: '规则已修改', then: onDone })
  }
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>从某天起修改规则</Text>
      <RuleFields v={rule} set={set} errors={f.errors} fromLabel='从哪天起' />
      {f.formError && <Text className='hm-error hm-block'>{f.formError}</Text>}
      <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={() => void save()}>
        保存新规则
      </Button>
      <Button className='hm-btn hm-btn-plain' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

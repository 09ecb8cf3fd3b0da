import { Text, View } from '@tarojs/components'
import { volunteerSlotsInputs } from '@/contracts/volunteer/slots'
import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import { Button } from '@/components/Button'
import { CheckChip } from '@/components/Chips'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { projectActions } from '@/packages/volunteer-staff/hooks/useProjects'

export interface SlotsFormProps {
  projectId: string
  onCreated: () => void
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]
const num = (s: string) => (s.trim() && !Number.isNaN(Number(s)) ? Number(s) : s)

/** Staff: publish one slot, or with chosen weekdays one on each for N weeks (e.g. every Saturday 09:00–11:00 for 8 weeks). */
export function SlotsForm({ projectId, onCreated }: SlotsFormProps) {
  const f = useFormSubmit(volunteerSlotsInputs.createSlots, {
    date: '',
    startTime: '09:00',
    endTime: '11:00',
    headcount: '10',
    creditMinutes: '',
    cutoffMinutes: '60',
    weekdays: [] as number[],
    weeks: '8',
  })
  const v = f.values
  const toggle = (d: number) => f.set('weekdays', v.weekdays.includes(d) ? v.weekdays.filter((x) => x !== d) : [...v.weekdays, d].sort())
  const publish = () =>
    f.submit(
      {
        projectId,
        date: v.date.trim(),
        startTime: v.startTime.trim(),
        endTime: v.endTime.trim(),
        headcount: num(v.headcount),
        ...(v.creditMinutes.trim() ? { creditMinutes: num(v.creditMinutes) } : {}),
        cutoffMinutes: num(v.cutoffMinutes || '0'),
        ...(v.weekdays.length ? { repeat: { weekdays: v.weekdays, weeks: num(v.weeks) } } : {}),
      },
      projectActions.createSlots,
      { done: '班次已发布', then: onCreated },
    )
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>发布班次</Text>
      <TextField label='日期（重复时为开始日期）' placeholder='例如 2026-12-05' maxlength={10} value={v.date} onInput={(x) => f.set('date', x)} error={f.errors.date} />
      <TextField label='开始时间' placeholder='09:00' maxlength={5} value={v.startTime} onInput={(x) => f.set('startTime', x)} error={f.errors.startTime} />
      <TextField label='结束时间' placeholder='11:00' maxlength={5} value={v.endTime} onInput={(x) => f.set('endTime', x)} error={f.errors.endTime} />
      <TextField label='招募人数' type='number' value={v.headcount} onInput={(x) => f.set('headcount', x)} error={f.errors.headcount} />
      <TextField label='计入时长（分钟，不填为班次时长）' type='number' value={v.creditMinutes} onInput={(x) => f.set('creditMinutes', x)} error={f.errors.creditMinutes} />
      <TextField label='报名截止（开始前多少分钟）' type='number' value={v.cutoffMinutes} onInput={(x) => f.set('cutoffMinutes', x)} error={f.errors.cutoffMinutes} />
      <Text className='hm-label'>每周重复（可不选）</Text>
      <View className='hm-wrap' role='group' aria-label='每周重复'>
        {WEEKDAYS.map((d) => (
          <CheckChip key={d} checked={v.weekdays.includes(d)} onChange={() => toggle(d)}>
            {v.weekdays.includes(d) ? `✓ ${WEEKDAY_LABELS[d]}` : WEEKDAY_LABELS[d]}
          </CheckChip>
        ))}
      </View>
      {v.weekdays.length > 0 && <TextField label='重复周数' type='number' value={v.weeks} onInput={(x) => f.set('weeks', x)} />}
      {f.errors.repeat && <Text className='hm-error hm-block'>{f.errors.repeat}</Text>}
      {f.formError && <Text className='hm-error hm-block'>{f.formError}</Text>}
      <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={publish}>
        发布
      </Button>
    </View>
  )
}

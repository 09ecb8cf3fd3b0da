import { Text, View } from '@tarojs/components'
import { NTH_LABELS, RECURRENCE_KINDS, RECURRENCE_LABELS, type RecurrenceKind } from '@/contracts/elder/rules'
import { WEEKDAYS, WEEKDAY_LABELS } from '@/contracts/weekdays'
import { CheckChip, Chips } from '@/components/Chips'
import { TextField } from '@/components/TextField'
import type { FieldErrors } from '@/forms/validate'

/** The recurrence chooser's values, as typed. */
export interface RuleValues {
  kind: RecurrenceKind
  weekdays: number[]
  nth: number
  weekday: number
  from: string
  startTime: string
  durationMin: string
  place: string
  /** Empty: no limit. */
  capacity: string
  signupRequired: boolean
}

export function startRule(from: string): RuleValues {
  return { kind: 'weekly', weekdays: [], nth: 1, weekday: 3, from, startTime: '09:30', durationMin: '60', place: '', capacity: '20', signupRequired: true }
}

/** A number typed in a field, or the text itself (so the contract says what is wrong). */
const num = (s: string) => (s.trim() && !Number.isNaN(Number(s)) ? Number(s) : s)

/** The rule's input for the contract (only the fields its kind uses). */
export function ruleInput(v: RuleValues) {
  return {
    kind: v.kind,
    ...(v.kind === 'weekly' ? { weekdays: v.weekdays } : {}),
    ...(v.kind === 'monthly_nth' ? { nth: v.nth, weekday: v.weekday } : {}),
    from: v.from.trim(),
    startTime: v.startTime.trim(),
    durationMin: num(v.durationMin),
    place: v.place,
    capacity: v.capacity.trim() ? num(v.capacity) : null,
    signupRequired: v.signupRequired,
  }
}

const KINDS = RECURRENCE_KINDS.map((k) => ({ key: k, label: RECURRENCE_LABELS[k] }))
const NTHS = [1, 2, 3, 4, 5].map((n) => ({ key: n, label: NTH_LABELS[n] }))
const DAYS = WEEKDAYS.map((d) => ({ key: d as number, label: WEEKDAY_LABELS[d] }))

export interface RuleFieldsProps {
  v: RuleValues
  set: <K extends keyof RuleValues>(field: K, value: RuleValues[K]) => void
  /** Field errors under `rule.` (the contract's paths). */
  errors: FieldErrors
  /** The label of the from day: 开始日期 (new) / 从哪天起 (a rule edit). */
  fromLabel: string
}

/** The recurrence chooser: 每周 (weekday chips), 每天, 每月第 N 个星期 X, 仅一次 (the day); time, length, place, places. */
export function RuleFields({ v, set, errors, fromLabel }: RuleFieldsProps) {
  const e = (k: string) => errors[`rule.${k}`]
  const toggle = (d: number) => set('weekdays', v.weekdays.includes(d) ? v.weekdays.filter((x) => x !== d) : [...v.weekdays, d].sort())
  return (
    <View>
      <Text className='hm-label'>重复方式</Text>
      <Chips options={KINDS} value={v.kind} onChange={(k) => set('kind', k)} label='重复方式' />
      {v.kind === 'weekly' && (
        <View className='hm-wrap' role='group' aria-label='每周哪几天'>
          {WEEKDAYS.map((d) => (
            <CheckChip key={d} checked={v.weekdays.includes(d)} onChange={() => toggle(d)}>
              {v.weekdays.includes(d) ? `✓ ${WEEKDAY_LABELS[d]}` : WEEKDAY_LABELS[d]}
            </CheckChip>
          ))}
        </View>
      )}
      {v.kind === 'monthly_nth' && (
        <View>
          <Text className='hm-label'>每月第几个</Text>
          <Chips options={NTHS} value={v.nth} onChange={(n) => set('nth', n)} label='每月第几个' />
          <Text className='hm-label'>星期几</Text>
          <Chips options={DAYS} value={v.weekday} onChange={(d) => set('weekday', d)} label='星期几' />
          {v.nth === 5 && <Text className='hm-sub hm-block'>没有第五个星期{WEEKDAY_LABELS[v.weekday].slice(1)}的月份不举办</Text>}
        </View>
      )}
      {(e('weekdays') || e('nth') || e('weekday')) && <Text className='hm-error hm-block'>{e('weekdays') || e('nth') || e('weekday')}</Text>}
      <TextField label={v.kind === 'once' ? '活动日期' : fromLabel} placeholder='例如 2026-12-05' maxlength={10} value={v.from} onInput={(x) => set('from', x)} error={e('from')} />
      <TextField label='开始时间' placeholder='09:30' maxlength={5} value={v.startTime} onInput={(x) => set('startTime', x)} error={e('startTime')} />
      <TextField label='时长（分钟）' type='number' value={v.durationMin} onInput={(x) => set('durationMin', x)} error={e('durationMin')} />
      <TextField label='地点' value={v.place} maxlength={40} onInput={(x) => set('place', x)} error={e('place')} />
      <TextField label='名额（不填为不限）' type='number' value={v.capacity} onInput={(x) => set('capacity', x)} error={e('capacity')} />
      <CheckChip checked={v.signupRequired} onChange={(on) => set('signupRequired', on)}>
        {v.signupRequired ? '✓ 需要报名' : '需要报名'}
      </CheckChip>
    </View>
  )
}

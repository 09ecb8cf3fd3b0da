import { Text, View } from '@tarojs/components'
import { schoolSessionsInputs, type StaffSessionDetail } from '@/contracts/school/sessions'
import {
  ALLOCATION_MODE_LABELS,
  ALLOCATION_MODES,
  DAY_ACTIVITIES,
  DEFAULT_DAY_END,
  DEFAULT_DAY_START,
  GRADE_LABELS,
  GRADES,
  PRIORITY_GROUP_LABELS,
  PRIORITY_GROUPS,
  SCHOOL_LIMITS,
  WEEKDAYS,
  type AllocationMode,
  type DayActivity,
  type Grade,
  type PriorityGroup,
  type Weekday,
} from '@/contracts/school/rules'
import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import { Button } from '@/components/Button'
import { CheckChip, Chips } from '@/components/Chips'
import { CommunityChips } from '@/components/CommunityChips'
import { TextField } from '@/components/TextField'
import { daysFromToday, formatDayTime } from '@/format/day'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { useStaffCommunities } from '@/hooks/useStaffCommunities'
import { staffSessionActions } from '@/packages/school-staff/hooks/useStaffSessions'

export interface SessionFormProps {
  /** Editing this session; a new one otherwise. */
  detail?: StaffSessionDetail
  onSaved: (d: StaffSessionDetail) => void
}

const GRADE_OPTIONS = GRADES.map((g) => ({ key: g, label: GRADE_LABELS[g] }))
const MODE_OPTIONS = ALLOCATION_MODES.map((m) => ({ key: m, label: ALLOCATION_MODE_LABELS[m] }))

function start(d?: StaffSessionDetail) {
  const s = d?.session
  return {
    communityId: s?.communityId ?? '',
    name: s?.name ?? '',
    termStart: s?.termStart ?? daysFromToday(14),
    termEnd: s?.termEnd ?? daysFromToday(120),
    weekdays: (s?.weekdays ?? [1, 2, 3, 4, 5]) as Weekday[],
    startTime: s?.startTime ?? DEFAULT_DAY_START,
    endTime: s?.endTime ?? DEFAULT_DAY_END,
    capacity: s ? String(s.capacity) : '30',
    gradeMin: (s?.grades.min ?? 1) as Grade,
    gradeMax: (s?.grades.max ?? 3) as Grade,
    opensAt: s ? formatDayTime(s.opensAt) : `${daysFromToday(0)} 09:00`,
    closesAt: s ? formatDayTime(s.closesAt) : `${daysFromToday(7)} 18:00`,
    mode: (s?.mode ?? 'first_come') as AllocationMode,
    announcedNumber: s?.lottery?.announcedNumber ?? '',
    priorityGroups: (s?.priorityGroups ?? []) as PriorityGroup[],
    activities: (s?.activities ?? ['作业辅导', '阅读']) as DayActivity[],
    notes: s?.notes ?? '',
  }
}

/** Toggles one value in a list. */
function toggle<T>(list: T[], x: T): T[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x]
}

/** A number typed in a field, or the text itself (so the contract says what is wrong). */
const num = (s: string) => (s.trim() && !Number.isNaN(Number(s)) ? Number(s) : s)

/** Staff: a session's form (new or edit). Once it has entries, the mode, grades and capacity are shown, not changed. */
export function SessionForm({ detail, onSaved }: SessionFormProps) {
  const scope = useStaffCommunities()
  const f = useFormSubmit(schoolSessionsInputs.saveSession, () => start(detail))
  const v = f.values
  const locked = !!detail?.locked
  const communityId = v.communityId || scope.data?.[0]?.key || ''
  const save = () =>
    f.submit(
      {
        ...(detail ? { sessionId: detail.session.id } : {}),
        communityId,
        name: v.name,
        termStart: v.termStart.trim(),
        termEnd: v.termEnd.trim(),
        weekdays: [...v.weekdays].sort((a, b) => a - b),
        startTime: v.startTime.trim(),
        endTime: v.endTime.trim(),
        capacity: num(v.capacity),
        grades: { min: v.gradeMin, max: v.gradeMax },
        opensAt: v.opensAt.trim(),
        closesAt: v.closesAt.trim(),
        mode: v.mode,
        ...(v.mode === 'lottery' && v.announcedNumber.trim() ? { announcedNumber: v.announcedNumber.trim() } : {}),
        priorityGroups: v.priorityGroups,
        activities: v.activities,
        ...(v.notes.trim() ? { notes: v.notes } : {}),
      },
      staffSessionActions.save,
      { done: '已保存', then: onSaved, invalidHint: '请检查填写的内容' },
    )
  return (
    <View>
      {!detail && <CommunityChips title='所属社区' options={scope.data} value={communityId} onChange={(k) => f.set('communityId', k)} />}
      <View className='hm-card'>
        <TextField
          label='班次名称'
          placeholder='例如 2027 春季 四点钟学校 一至三年级'
          value={v.name}
          maxlength={SCHOOL_LIMITS.sessionName}
          onInput={(x) => f.set('name', x)}
          error={f.errors.name}
        />
        <TextField label='学期开始日期' placeholder='YYYY-MM-DD' value={v.termStart} maxlength={10} onInput={(x) => f.set('termStart', x)} error={f.errors.termStart} />
        <TextField label='学期结束日期' placeholder='YYYY-MM-DD' value={v.termEnd} maxlength={10} onInput={(x) => f.set('termEnd', x)} error={f.errors.termEnd} />
        <Text className='hm-label'>上课日</Text>
        <View className='hm-wrap' role='group' aria-label='上课日'>
          {WEEKDAYS.map((d) => (
            <CheckChip key={d} checked={v.weekdays.includes(d)} onChange={() => f.set('weekdays', toggle(v.weekdays, d))}>
              {v.weekdays.includes(d) ? `✓ ${WEEKDAY_LABELS[d]}` : WEEKDAY_LABELS[d]}
            </CheckChip>
          ))}
        </View>
        {f.errors.weekdays && <Text className='hm-error'>{f.errors.weekdays}</Text>}
        <TextField label='每天开始时间' placeholder='16:00' value={v.startTime} maxlength={5} onInput={(x) => f.set('startTime', x)} error={f.errors.startTime} />
        <TextField label='每天结束时间' placeholder='18:00' value={v.endTime} maxlength={5} onInput={(x) => f.set('endTime', x)} error={f.errors.endTime} />
      </View>
      <View className='hm-card'>
        {locked && <Text className='hm-sub hm-block'>已有报名：招生方式、年级和名额不能在这里修改（增加名额请到“报名管理”）。</Text>}
        {locked ? (
          <Text className='hm-text hm-block'>
            {ALLOCATION_MODE_LABELS[v.mode]} · {GRADE_LABELS[v.gradeMin]}至{GRADE_LABELS[v.gradeMax]} · 名额 {v.capacity}
          </Text>
        ) : (
          <View>
            <TextField label='名额' type='number' value={v.capacity} maxlength={3} onInput={(x) => f.set('capacity', x)} error={f.errors.capacity} />
            <Text className='hm-label'>最低年级</Text>
            <Chips options={GRADE_OPTIONS} value={v.gradeMin} onChange={(k) => f.set('gradeMin', k)} label='最低年级' />
            <Text className='hm-label'>最高年级</Text>
            <Chips options={GRADE_OPTIONS} value={v.gradeMax} onChange={(k) => f.set('gradeMax', k)} label='最高年级' />
            {f.errors.grades && <Text className='hm-error'>{f.errors.grades}</Text>}
            <Text className='hm-label'>招生方式</Text>
            <Chips options={MODE_OPTIONS} value={v.mode} onChange={(k) => f.set('mode', k)} label='招生方式' />
            {v.mode === 'lottery' && (
              <TextField
                label='摇号种子号码（报名截止前公布）'
                type='number'
                value={v.announcedNumber}
                maxlength={20}
                onInput={(x) => f.set('announcedNumber', x)}
                error={f.errors.announcedNumber}
              />
            )}
          </View>
        )}
        <TextField label='报名开始' placeholder='YYYY-MM-DD HH:mm' value={v.opensAt} maxlength={16} onInput={(x) => f.set('opensAt', x)} error={f.errors.opensAt} />
        <TextField label='报名截止' placeholder='YYYY-MM-DD HH:mm' value={v.closesAt} maxlength={16} onInput={(x) => f.set('closesAt', x)} error={f.errors.closesAt} />
      </View>
      <View className='hm-card'>
        <Text className='hm-label'>优先照顾（需工作人员核实）</Text>
        <View className='hm-wrap' role='group' aria-label='优先照顾'>
          {PRIORITY_GROUPS.map((g) => (
            <CheckChip key={g} checked={v.priorityGroups.includes(g)} onChange={() => f.set('priorityGroups', toggle(v.priorityGroups, g))}>
              {v.priorityGroups.includes(g) ? `✓ ${PRIORITY_GROUP_LABELS[g]}` : PRIORITY_GROUP_LABELS[g]}
            </CheckChip>
          ))}
        </View>
        <Text className='hm-label'>每天的活动</Text>
        <View className='hm-wrap' role='group' aria-label='每天的活动'>
          {DAY_ACTIVITIES.map((a) => (
            <CheckChip key={a} checked={v.activities.includes(a)} onChange={() => f.set('activities', toggle(v.activities, a))}>
              {v.activities.includes(a) ? `✓ ${a}` : a}
            </CheckChip>
          ))}
        </View>
        <TextField label='备注（可不填）' multiline value={v.notes} maxlength={SCHOOL_LIMITS.notes} onInput={(x) => f.set('notes', x)} error={f.errors.notes} />
      </View>
      {f.formError && <Text className='hm-error hm-block'>{f.formError}</Text>}
      <Button className='hm-btn' loading={f.busy} disabled={f.busy} onClick={save}>
        {detail ? '保存修改' : '发布班次'}
      </Button>
    </View>
  )
}

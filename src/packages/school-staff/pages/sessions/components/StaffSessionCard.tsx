import { Text, View } from '@tarojs/components'
import type { StaffSessionDetail } from '@/contracts/school/sessions'
import { ALLOCATION_MODE_LABELS, GRADE_LABELS, SESSION_STATUS_LABELS, type EnrolmentTab } from '@/contracts/school/rules'
import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import { Button } from '@/components/Button'
import { formatDayTime } from '@/format/day'
import { ROUTES, go } from '@/routes'

export interface StaffSessionCardProps {
  detail: StaffSessionDetail
  busy: boolean
  onClose: (d: StaffSessionDetail) => void
  /** The 报名管理 tab to open (from a workbench queue); none: the page's own choice. */
  enrolmentsTab?: EnrolmentTab
}

/** A session in the staff list: its facts and counts, and the links the server allows (编辑, 截止报名, 报名管理, 花名册, 统计). */
export function StaffSessionCard({ detail, busy, onClose, enrolmentsTab }: StaffSessionCardProps) {
  const s = detail.session
  const q = `?sessionId=${encodeURIComponent(s.id)}`
  const can = (a: StaffSessionDetail['allowed'][number]) => detail.allowed.includes(a)
  return (
    <View className='hm-card' data-testid='staff-session-card'>
      <View className='hm-row'>
        <Text className='hm-h2'>{s.name}</Text>
        <Text className='hm-badge'>{SESSION_STATUS_LABELS[s.status]}</Text>
      </View>
      <Text className='hm-sub hm-block'>
        {s.communityName} · {ALLOCATION_MODE_LABELS[s.mode]} · {GRADE_LABELS[s.grades.min]}至{GRADE_LABELS[s.grades.max]}
      </Text>
      <Text className='hm-text hm-block'>
        {s.termStart} 至 {s.termEnd}，{s.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、')} {s.startTime}–{s.endTime}
      </Text>
      <Text className='hm-text hm-block'>
        名额 {s.capacity}，已占 {s.held}，{s.mode === 'lottery' ? `摇号报名 ${s.waiting} 户` : `候补 ${s.waiting} 人`}
      </Text>
      <Text className='hm-sub hm-block'>
        报名：{formatDayTime(s.opensAt)} 至 {formatDayTime(s.closesAt)}
      </Text>
      <View className='hm-wrap'>
        {can('edit') && (
          <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffSchoolSessionEdit}?id=${encodeURIComponent(s.id)}`)}>
            编辑
          </Button>
        )}
        {can('close') && (
          <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onClose(detail)}>
            截止报名
          </Button>
        )}
        {can('enrolments') && (
          <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffSchoolEnrolments}${q}${enrolmentsTab ? `&tab=${enrolmentsTab}` : ''}`)}>
            报名管理
          </Button>
        )}
        {can('roster') && (
          <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.schoolRoster}${q}`)}>
            花名册
          </Button>
        )}
        {can('stats') && (
          <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffSchoolStats}${q}`)}>
            统计
          </Button>
        )}
      </View>
    </View>
  )
}

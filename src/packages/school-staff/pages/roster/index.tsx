import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { RosterAction, RosterChild } from '@/contracts'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { rosterActions, useSchoolRoster } from '@/packages/school-staff/hooks/useAttendance'
import { askRequiredText, askText, confirm, showHint } from '@/ui/feedback'
import { ChildRow } from './components/ChildRow'
import { CheckoutSheet, releaseSteps } from './components/CheckoutSheet'
import { DaySwitcher } from './components/DaySwitcher'

/**
 * Staff, or a volunteer assigned to the station: a session day's roster (ROUTES.schoolRoster?sessionId=&day=). Each
 * child a row with 到校 and 接走 (the check-out sheet: the authorised adult and the code), leave marks, and staff's
 * release after phoning a guardian. Volunteers see masked names; the server decides what each may do.
 */
export default function SchoolRosterPage() {
  const { params } = useRouter()
  const sessionId = params?.sessionId ? decodeURIComponent(params.sessionId) : undefined
  const [day, setDay] = useState<string | undefined>(params?.day ? decodeURIComponent(params.day) : undefined)
  const roster = useSchoolRoster(sessionId, day)
  const page = useRemotePage(roster, true)
  const action = useAction()
  const [sheet, setSheet] = useState<RosterChild>()
  const r = roster.data

  const onAction = (c: RosterChild, a: RosterAction) => {
    if (!sessionId || !r) return
    const ids = { sessionId, childId: c.childId }
    if (a === 'checkOut') return setSheet(c)
    const steps: Record<Exclude<RosterAction, 'checkOut'>, () => Promise<unknown>> = {
      release: () => releaseSteps(sessionId, c),
      checkIn: () => rosterActions.checkIn(ids),
      markLeave: async () => {
        const reason = await askText(`${c.name} 请假`, '请假原因（可不填）', '请假')
        return reason === undefined ? SKIP : rosterActions.markLeave({ ...ids, day: r.day, ...(reason ? { reason } : {}) })
      },
      cancelLeave: async () => ((await confirm('取消请假', `确认取消 ${c.name} ${r.day} 的请假？`, '取消请假')) ? rosterActions.cancelLeave({ ...ids, day: r.day }) : SKIP),
    }
    const done = { checkIn: '已到校', release: '已放行', markLeave: '已请假', cancelLeave: '已取消请假' }[a]
    void action.run(steps[a], { done, key: c.childId, then: () => roster.refresh() })
  }

  const onCancelDay = () =>
    void action.run(
      async () => {
        if (!sessionId || !r) return SKIP
        const reason = await askRequiredText(`停课 ${r.day}`, '停课原因（家长会收到通知）', '停课')
        if (!reason || !(await confirm('确认停课', `确认 ${r.day} 停课？已录取孩子的家长会收到通知。`, '停课'))) return SKIP
        return rosterActions.cancelDay({ sessionId, day: r.day, reason })
      },
      {
        done: '已停课并通知家长',
        then: (res) => {
          // Guardians no message reached: staff phone them.
          if (res.callList.length) showHint(res.callList.map((c) => `${c.childName}：${c.phone}`).join('\n'), '请电话通知以下家长')
          return roster.refresh()
        },
      },
    )

  return (
    <Page {...page} loading={!!sessionId && page.loading} error={sessionId ? page.error : undefined} empty={!sessionId} emptyText='没有找到这期课程'>
      {r && (
        <>
          <DaySwitcher r={r} onDay={setDay} />
          {!r.notSessionDay && !r.children.length && (
            <View className='hm-card'>
              <Text className='hm-text'>这期还没有录取的孩子</Text>
            </View>
          )}
          {!r.notSessionDay && r.children.map((c) => <ChildRow key={c.childId} c={c} busy={action.busyKey === c.childId} disabled={action.busy} onAction={onAction} />)}
          {r.viewer === 'staff' && !r.notSessionDay && r.day >= r.today && (
            <Text className='hm-link hm-block' onClick={onCancelDay}>
              这一天停课…
            </Text>
          )}
          <Text className='hm-sub hm-block'>{r.viewer === 'staff' ? '孩子信息仅供本站照护使用，请勿外传' : '志愿者看到的孩子姓名已部分隐藏；接送有疑问请联系工作人员'}</Text>
          {sheet && sessionId && (
            <CheckoutSheet
              sessionId={sessionId}
              c={sheet}
              onClose={() => setSheet(undefined)}
              onDone={() => {
                setSheet(undefined)
                void roster.refresh()
              }}
            />
          )}
        </>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OccurrenceChange, RuleChange, StaffOccurrence } from '@/contracts/elder/activities'
import { SIGNUP_ROLE_SHORT } from '@/contracts/elder/rules'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES, go } from '@/routes'
import { askRequiredText, askText, confirm, showHint } from '@/ui/feedback'
import { elderActivityActions, useElderActivity } from '@/packages/elder-staff/hooks/useElderActivities'
import { ActivityForm } from './components/ActivityForm'
import { RuleEditForm } from './components/RuleEditForm'
import { StaffOccurrenceRow } from './components/StaffOccurrenceRow'

/** Tells staff who was notified, and whom to call (phones: the day's 电话提醒名单). */
function reportChange(c: Pick<OccurrenceChange, 'notified' | 'callList'>): void {
  if (!c.callList.length) return
  const lines = c.callList.map((p) => `${p.name}（${SIGNUP_ROLE_SHORT[p.role]}报名）`).join('\n')
  showHint(`已通知 ${c.notified} 人。以下报名者收不到消息，请电话告知（电话见“电话提醒名单”）：\n${lines}`, '请电话通知')
}

/** After a rule edit: the occurrences it cancelled. */
function reportRule(c: RuleChange): void {
  if (!c.cancelled.length) return
  const calls = c.cancelled.flatMap((x) => x.callList.map((p) => `${x.day} ${p.name}`))
  showHint(
    `新规则不再举办的 ${c.cancelled.length} 场已取消（${c.cancelled.map((x) => x.day).join('、')}），已通知 ${c.cancelled.reduce((n, x) => n + x.notified, 0)} 人。${calls.length ? `\n请电话告知：\n${calls.join('\n')}` : ''}`,
    '已取消的场次',
  )
}

/** Staff: an activity (new: its form), its rule, its coming occurrences with 取消本次 / 调整本次, 从某天起修改规则, 归档. */
export default function ElderActivityPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params?.id ? decodeURIComponent(params.id) : undefined)
  const detail = useElderActivity(id)
  const page = useRemotePage(detail, true)
  const [mode, setMode] = useState<'view' | 'edit' | 'rule'>('view')
  const action = useAction()
  const d = detail.data
  const a = d?.activity

  const cancel = (o: StaffOccurrence) =>
    void action.run(
      async () => {
        const reason = await askRequiredText('取消本次', '请填写取消原因（会通知已报名的人）', '下一步')
        if (!reason || !a) return SKIP
        if (!(await confirm('确认取消本次', `${o.date} ${o.start} 的“${a.title}”将被取消，已报名的 ${o.taken} 人会收到通知。`, '取消本次'))) return SKIP
        return elderActivityActions.cancel({ activityId: a.id, day: o.day, reason })
      },
      { done: '本次已取消', then: (c) => (reportChange(c), detail.refresh()) },
    )
  const move = (o: StaffOccurrence) =>
    void action.run(
      async () => {
        const typed = await askText('调整本次', `新的日期和时间（同一周内），格式：${o.date} ${o.start}`)
        if (!typed || !a) return SKIP
        const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})$/.exec(typed.trim())
        if (!m) {
          showHint('请按“日期 时间”填写，例如 2026-12-05 14:00')
          return SKIP
        }
        const place = await askText('调整地点', `新的地点（不改请留空，当前：${o.place}）`)
        const reason = await askRequiredText('调整原因', '请填写原因（会通知已报名的人）', '下一步')
        if (!reason) return SKIP
        if (!(await confirm('确认调整', `调整为 ${m[1]} ${m[2]}${place ? ` ${place}` : ''}，已报名的 ${o.taken} 人会收到通知。`, '确认调整'))) return SKIP
        return elderActivityActions.move({ activityId: a.id, day: o.day, newDay: m[1], startTime: m[2], ...(place ? { place } : {}), reason })
      },
      { done: '本次已调整', then: (c) => (reportChange(c), detail.refresh()) },
    )
  const archive = () =>
    void action.run(async () => ((await confirm('归档活动', '归档后不再出现在长者的活动表中。还有人报名的场次需先取消。', '归档')) && a ? elderActivityActions.archive(a.id) : SKIP), {
      done: '已归档',
      then: () => detail.refresh(),
    })

  if (!id) {
    return (
      <Page>
        <Text className='hm-title hm-block'>新建长者活动</Text>
        <ActivityForm onSaved={(saved) => (setId(saved.id), void Taro.setNavigationBarTitle({ title: saved.title }).catch(() => undefined))} />
      </Page>
    )
  }
  return (
    <Page {...page}>
      {d && a && (
        <View>
          {mode === 'edit' ? (
            <ActivityForm activity={a} onCancel={() => setMode('view')} onSaved={() => (setMode('view'), void detail.refresh())} />
          ) : (
            <View className='hm-card'>
              <Text className='hm-title hm-block'>{a.title}</Text>
              <Text className='hm-sub hm-block'>
                {a.category} · 带领：{a.host} · {a.status === 'archived' ? '已归档' : '进行中'}
              </Text>
              <Text className='hm-text hm-block'>{a.summary}</Text>
              {a.segments.length > 1 && <Text className='hm-sub hm-block'>规则历史：{a.segments.map((s) => `${s.from}${s.until ? `至${s.until}` : '起'} ${s.summary}`).join('；')}</Text>}
              {a.description ? <Text className='hm-text hm-block'>{a.description}</Text> : null}
              <View className='hm-wrap'>
                {d.allowed.includes('edit') && (
                  <Button className='hm-btn hm-btn-plain' onClick={() => setMode('edit')}>
                    编辑活动
                  </Button>
                )}
                {d.allowed.includes('editRule') && (
                  <Button className='hm-btn hm-btn-plain' onClick={() => setMode('rule')}>
                    从某天起修改规则
                  </Button>
                )}
                {d.allowed.includes('archive') && (
                  <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={archive}>
                    归档
                  </Button>
                )}
                <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffElderPoster}?week=this`)}>
                  本周海报
                </Button>
              </View>
            </View>
          )}
          {mode === 'rule' && <RuleEditForm activity={a} onCancel={() => setMode('view')} onDone={(c) => (setMode('view'), reportRule(c), void detail.refresh())} />}
          <Text className='hm-h2 hm-block'>接下来的场次</Text>
          {d.occurrences.length ? (
            d.occurrences.map((o) => <StaffOccurrenceRow key={o.day} activityId={a.id} o={o} busy={action.busy} onCancel={cancel} onMove={move} />)
          ) : (
            <Text className='hm-sub hm-block'>接下来四周没有场次</Text>
          )}
        </View>
      )}
    </Page>
  )
}

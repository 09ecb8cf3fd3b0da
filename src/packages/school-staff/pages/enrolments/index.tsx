import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OfferCallList, StaffEnrolmentRow, StaffLotteryRow } from '@/contracts/school'
import { ENROLMENT_TAB_LABELS, ENROLMENT_TABS, type EnrolmentTab } from '@/contracts/school/rules'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { askRequiredText, confirm } from '@/ui/feedback'
import { staffEnrolmentActions as act, useSessionEnrolments } from '@/packages/school-staff/hooks/useEnrolments'
import { EntryRow } from './components/EntryRow'
import { LotteryRow } from './components/LotteryRow'
import { SessionHead } from './components/SessionHead'
import { SessionTools } from './components/SessionTools'

/** 报名管理: a session's entries by tab (已录取 / 候补 / 待确认 / 摇号报名; `?tab=` opens one), removal, places, claims, the draw, the call list. */
export default function EnrolmentsPage() {
  const { params } = useRouter()
  const sessionId = params?.sessionId ? decodeURIComponent(params.sessionId) : undefined
  // Opened from a workbench queue: its tab (待确认, 摇号报名) first.
  const [tab, setTab] = useState<EnrolmentTab | undefined>(() => ENROLMENT_TABS.find((t) => t === params?.tab))
  const list = useSessionEnrolments(sessionId, tab)
  useListPage(list, true)
  const action = useAction()
  const [calls, setCalls] = useState<OfferCallList>()
  const head = list.head
  const can = new Set(head?.allowed ?? [])
  const shown = tab ?? head?.tab ?? 'enrolled'
  const tabs = ENROLMENT_TABS.filter((t) => t !== 'lottery' || head?.session.mode === 'lottery').map((t) => ({ key: t, label: `${ENROLMENT_TAB_LABELS[t]} ${head?.counts[t] ?? ''}` }))
  const refresh = () => list.refresh()
  if (!sessionId) return <Page empty emptyText='没有找到这个班' />

  const remove = (r: StaffEnrolmentRow) =>
    void action.run(
      async () => {
        const reason = await askRequiredText(`移出 ${r.name}`, '请填写原因（家长会看到）', '移出')
        if (!reason) return SKIP
        return (await confirm('确认移出', `确定把 ${r.name} 移出这个班吗？空出的名额会自动给第一位候补。`, '移出')) ? act.remove(sessionId, r.childId, reason) : SKIP
      },
      { done: '已移出', then: refresh },
    )
  const verify = (r: StaffLotteryRow, verified: boolean) =>
    void action.run(
      async () =>
        (await confirm(verified ? '核实优先资格' : '不予认定', `报名号 ${r.no} 的优先资格${verified ? '核实通过' : '不予认定（按普通家庭摇号）'}？`))
          ? act.verify(sessionId, r.familyId, verified)
          : SKIP,
      {
        done: '已保存',
        then: refresh,
      },
    )
  const draw = () =>
    void action.run(async () => ((await confirm('开始摇号', '摇号只能进行一次，结果立即公布给家庭。请确认优先资格已核实完毕。', '开始摇号')) ? act.draw(sessionId) : SKIP), {
      done: '摇号完成',
      then: () => {
        setTab('enrolled')
        return refresh()
      },
    })
  const capacity = (n: number) =>
    void action.run(async () => ((await confirm('修改名额', `把名额改为 ${n} 个？增加的名额会按顺序发给候补的孩子。`)) ? act.setCapacity(sessionId, n) : SKIP), {
      done: '名额已更新',
      then: refresh,
    })
  const callList = () => void action.run(() => act.callList(sessionId), { then: (c) => setCalls(c) })

  return (
    <Page>
      {head && <SessionHead s={head.session} />}
      {head && (
        <SessionTools
          key={head.session.capacity}
          capacity={head.session.capacity}
          held={head.session.held}
          canDraw={can.has('draw')}
          canSetCapacity={can.has('setCapacity')}
          busy={action.busy}
          calls={calls}
          onCapacity={capacity}
          onDraw={draw}
          onCallList={callList}
        />
      )}
      <Tabs tabs={tabs} value={shown} onChange={setTab} label='报名状态' />
      <View style={{ marginTop: '16px' }}>
        <ListBody
          list={list}
          emptyText={shown === 'lottery' ? '还没有家庭参加摇号' : `没有${ENROLMENT_TAB_LABELS[shown]}的孩子`}
          renderItem={(r) =>
            'no' in r ? (
              <LotteryRow key={r.familyId} r={r} busy={action.busy} onVerify={verify} />
            ) : (
              <EntryRow key={r.childId} r={r} canRemove={can.has('remove')} busy={action.busy} onRemove={remove} />
            )
          }
        />
      </View>
      {head?.session.lottery?.drawn && <Text className='hm-sub hm-block'>摇号已完成，结果已公布给家庭。</Text>}
    </Page>
  )
}

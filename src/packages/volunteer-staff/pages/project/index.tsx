import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { SlotChange, StaffSlotCard } from '@/contracts/volunteer'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { askRequiredText, askText, confirm, showHint } from '@/ui/feedback'
import { projectActions, useProject, useProjectSlots } from '@/packages/volunteer-staff/hooks/useProjects'
import { ProjectForm } from './components/ProjectForm'
import { SlotRow } from './components/SlotRow'
import { SlotsForm } from './components/SlotsForm'

/** Tells staff who was notified, and whom to call (the call list: name + phone). */
function reportChange(c: SlotChange): void {
  if (!c.callList.length) return
  const lines = c.callList.map((p) => `${p.name} ${p.phone}`).join('\n')
  showHint(`已通知 ${c.notified} 人。以下志愿者未订阅消息，请电话告知：\n${lines}`, '请电话通知')
}

/** Staff: a project (new: its form), its upcoming slots with 名单/改人数/取消, and 发布班次 (one or a repeat rule). */
export default function ProjectPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params?.id ? decodeURIComponent(params.id) : undefined)
  const project = useProject(id)
  const slots = useProjectSlots(id)
  useListPage(slots, true)
  const [editing, setEditing] = useState(false)
  const action = useAction()
  const p = project.data

  const changeHeadcount = (s: StaffSlotCard) =>
    void action.run(
      async () => {
        const n = await askText('修改招募人数', `当前 ${s.headcount} 人，已报名 ${s.taken} 人`)
        if (!n) return SKIP
        return projectActions.editSlot({ slotId: s.id, headcount: Number(n) })
      },
      { done: '已修改', then: (c) => (reportChange(c), slots.refresh()) },
    )
  const changeTime = (s: StaffSlotCard) =>
    void action.run(
      async () => {
        const typed = await askText('修改时间', `格式：${s.date} ${s.startTime}-${s.endTime}（已报名的志愿者会收到通知）`)
        if (!typed) return SKIP
        const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(typed)
        if (!m) {
          showHint('请按“日期 开始-结束”填写，例如 2026-12-05 14:00-16:00')
          return SKIP
        }
        return projectActions.editSlot({ slotId: s.id, date: m[1], startTime: m[2], endTime: m[3] })
      },
      { done: '已修改', then: (c) => (reportChange(c), slots.refresh()) },
    )
  const cancelSlot = (s: StaffSlotCard) =>
    void action.run(
      async () => {
        const reason = await askRequiredText('取消班次', '请填写取消原因（会通知已报名的志愿者）', '下一步')
        if (!reason) return SKIP
        if (!(await confirm('确认取消班次', `${s.date} ${s.startTime} 的班次将被取消，已报名的 ${s.taken} 人会收到通知。`, '取消班次'))) return SKIP
        return projectActions.cancelSlot(s.id, reason)
      },
      { done: '班次已取消', then: (c) => (reportChange(c), slots.refresh()) },
    )
  const archive = () =>
    void action.run(async () => ((await confirm('归档项目', '归档后不能再发布新班次，已发布的班次不受影响。', '归档')) && p ? projectActions.archive(p.id) : SKIP), {
      done: '已归档',
      then: () => project.refresh(),
    })

  if (!id) {
    return (
      <Page>
        <Text className='hm-title hm-block'>新建服务项目</Text>
        <ProjectForm onSaved={(saved) => (setId(saved.id), void Taro.setNavigationBarTitle({ title: saved.title }).catch(() => undefined))} />
      </Page>
    )
  }
  return (
    <Page loading={project.loading && !p} error={p ? undefined : project.error} onRetry={project.refresh}>
      {p && (
        <View>
          {editing ? (
            <ProjectForm project={p} onCancel={() => setEditing(false)} onSaved={() => (setEditing(false), void project.refresh())} />
          ) : (
            <View className='hm-card'>
              <Text className='hm-title hm-block'>{p.title}</Text>
              <Text className='hm-sub hm-block'>
                {p.serviceType} · {p.communityName} · {p.status === 'archived' ? '已归档' : '进行中'}
              </Text>
              <Text className='hm-text hm-block'>
                地点：{p.place.name}（签到范围 {p.place.radiusM} 米）
              </Text>
              <Text className='hm-text hm-block'>
                联系人：{p.contactName} {p.contactPhone}
              </Text>
              {p.status === 'active' && (
                <View className='hm-wrap'>
                  <Button className='hm-btn hm-btn-plain' onClick={() => setEditing(true)}>
                    编辑项目
                  </Button>
                  <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={archive}>
                    归档
                  </Button>
                </View>
              )}
            </View>
          )}
          {p.status === 'active' && <SlotsForm projectId={p.id} onCreated={() => void slots.refresh()} />}
          <Text className='hm-h2 hm-block'>班次（今天起）</Text>
          <ListBody
            list={slots}
            emptyText='还没有班次'
            renderItem={(s) => <SlotRow key={s.id} slot={s} busy={action.busy} onHeadcount={changeHeadcount} onTime={changeTime} onCancel={cancelSlot} />}
          />
        </View>
      )}
    </Page>
  )
}

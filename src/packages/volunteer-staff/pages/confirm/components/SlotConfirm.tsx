import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { StateView } from '@/components/StateView'
import type { ConfirmShift } from '@/contracts/volunteer/ledger'
import { formatHours } from '@/contracts/volunteer/hours'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { askRequiredText, confirm, showHint } from '@/ui/feedback'
import { adjustShift, confirmShifts, useConfirmSlot, voidShift } from '@/packages/volunteer-staff/hooks/useLedgerStaff'
import { ShiftRow } from './ShiftRow'

export interface SlotConfirmProps {
  slotId: string
}

/** One slot's shifts: bulk confirm (after a confirmation dialog), adjust one with a reason, void one with a reason. */
export function SlotConfirm({ slotId }: SlotConfirmProps) {
  const slot = useConfirmSlot(slotId)
  const page = useRemotePage(slot, true)
  const action = useAction()
  const v = slot.data
  if (page.error) return <StateView kind='error' error={page.error} onRetry={() => void page.onRetry()} />
  if (page.loading || !v) return <StateView kind='loading' />
  // Flagged shifts (e.g. a check-out the scheduler closed) are confirmed one by one, after a look.
  const ready = v.shifts.filter((s) => s.allowed.includes('confirm') && !s.flagged)
  const total = ready.reduce((n, s) => n + s.computedMinutes, 0)

  const onBulk = () =>
    void action.run(
      async () => {
        const ok = await confirm('批量确认', `确认 ${ready.length} 人的服务时长，共 ${formatHours(total)} 小时？确认后写入志愿服务记录，不能撤回（如有错误只能更正）。`, '确认')
        return ok ? confirmShifts({ slotId, openids: ready.map((s) => s.openid) }) : SKIP
      },
      {
        done: '已确认',
        then: (r) => {
          if (r.skipped.length) showHint(r.skipped.map((s) => `${v.shifts.find((x) => x.openid === s.openid)?.name ?? ''}：${s.reason}`).join('\n'))
          return slot.refresh()
        },
      },
    )
  const onConfirmOne = (s: ConfirmShift) =>
    void action.run(
      async () => {
        const ok = await confirm('复核后确认', `${s.name}：${s.flagged}。确认按 ${formatHours(s.computedMinutes)} 小时计入？如需改动请用“调整时长”。`, '确认')
        return ok ? confirmShifts({ slotId, openids: [s.openid] }) : SKIP
      },
      { key: s.openid, done: '已确认', then: () => slot.refresh() },
    )
  const onAdjust = (s: ConfirmShift) =>
    void action.run(
      async () => {
        const text = await askRequiredText(`调整 ${s.name} 的时长`, `请输入确认的分钟数（不超过 ${v.creditMinutes}）`, '下一步', '请填写分钟数')
        if (!text) return SKIP
        const minutes = Number(text)
        if (!Number.isInteger(minutes) || minutes < 0 || minutes > v.creditMinutes) {
          showHint(`请输入 0 到 ${v.creditMinutes} 之间的整数分钟`)
          return SKIP
        }
        const reason = await askRequiredText('调整原因', '请填写调整的原因（必填，志愿者可以看到）', '确认调整', '请填写调整的原因')
        return reason ? adjustShift({ slotId, openid: s.openid, minutes, reason }) : SKIP
      },
      { key: s.openid, done: '已调整并确认', then: () => slot.refresh() },
    )
  const onVoid = (s: ConfirmShift) =>
    void action.run(
      async () => {
        const reason = await askRequiredText(`作废 ${s.name} 的服务记录`, '请填写作废的原因（必填）', '下一步', '请填写作废的原因')
        if (!reason || !(await confirm('作废', `确定作废 ${s.name} 这次的服务记录吗？作废后不计时长。`, '作废'))) return SKIP
        return voidShift({ slotId, openid: s.openid, reason })
      },
      { key: s.openid, done: '已作废', then: () => slot.refresh() },
    )

  return (
    <View>
      <View className='hm-card'>
        <Text className='hm-title hm-block'>{v.title}</Text>
        <Text className='hm-text hm-block'>
          {v.date} {v.startTime}–{v.endTime} · {v.place}
        </Text>
        <Text className='hm-sub hm-block'>
          计入时长上限 {formatHours(v.creditMinutes)} 小时 · 待确认 {v.waiting} 人{v.flagged ? ` · 需复核 ${v.flagged} 人` : ''}
        </Text>
        {ready.length > 0 && (
          <Button className='hm-btn' disabled={action.busy} onClick={onBulk}>
            批量确认（{ready.length} 人）
          </Button>
        )}
      </View>
      {v.shifts.length === 0 ? (
        <StateView kind='empty' text='这个班次还没有签到记录' />
      ) : (
        v.shifts.map((s) => <ShiftRow key={s.openid} shift={s} busy={action.busyKey === s.openid || action.busy} onConfirm={onConfirmOne} onAdjust={onAdjust} onVoid={onVoid} />)
      )}
    </View>
  )
}

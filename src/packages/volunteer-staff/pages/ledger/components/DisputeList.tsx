import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import type { DisputeView } from '@/contracts/volunteer/ledger'
import { formatHours } from '@/contracts/volunteer/hours'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { askRequiredText, confirm, showHint } from '@/ui/feedback'
import { answerDispute, useDisputeQueue } from '@/packages/volunteer-staff/hooks/useLedgerStaff'

/** Staff: open disputes; answer by keeping the entry or adjusting it (a correction), with a reason the volunteer sees. */
export function DisputeList() {
  const list = useDisputeQueue()
  useListPage(list, true)
  const action = useAction()
  const done = (d: DisputeView) => () => list.update((items) => items.filter((x) => x.id !== d.id))

  const onKeep = (d: DisputeView) =>
    void action.run(
      async () => {
        const reason = await askRequiredText('维持原记录', '请填写答复（必填，志愿者可以看到）', '答复', '请填写答复的理由')
        return reason ? answerDispute({ disputeId: d.id, decision: 'keep', reason }) : SKIP
      },
      { key: d.id, done: '已答复', then: done(d) },
    )
  const onAdjust = (d: DisputeView) =>
    void action.run(
      async () => {
        const text = await askRequiredText('更正时长', `当前 ${d.entryMinutes} 分钟，请输入更正后的分钟数`, '下一步', '请填写分钟数')
        if (!text) return SKIP
        const minutes = Number(text)
        if (!Number.isInteger(minutes) || minutes < 0) {
          showHint('请输入整数分钟')
          return SKIP
        }
        const reason = await askRequiredText('更正理由', '请填写理由（必填，志愿者可以看到）', '下一步', '请填写更正的理由')
        if (!reason || !(await confirm('更正记录', `将这条记录由 ${formatHours(d.entryMinutes)} 小时更正为 ${formatHours(minutes)} 小时？更正会作为新记录保存。`, '更正'))) return SKIP
        return answerDispute({ disputeId: d.id, decision: 'adjust', minutes, reason })
      },
      { key: d.id, done: '已更正并答复', then: done(d) },
    )

  return (
    <ListBody
      list={list}
      emptyText='暂无待答复的异议'
      renderItem={(d) => (
        <View key={d.id} className='hm-card' data-testid='dispute'>
          <Text className='hm-title hm-block'>
            {d.volunteerName} · {d.content}
          </Text>
          <Text className='hm-text hm-block'>
            {d.serviceDate} · 当前 {formatHours(d.entryMinutes)} 小时
          </Text>
          <Text className='hm-text hm-block'>异议：{d.reason}</Text>
          <View className='hm-wrap'>
            <Button className='hm-btn hm-btn-inline' disabled={action.busy} onClick={() => onAdjust(d)}>
              更正时长
            </Button>
            <Button className='hm-btn hm-btn-gray hm-btn-inline' disabled={action.busy} onClick={() => onKeep(d)}>
              维持原记录
            </Button>
          </View>
        </View>
      )}
    />
  )
}

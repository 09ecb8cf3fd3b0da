import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { useState } from 'react'
import type { WishCard, WishChange } from '@/contracts/wish'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { ListBody } from '@/components/ListBody'
import { WishCardHeader } from '@/components/WishCardHeader'
import { askRequiredText, confirm } from '@/ui/feedback'
import { ROUTES, go } from '@/routes'
import { approveWish, hideWish, rejectWish, releaseWish, useWishQueue, type QueueKind } from '@/packages/staff/hooks/useWishQueue'
import { useListPage } from '@/hooks/useListPage'
import { RowActions, type RowAction } from '@/packages/staff/components/RowActions'
import { SKIP, useAction } from '@/hooks/useAction'

const TABS: { key: QueueKind; label: string; empty: string }[] = [
  { key: 'pending', label: '待审核', empty: '暂无待审核的心愿' },
  { key: 'reported', label: '被举报', empty: '暂无被举报的心愿' },
  { key: 'overdue', label: '认领逾期', empty: '暂无逾期的认领' },
  { key: 'release', label: '申请释放', empty: '暂无释放认领的申请' },
]

/** Staff queue of wishes in their communities: review, reported, overdue claims, claims the wisher asked to release. */
export default function WishQueuePage() {
  // The workbench opens a queue's own tab: ?kind=reported etc.
  const { params } = useRouter()
  const [tab, setTab] = useState<QueueKind>(TABS.find((t) => t.key === params.kind)?.key ?? 'pending')
  const list = useWishQueue(tab)
  const action = useAction()
  useListPage(list, true)

  /** Runs one row's action; done, the wish no longer belongs to this queue. */
  const act = (w: WishCard, steps: () => Promise<WishChange | typeof SKIP>, done: string) =>
    void action.run(steps, { key: w.id, done, then: () => list.update((items) => items.filter((x) => x.id !== w.id)) })

  const onApprove = (w: WishCard) => act(w, async () => ((await confirm('通过审核', `确定通过「${w.title}」吗？通过后心愿将公开在心愿墙上。`, '通过')) ? approveWish(w.id) : SKIP), '已通过')
  const onReject = (w: WishCard) =>
    act(
      w,
      async () => {
        const reason = await askRequiredText(`不通过「${w.title}」`, '请填写原因（必填，心愿人可以看到）', '不通过', '请填写不通过的原因')
        return reason ? rejectWish(w.id, reason) : SKIP
      },
      '已处理',
    )
  const onHide = (w: WishCard) =>
    act(
      w,
      async () => {
        const reason = await askRequiredText(`隐藏「${w.title}」`, '请填写隐藏的原因（必填，心愿人可以看到）', '下一步', '请填写隐藏的原因')
        if (!reason || !(await confirm('隐藏心愿', '确定隐藏这个心愿吗？隐藏后心愿墙上不再显示。', '隐藏'))) return SKIP
        return hideWish(w.id, reason)
      },
      '已隐藏',
    )
  const onRelease = (w: WishCard) =>
    act(
      w,
      async () => {
        const reason = await askRequiredText(`释放「${w.title}」的认领`, '请填写释放的原因（必填）', '下一步', '请填写释放的原因')
        if (!reason || !(await confirm('释放认领', '确定释放这个认领吗？心愿会回到心愿墙，等待其他人认领。', '释放'))) return SKIP
        return releaseWish(w.id, reason)
      },
      '已释放',
    )

  const ROW_ACTIONS: Record<QueueKind, (w: WishCard) => RowAction[]> = {
    pending: (w) => [
      { label: '通过', onClick: () => onApprove(w) },
      { label: '不通过', gray: true, onClick: () => onReject(w) },
    ],
    reported: (w) => [{ label: '隐藏', gray: true, onClick: () => onHide(w) }],
    overdue: (w) => [{ label: '释放认领', gray: true, onClick: () => onRelease(w) }],
    release: (w) => [{ label: '释放认领', gray: true, onClick: () => onRelease(w) }],
  }
  const current = TABS.find((t) => t.key === tab)!
  const renderItem = (w: WishCard) => {
    return (
      <View key={w.id} className='hm-card' data-testid='queue-wish'>
        <WishCardHeader wish={w} showReports asDay />
        {w.reason && <Text className='hm-text hm-block'>原因：{w.reason}</Text>}
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.wishDetail}?id=${encodeURIComponent(w.id)}`)}>
          查看详情
        </Button>
        <RowActions busy={action.busyKey === w.id} actions={ROW_ACTIONS[tab](w)} />
      </View>
    )
  }

  return (
    <Page>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      <ListBody list={list} emptyText={current.empty} renderItem={renderItem} />
      <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.staffWishStats)}>
        查看心愿统计
      </Button>
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { WishCard, WishChange } from '@/contracts/wish'
import { Page } from '@/components/Page'
import { ListFooter } from '@/components/ListFooter'
import { Tabs } from '@/components/Tabs'
import { StateView } from '@/components/StateView'
import { askText, confirm, showDone, showError } from '@/ui/feedback'
import { WISH_STATUS_LABELS, wishBadgeClass } from '@/format/wish'
import { formatDay } from '@/format/day'
import { ROUTES, go } from '@/routes'
import { approveWish, hideWish, rejectWish, releaseWish, useWishQueue, type QueueKind } from '@/packages/staff/hooks/useWishQueue'
import { useListPage } from '@/hooks/useListPage'

const TABS: { key: QueueKind; label: string; empty: string }[] = [
  { key: 'pending', label: '待审核', empty: '暂无待审核的心愿' },
  { key: 'reported', label: '被举报', empty: '暂无被举报的心愿' },
  { key: 'overdue', label: '认领逾期', empty: '暂无逾期的认领' },
]

/** Asks for a required reason (weapp: editable modal; h5: prompt); undefined when cancelled or empty. */
async function askReason(title: string, placeholder: string, confirmText: string, missing: string): Promise<string | undefined> {
  const reason = await askText(title, placeholder, confirmText)
  if (reason === undefined) return undefined
  if (!reason) {
    void Taro.showModal({ title: '提示', content: missing, showCancel: false, confirmText: '知道了' })
    return undefined
  }
  return reason
}

/** Staff queue of wishes in their communities: review, reported, overdue claims. */
export default function WishQueuePage() {
  const [tab, setTab] = useState<QueueKind>('pending')
  const list = useWishQueue(tab)
  const [busyId, setBusyId] = useState<string>()
  useListPage(list, true)

  const act = async (w: WishCard, fn: () => Promise<WishChange>, done: string) => {
    setBusyId(w.id)
    try {
      await fn()
      // It no longer belongs to this queue.
      list.update((items) => items.filter((x) => x.id !== w.id))
      showDone(done)
    } catch (e) {
      showError(e)
    } finally {
      setBusyId(undefined)
    }
  }

  const onApprove = async (w: WishCard) => {
    if (!(await confirm('通过审核', `确定通过「${w.title}」吗？通过后心愿将公开在心愿墙上。`, '通过'))) return
    await act(w, () => approveWish(w.id), '已通过')
  }
  const onReject = async (w: WishCard) => {
    const reason = await askReason(`不通过「${w.title}」`, '请填写原因（必填，心愿人可以看到）', '不通过', '请填写不通过的原因')
    if (reason) await act(w, () => rejectWish(w.id, reason), '已处理')
  }
  const onHide = async (w: WishCard) => {
    const reason = await askReason(`隐藏「${w.title}」`, '请填写隐藏的原因（必填，心愿人可以看到）', '下一步', '请填写隐藏的原因')
    if (!reason) return
    if (!(await confirm('隐藏心愿', '确定隐藏这个心愿吗？隐藏后心愿墙上不再显示。', '隐藏'))) return
    await act(w, () => hideWish(w.id, reason), '已隐藏')
  }
  const onRelease = async (w: WishCard) => {
    const reason = await askReason(`释放「${w.title}」的认领`, '请填写释放的原因（必填）', '下一步', '请填写释放的原因')
    if (!reason) return
    if (!(await confirm('释放认领', '确定释放这个逾期的认领吗？心愿会回到心愿墙，等待其他人认领。', '释放'))) return
    await act(w, () => releaseWish(w.id, reason), '已释放')
  }

  const current = TABS.find((t) => t.key === tab)!
  let body
  if (list.loading) body = <StateView kind='loading' />
  else if (list.error) body = <StateView kind='error' error={list.error} onRetry={list.refresh} />
  else if (list.items.length === 0) body = <StateView kind='empty' text={current.empty} />
  else
    body = (
      <View>
        {list.items.map((w) => (
          <View key={w.id} className='hm-card' data-testid='queue-wish'>
            <View className='hm-row'>
              <Text className='hm-h2' style={{ flex: 1 }}>
                {w.title}
              </Text>
              <Text className={`hm-badge ${wishBadgeClass(w.status)}`}>{WISH_STATUS_LABELS[w.status] || w.status}</Text>
            </View>
            <View className='hm-wrap'>
              <Text className='hm-badge'>{w.category}</Text>
              {w.overdue && <Text className='hm-badge hm-badge-warn'>已逾期</Text>}
              {!!w.reportCount && <Text className='hm-badge hm-badge-warn'>被举报 {w.reportCount} 次</Text>}
            </View>
            <Text className='hm-sub hm-block'>
              {w.displayName} · {w.communityName} · {formatDay(w.publishedAt || w.createdAt)}
            </Text>
            {w.reason && <Text className='hm-text hm-block'>原因：{w.reason}</Text>}
            <View>
              <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.wishDetail}?id=${encodeURIComponent(w.id)}`)}>
                查看详情
              </Button>
              {tab === 'pending' && (
                <>
                  <Button className='hm-btn' disabled={busyId === w.id} onClick={() => void onApprove(w)}>
                    通过
                  </Button>
                  <Button className='hm-btn hm-btn-gray' disabled={busyId === w.id} onClick={() => void onReject(w)}>
                    不通过
                  </Button>
                </>
              )}
              {tab === 'reported' && (
                <Button className='hm-btn hm-btn-gray' disabled={busyId === w.id} onClick={() => void onHide(w)}>
                  隐藏
                </Button>
              )}
              {tab === 'overdue' && (
                <Button className='hm-btn hm-btn-gray' disabled={busyId === w.id} onClick={() => void onRelease(w)}>
                  释放认领
                </Button>
              )}
            </View>
          </View>
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={() => void list.loadMore()} />
      </View>
    )

  return (
    <Page>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {body}
      <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.staffWishStats)}>
        查看心愿统计
      </Button>
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { VolunteerApplication } from '@/contracts'
import { Page } from '@/components/Page'
import { ListFooter } from '@/components/ListFooter'
import { Tabs } from '@/components/Tabs'
import { StateView } from '@/components/StateView'
import { askText, confirm, showDone, showError } from '@/ui/feedback'
import { approveApplication, rejectApplication, useApplications } from '@/packages/staff/hooks/useApplications'
import { useListPage } from '@/hooks/useListPage'
import { formatDay } from '@/format/day'

type Tab = 'pending' | 'approved' | 'rejected'
const TABS: { key: Tab; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已通过' },
  { key: 'rejected', label: '未通过' },
]

/** Staff queue of volunteer applications: status tabs, approve with confirmation, reject with a reason. */
export default function ApplicationsPage() {
  const [tab, setTab] = useState<Tab>('pending')
  const list = useApplications(tab)
  const [busyId, setBusyId] = useState<string>()

  useListPage(list)

  const done = (updated: VolunteerApplication) => {
    // It no longer belongs to this tab.
    list.update((items) => items.filter((a) => a.id !== updated.id))
  }

  const onApprove = async (a: VolunteerApplication) => {
    if (!(await confirm('通过申请', `确定通过 ${a.realName} 的志愿者申请吗？`, '通过'))) return
    setBusyId(a.id)
    try {
      done(await approveApplication(a.id))
      showDone('已通过')
    } catch (e) {
      showError(e)
    } finally {
      setBusyId(undefined)
    }
  }

  const onReject = async (a: VolunteerApplication) => {
    const reason = await askText(`不通过 ${a.realName} 的申请`, '请填写原因（必填，申请人可以看到）', '不通过')
    if (reason === undefined) return
    if (!reason) {
      void Taro.showModal({ title: '提示', content: '请填写不通过的原因', showCancel: false, confirmText: '知道了' })
      return
    }
    setBusyId(a.id)
    try {
      done(await rejectApplication(a.id, reason))
      showDone('已处理')
    } catch (e) {
      showError(e)
    } finally {
      setBusyId(undefined)
    }
  }

  let body
  if (list.loading) body = <StateView kind='loading' />
  else if (list.error) body = <StateView kind='error' error={list.error} onRetry={list.refresh} />
  else if (list.items.length === 0) body = <StateView kind='empty' text={tab === 'pending' ? '暂无待审核的申请' : '暂无记录'} />
  else
    body = (
      <View>
        {list.items.map((a) => (
          <View key={a.id} className='hm-card' data-testid='application'>
            <View className='hm-row'>
              <Text className='hm-h2'>{a.realName}</Text>
              <Text className='hm-sub'>{a.communityName}</Text>
            </View>
            <Text className='hm-text hm-block'>手机：{a.phone}</Text>
            <View className='hm-wrap'>
              {a.skills.map((s) => (
                <Text key={s} className='hm-badge'>
                  {s}
                </Text>
              ))}
            </View>
            {a.intro && <Text className='hm-text hm-block'>介绍：{a.intro}</Text>}
            <Text className='hm-sub hm-block'>申请日期：{formatDay(a.createdAt)}</Text>
            {a.status === 'rejected' && <Text className='hm-text hm-block'>原因：{a.reason || '未填写'}</Text>}
            {a.status === 'pending' && (
              <View className='hm-wrap'>
                <Button className='hm-btn hm-btn-inline' disabled={busyId === a.id} onClick={() => void onApprove(a)}>
                  通过
                </Button>
                <Button className='hm-btn hm-btn-gray hm-btn-inline' disabled={busyId === a.id} onClick={() => void onReject(a)}>
                  不通过
                </Button>
              </View>
            )}
          </View>
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={() => void list.loadMore()} />
      </View>
    )

  return (
    <Page>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {body}
    </Page>
  )
}

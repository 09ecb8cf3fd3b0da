import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { VolunteerApplication } from '@/contracts'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { ROUTES, go } from '@/routes'
import { Tabs } from '@/components/Tabs'
import { ListBody } from '@/components/ListBody'
import { askRequiredText, confirm } from '@/ui/feedback'
import { formatDay } from '@/format/day'
import { approveApplication, rejectApplication, useApplications } from '@/packages/staff/hooks/useApplications'
import { useListPage } from '@/hooks/useListPage'
import { RowActions } from '@/packages/staff/components/RowActions'
import { SKIP, useAction } from '@/hooks/useAction'

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
  const action = useAction()
  useListPage(list)

  /** Runs one row's action; done, the application no longer belongs to this tab. */
  const act = (a: VolunteerApplication, steps: () => Promise<VolunteerApplication | typeof SKIP>, done: string) =>
    void action.run(steps, { key: a.id, done, then: (updated) => list.update((items) => items.filter((x) => x.id !== updated.id)) })

  const onApprove = (a: VolunteerApplication) =>
    act(a, async () => ((await confirm('通过申请', `确定通过 ${a.realName} 的志愿者申请吗？`, '通过')) ? approveApplication(a.id) : SKIP), '已通过')
  const onReject = (a: VolunteerApplication) =>
    act(
      a,
      async () => {
        const reason = await askRequiredText(`不通过 ${a.realName} 的申请`, '请填写原因（必填，申请人可以看到）', '不通过', '请填写不通过的原因')
        return reason ? rejectApplication(a.id, reason) : SKIP
      },
      '已处理',
    )

  const renderItem = (a: VolunteerApplication) => (
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
      {a.birthDate && <Text className='hm-sub hm-block'>出生日期：{a.birthDate}</Text>}
      {a.status === 'rejected' && <Text className='hm-text hm-block'>原因：{a.reason || '未填写'}</Text>}
      {a.status === 'approved' && (
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffTraining}?openid=${encodeURIComponent(a.openid)}`)}>
          登记培训
        </Button>
      )}
      {a.status === 'pending' && (
        <RowActions
          inline
          busy={action.busyKey === a.id}
          actions={[
            { label: '通过', onClick: () => onApprove(a) },
            { label: '不通过', gray: true, onClick: () => onReject(a) },
          ]}
        />
      )}
    </View>
  )

  return (
    <Page>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      <ListBody list={list} emptyText={tab === 'pending' ? '暂无待审核的申请' : '暂无记录'} renderItem={renderItem} />
    </Page>
  )
}

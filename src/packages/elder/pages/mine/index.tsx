import { Text, View } from '@tarojs/components'
import { PERSON_STATUS_LABELS, type MyElderSignupCard } from '@/contracts'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { useListPage } from '@/hooks/useListPage'
import { formatDay, formatTime } from '@/format/day'
import { ROUTES, go } from '@/routes'
import { Notice } from '@/packages/elder/components/Notice'
import { useSaidAction } from '@/packages/elder/hooks/useSaidAction'
import { signupActions, useMySignups } from '@/packages/elder/hooks/useSignups'

/** 我的报名 (large type): my sign-ups and those I made for my family, from today on; cancel with confirmation. */
export default function MinePage() {
  const list = useMySignups()
  useListPage(list, true)
  const said = useSaidAction()
  const open = (s: MyElderSignupCard) => go(`${ROUTES.elderOccurrence}?activityId=${encodeURIComponent(s.activityId)}&day=${s.day}`)
  const cancel = (s: MyElderSignupCard) =>
    said.confirmed({ title: '取消报名', content: `确定取消 ${s.name} 的报名吗？`, confirmText: '取消报名' }, () => signupActions.cancelSignUp(s.activityId, s.day, s.person), {
      done: `已取消 ${s.name} 的报名`,
      then: () => list.refresh(),
    })
  return (
    <Page alwaysLarge>
      <Notice text={said.notice} />
      <ListBody
        list={list}
        emptyText='还没有报名的活动'
        renderItem={(s) => (
          <View key={`${s.activityId}-${s.day}-${typeof s.person === 'string' ? 'self' : s.person.profileId}`} className='hm-card'>
            <Text className='hm-title hm-block'>{s.title}</Text>
            <Text className='hm-text hm-block'>
              {formatDay(s.day)} {formatTime(s.startAt)} · {s.place}
            </Text>
            <Text className='hm-text hm-block'>
              {s.name}：{s.cancelled ? '活动已取消' : PERSON_STATUS_LABELS[s.status]}
            </Text>
            <Button className='hm-btn hm-btn-plain' onClick={() => open(s)}>
              查看活动
            </Button>
            {s.allowed.includes('cancelSignUp') && (
              <Button className='hm-btn hm-btn-plain' disabled={said.busy} onClick={() => cancel(s)}>
                取消报名
              </Button>
            )}
          </View>
        )}
      />
      <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.elderProfiles)}>
        我的家人
      </Button>
    </Page>
  )
}

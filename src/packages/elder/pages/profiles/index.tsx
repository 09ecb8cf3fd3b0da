import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ElderProfileView } from '@/contracts'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { useListPage } from '@/hooks/useListPage'
import { Notice } from '@/packages/elder/components/Notice'
import { useSaidAction } from '@/packages/elder/hooks/useSaidAction'
import { signupActions, useMyProfiles } from '@/packages/elder/hooks/useSignups'
import { ProfileForm } from './components/ProfileForm'

/** 我的家人 (large type): the elders I manage (phone and age shown to me only), add one with the consent noted. */
export default function ProfilesPage() {
  const list = useMyProfiles()
  useListPage(list, true)
  const said = useSaidAction()
  const [adding, setAdding] = useState(false)
  const archive = (p: ElderProfileView) =>
    said.confirmed({ title: '停用档案', content: `确定停用 ${p.name} 的档案吗？停用后不能再为TA报名。`, confirmText: '停用' }, () => signupActions.archiveProfile(p.id), {
      done: `已停用 ${p.name} 的档案`,
      then: () => list.refresh(),
    })
  return (
    <Page alwaysLarge>
      <Notice text={said.notice} />
      <ListBody
        list={list}
        emptyText='还没有添加家人'
        renderItem={(p) => (
          <View key={p.id} className='hm-card'>
            <Text className='hm-title hm-block'>{p.name}</Text>
            <Text className='hm-text hm-block'>
              {p.age} 岁{p.phone ? ` · ${p.phone}` : ' · 未留手机号'}
            </Text>
            <Button className='hm-btn hm-btn-plain' disabled={said.busy} onClick={() => archive(p)}>
              停用档案
            </Button>
          </View>
        )}
      />
      {adding ? (
        <ProfileForm save={signupActions.saveProfile} onSaved={(p) => (setAdding(false), said.setNotice(`已添加 ${p.name}`), void list.refresh())} />
      ) : (
        <Button className='hm-btn' onClick={() => setAdding(true)}>
          添加家人
        </Button>
      )}
    </Page>
  )
}

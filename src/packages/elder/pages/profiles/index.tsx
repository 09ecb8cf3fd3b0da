import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ElderProfileView } from '@/contracts'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { confirm } from '@/ui/feedback'
import { signupActions, useMyProfiles } from '@/packages/elder/hooks/useSignups'
import { ProfileForm } from './components/ProfileForm'

/** 我的家人 (large type): the elders I manage (phone and age shown to me only), add one with the consent noted. */
export default function ProfilesPage() {
  const list = useMyProfiles()
  useListPage(list, true)
  const action = useAction()
  const [adding, setAdding] = useState(false)
  const [notice, setNotice] = useState('')
  const archive = (p: ElderProfileView) =>
    void action.run(async () => ((await confirm('停用档案', `确定停用 ${p.name} 的档案吗？停用后不能再为TA报名。`, '停用')) ? signupActions.archiveProfile(p.id) : SKIP), {
      then: () => (setNotice(`已停用 ${p.name} 的档案`), list.refresh()),
      onError: (e) => (setNotice(e.message), true),
    })
  return (
    <Page alwaysLarge>
      {!!notice && (
        <View className='hm-card' role='status'>
          <Text className='hm-text hm-block'>{notice}</Text>
        </View>
      )}
      <ListBody
        list={list}
        emptyText='还没有添加家人'
        renderItem={(p) => (
          <View key={p.id} className='hm-card'>
            <Text className='hm-title hm-block'>{p.name}</Text>
            <Text className='hm-text hm-block'>
              {p.age} 岁{p.phone ? ` · ${p.phone}` : ' · 未留手机号'}
            </Text>
            <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={() => archive(p)}>
              停用档案
            </Button>
          </View>
        )}
      />
      {adding ? (
        <ProfileForm save={signupActions.saveProfile} onSaved={(p) => (setAdding(false), setNotice(`已添加 ${p.name}`), void list.refresh())} />
      ) : (
        <Button className='hm-btn' onClick={() => setAdding(true)}>
          添加家人
        </Button>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Page } from '@/components/Page'
import { tapA11y } from '@/components/tapA11y'
import { useAction } from '@/hooks/useAction'
import { ROUTES } from '@/routes'
import { getPersona, recentPersonas, switchPersona, switchToNewUser, usePersonas } from '@/packages/user/hooks/usePersonas'

/** Local h5 runs only: pick a demo identity served by the emulator, or a brand-new user. */
export default function PersonaPage() {
  const personas = usePersonas()
  const [current, setCurrent] = useState(getPersona())
  const list = personas.data || []
  const demo = new Set(list.map((p) => p.openid))
  const recent = recentPersonas().filter((p) => !demo.has(p.openid))

  const action = useAction()
  /** Switches identity (one switch at a time), then opens 我的 as that person. */
  const pick = (fn: () => Promise<void>) =>
    action.run(fn, {
      then: () => {
        setCurrent(getPersona())
        void Taro.switchTab({ url: ROUTES.me })
      },
    })

  return (
    <Page loading={personas.loading} error={personas.error} onRetry={personas.refresh}>
      <Text className='hm-title'>选择演示身份</Text>
      <Text className='hm-sub hm-block'>仅用于本地运行。当前：{current || '未选择'}</Text>
      {list.length === 0 && <Text className='hm-text hm-block'>模拟器没有演示身份</Text>}
      {list.map((p) => (
        <View key={p.openid} className='hm-card hm-row' onClick={() => void pick(() => switchPersona(p.openid))} {...tapA11y('button')}>
          <View>
            <Text className='hm-text hm-block'>{p.label}</Text>
            <Text className='hm-sub hm-block'>
              {p.role}
              {p.communityName ? ` · ${p.communityName}` : ''}
            </Text>
          </View>
          <Text className={`hm-badge ${p.openid === current ? 'hm-badge-primary' : ''}`}>{p.openid === current ? '当前' : '选择'}</Text>
        </View>
      ))}
      {recent.length > 0 && <Text className='hm-h2'>最近使用</Text>}
      {recent.map((p) => (
        <View key={p.openid} className='hm-card hm-row' onClick={() => void pick(() => switchPersona(p.openid))} {...tapA11y('button')}>
          <View>
            <Text className='hm-text hm-block'>{p.nickname || '未注册的新用户'}</Text>
            <Text className='hm-sub hm-block'>{p.openid}</Text>
          </View>
          <Text className={`hm-badge ${p.openid === current ? 'hm-badge-primary' : ''}`}>{p.openid === current ? '当前' : '选择'}</Text>
        </View>
      ))}
      <Button className='hm-btn hm-btn-plain' onClick={() => void pick(switchToNewUser)}>
        新用户
      </Button>
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ElderRoster, Page, WalkInProfile } from '@/contracts'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { tapA11y } from '@/components/tapA11y'
import { ELDER_LIMITS } from '@/contracts'
import { formatTime } from '@/format/day'

export interface WalkInsProps {
  r: ElderRoster
  profiles: Page<WalkInProfile> | undefined
  busy: boolean
  onAdd: (who: { name: string } | { profileId: string; name: string }) => Promise<boolean>
  onPick: (page?: number) => void
}

/** The walk-ins (现场参加者) and 添加现场参加者: by name, or picking a managed profile of the community. */
export function WalkIns({ r, profiles, busy, onAdd, onPick }: WalkInsProps) {
  const [name, setName] = useState('')
  const add = async () => {
    if (await onAdd({ name })) setName('')
  }
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>现场参加者（{r.walkIns.length}）</Text>
      {r.walkIns.map((w, i) => (
        <Text key={`${w.at}-${i}`} className='hm-text hm-block' data-testid='walk-in'>
          {w.name} · {formatTime(w.at)}
          {w.profileId ? ' · 长者档案' : ''}
        </Text>
      ))}
      {r.checkinOpen && (
        <View>
          <TextField label='添加现场参加者' name='现场参加者姓名' value={name} onInput={setName} placeholder='姓名' maxlength={ELDER_LIMITS.profileName} />
          <View className='hm-wrap'>
            <Button className='hm-btn hm-btn-inline' disabled={busy || !name.trim()} onClick={() => void add()}>
              按姓名添加
            </Button>
            <Button className='hm-btn hm-btn-inline hm-btn-gray' disabled={busy} onClick={() => onPick()}>
              从长者档案选择
            </Button>
          </View>
          {profiles && !profiles.items.length && <Text className='hm-sub hm-block'>本社区还没有长者档案</Text>}
          {profiles && (
            <View className='hm-wrap' role='group' aria-label='长者档案'>
              {profiles.items.map((p) => (
                <View key={p.profileId} className='hm-chip' {...tapA11y('button', busy)} onClick={() => void onAdd({ profileId: p.profileId, name: p.name })}>
                  <Text>{p.name}</Text>
                </View>
              ))}
              {profiles.hasMore && (
                <View className='hm-chip' {...tapA11y('button')} onClick={() => onPick(profiles.page + 1)}>
                  <Text>更多…</Text>
                </View>
              )}
            </View>
          )}
        </View>
      )}
    </View>
  )
}

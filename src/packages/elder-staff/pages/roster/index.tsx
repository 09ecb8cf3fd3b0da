import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { RosterSignup } from '@/contracts'
import { Page } from '@/components/Page'
import { useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { addWalkIn, tickSignup, useElderRoster, useOccurrenceCode, useWalkInProfiles } from '@/packages/elder-staff/hooks/useOnsite'
import { showError } from '@/ui/feedback'
import { RosterHead } from './components/RosterHead'
import { SignupRow } from './components/SignupRow'
import { WalkIns } from './components/WalkIns'

const param = (v: string | undefined) => (v ? decodeURIComponent(v) : undefined)

/**
 * Staff: an occurrence's roster — the sign-ups with who signed them up, ticked as they arrive; 添加现场参加者 (by
 * name or a managed profile); and 签到码 for elders and families to scan. Staff in scope only: the server refuses
 * anyone else, and shows no phone.
 */
export default function ElderRosterPage() {
  const { params } = useRouter()
  const activityId = param(params?.activityId)
  const day = param(params?.day)
  const roster = useElderRoster(activityId, day)
  const page = useRemotePage(roster, true)
  const action = useAction()
  const [codeShown, setCodeShown] = useState(false)
  const code = useOccurrenceCode(activityId, day, codeShown)
  const r = roster.data
  const profiles = useWalkInProfiles(r?.communityId)

  const onTick = (s: RosterSignup) => void action.run(() => tickSignup(r!, s), { done: `${s.name} 已签到`, key: s.personKey, then: () => roster.refresh() })
  const onAdd = async (who: { name: string } | { profileId: string; name: string }) => {
    const input = 'profileId' in who ? { profileId: who.profileId } : { name: who.name.trim() }
    return !!(await action.run(() => addWalkIn(r!, input), { done: `已添加 ${who.name.trim()}`, key: 'walk-in', then: () => roster.refresh() }))
  }
  const onPick = (n?: number) => void profiles.load(n).catch(showError)

  return (
    <Page {...page} loading={!!activityId && page.loading} error={activityId ? page.error : undefined} empty={!activityId || !day} emptyText='没有找到这次活动'>
      {r && (
        <>
          <RosterHead r={r} code={code.data} codeShown={codeShown} codeLoading={code.loading && codeShown} onCode={() => setCodeShown(!codeShown)} />
          {codeShown && code.error && <Text className='hm-text hm-block'>{code.error.message}</Text>}
          {!r.signups.length && (
            <View className='hm-card'>
              <Text className='hm-text'>还没有人报名</Text>
            </View>
          )}
          {r.signups.map((s) => (
            <SignupRow key={s.index} s={s} open={r.checkinOpen} busy={action.busyKey === s.personKey} disabled={action.busy} onTick={onTick} />
          ))}
          <WalkIns r={r} profiles={profiles.list} busy={action.busy} onAdd={onAdd} onPick={onPick} />
          <Text className='hm-sub hm-block'>名单只显示姓名和报名人，不显示电话</Text>
        </>
      )}
    </Page>
  )
}

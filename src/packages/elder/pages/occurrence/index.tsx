import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useScene } from '@/hooks/useScene'
import type { ElderSignupCandidate } from '@/contracts'
import { Page } from '@/components/Page'
import { SKIP, useAction, type AppError } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { confirm } from '@/ui/feedback'
import { ROUTES, go } from '@/routes'
import { signupActions, useOccurrence } from '@/packages/elder/hooks/useSignups'
import { Candidates } from './components/Candidates'
import { OccurrenceInfo } from './components/OccurrenceInfo'
import { ScanCheckIn } from '@/packages/elder/components/ScanCheckIn'

/**
 * One occurrence for an elder or a family member (large type): the details, and whom I may sign up — myself
 * (我要报名) or an elder I manage (为家人报名). Outcomes and refusals are said on the page (no pop-ups but the
 * cancellation's confirmation).
 */
export default function OccurrencePage() {
  const { params } = useRouter()
  // Opened from the occurrence's code (签到码): the scene names the occurrence; the page is the check-in.
  const scene = useScene()
  const activityId = params?.activityId ? decodeURIComponent(params.activityId) : undefined
  const day = params?.day ? decodeURIComponent(params.day) : undefined
  const occ = useOccurrence(activityId, day)
  const page = useRemotePage(occ, true)
  const action = useAction()
  const [notice, setNotice] = useState('')
  const o = occ.data
  const said = (e: AppError) => {
    setNotice(e.message)
    void occ.refresh()
    return true
  }

  // The subscription prompt must come from the tap itself: signupActions.signUp asks before anything is awaited.
  const signUp = (c: ElderSignupCandidate) => {
    if (!o) return
    setNotice('')
    // action.run calls its steps synchronously: the prompt is still inside the tap.
    void action.run(() => signupActions.signUp({ activityId: o.activityId, day: o.day, person: c.person, stored: o.stored }, o.reminderTemplateId), {
      then: () => (setNotice(`${c.name} 报名成功`), occ.refresh()),
      onError: said,
    })
  }
  const cancel = (c: ElderSignupCandidate) => {
    if (!o) return
    setNotice('')
    void action.run(async () => ((await confirm('取消报名', `确定取消 ${c.name} 的报名吗？`, '取消报名')) ? signupActions.cancelSignUp(o.activityId, o.day, c.person) : SKIP), {
      then: () => (setNotice(`已取消 ${c.name} 的报名`), occ.refresh()),
      onError: said,
    })
  }

  const missing = !activityId || !day
  if (scene && missing) {
    return (
      <Page alwaysLarge>
        <ScanCheckIn scene={scene} />
      </Page>
    )
  }
  return (
    <Page alwaysLarge {...page} loading={!missing && page.loading} error={missing ? undefined : page.error} empty={missing} emptyText='没有找到这次活动'>
      {o && (
        <View>
          <OccurrenceInfo o={o} />
          {!!notice && (
            <View className='hm-card' role='status'>
              <Text className='hm-text hm-block'>{notice}</Text>
            </View>
          )}
          {o.signupRequired && !o.cancelled && <Candidates candidates={o.candidates} busy={action.busy} onSignUp={signUp} onCancel={cancel} onAddFamily={() => go(ROUTES.elderProfiles)} />}
        </View>
      )}
    </Page>
  )
}

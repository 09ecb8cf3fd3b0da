import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useScene } from '@/hooks/useScene'
import { useTemplateIds } from '@/hooks/useTemplateIds'
import type { ElderSignupCandidate } from '@/contracts'
import { Page } from '@/components/Page'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES, go } from '@/routes'
import { signupActions, useOccurrence } from '@/packages/elder/hooks/useSignups'
import { Candidates } from './components/Candidates'
import { OccurrenceInfo } from './components/OccurrenceInfo'
import { Notice } from '@/packages/elder/components/Notice'
import { ScanCheckIn } from '@/packages/elder/components/ScanCheckIn'
import { useSaidAction } from '@/packages/elder/hooks/useSaidAction'

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
  const said = useSaidAction()
  const o = occ.data
  // The reminder is what signing up asks for; a cancelled or moved occurrence's notice rides along in the same prompt.
  const templateIds = useTemplateIds('ELDER_REMINDER', 'ELDER_CHANGED')
  // The subscription prompt must come from the tap itself: signupActions.signUp asks before anything is awaited.
  const signUp = (c: ElderSignupCandidate) => {
    if (!o) return
    // said.run calls the step synchronously: the prompt is still inside the tap.
    said.run(() => signupActions.signUp({ activityId: o.activityId, day: o.day, person: c.person, stored: o.stored }, templateIds), {
      done: `${c.name} 报名成功`,
      then: () => occ.refresh(),
    })
  }
  const cancel = (c: ElderSignupCandidate) => {
    if (!o) return
    said.confirmed({ title: '取消报名', content: `确定取消 ${c.name} 的报名吗？`, confirmText: '取消报名' }, () => signupActions.cancelSignUp(o.activityId, o.day, c.person), {
      done: `已取消 ${c.name} 的报名`,
      then: () => occ.refresh(),
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
          <Notice text={said.notice} />
          {o.signupRequired && !o.cancelled && <Candidates candidates={o.candidates} busy={said.busy} onSignUp={signUp} onCancel={cancel} onAddFamily={() => go(ROUTES.elderProfiles)} />}
        </View>
      )}
    </Page>
  )
}

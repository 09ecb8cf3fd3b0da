import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { PriorityGroup } from '@/contracts/school/rules'
import { PRIORITY_GROUP_LABELS } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { useMe } from '@/hooks/useMe'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useTemplateIds } from '@/hooks/useTemplateIds'
import { showDone, showHint } from '@/ui/feedback'
import { ROUTES, go } from '@/routes'
import { MyEnrolmentCard } from '@/packages/school/components/MyEnrolmentCard'
import { SessionInfo } from '@/packages/school/components/SessionInfo'
import { enrolmentActions, useSessionDetail } from '@/packages/school/hooks/useEnrolment'
import { useEnrolmentMoves } from '@/packages/school/hooks/useEnrolmentMoves'
import { EnrolForm } from './components/EnrolForm'

/** A session for a family: its facts, my children's status and position there, and the enrol or 摇号 form. */
export default function SessionPage() {
  const { params } = useRouter()
  // Opened with ?id= (the session list) or ?sessionId= (a notice).
  const raw = params?.id || params?.sessionId
  const id = raw ? decodeURIComponent(raw) : undefined
  const detail = useSessionDetail(id)
  const page = useRemotePage(detail, true)
  const moves = useEnrolmentMoves(() => detail.refresh())
  const d = detail.data
  // A volunteer assigned to the session's station opens its roster from here (the server decides what they see).
  const me = useMe()
  const onStation = !!d && !!me.data?.schoolStations?.includes(d.session.communityId)

  // The offer is what enrolling asks for; a cancelled day's notice rides along in the same prompt.
  const templateIds = useTemplateIds('SCH_OFFER', 'SCHOOL_DAY_CANCELLED')
  // The subscription prompt must come from the tap itself: enrol asks it before anything is awaited.
  // A second tap while one runs makes no second call (nor a second prompt).
  const enrol = (childId: string) => {
    if (!d || moves.running()) return
    const call = enrolmentActions.enrol(d.session.id, childId, templateIds)
    void moves.run(() => call, {
      then: (r) => {
        if (r.status === 'waitlisted') showHint(`名额已满，孩子已进入候补，排第 ${r.position ?? ''} 位。有名额空出时会通知您。`, '已进入候补')
        else showDone('报名成功')
        return detail.refresh()
      },
    })
  }
  const enterLottery = (childIds: string[], claim?: PriorityGroup) => {
    if (!d || moves.running()) return
    const call = enrolmentActions.enterLottery(d.session.id, childIds, templateIds, claim)
    void moves.run(() => call, { done: '已参加摇号', then: () => detail.refresh() })
  }
  return (
    <Page {...page} loading={!!id && page.loading} error={id ? page.error : undefined} empty={!id} emptyText='没有找到这个班'>
      {d && (
        <View>
          <SessionInfo s={d.session} />
          {d.mine.map((e) => (
            <MyEnrolmentCard
              key={e.childId}
              e={e}
              busy={moves.busy}
              onCancel={(x) => moves.cancel(d.session.id, x)}
              onAccept={(x) => moves.accept(d.session.id, x)}
              onDecline={(x) => moves.decline(d.session.id, x)}
            />
          ))}
          {d.lotteryEntry && (
            <View className='hm-card'>
              <Text className='hm-label hm-block'>我的摇号报名</Text>
              <Text className='hm-title hm-block'>报名号 {d.lotteryEntry.no}</Text>
              {d.lotteryEntry.claim && (
                <Text className='hm-text hm-block'>
                  优先资格：{PRIORITY_GROUP_LABELS[d.lotteryEntry.claim]}（{d.lotteryEntry.verified ? '已核实' : '待核实'}）
                </Text>
              )}
            </View>
          )}
          {d.children.length === 0 ? (
            <View className='hm-card'>
              <Text className='hm-text hm-block'>您还没有添加孩子，添加后才能报名。</Text>
              <Button className='hm-btn' onClick={() => go(ROUTES.schoolChild)}>
                添加孩子
              </Button>
            </View>
          ) : (
            <EnrolForm key={d.allowed.join()} d={d} busy={moves.busy} onEnrol={enrol} onEnterLottery={enterLottery} />
          )}
          {d.children.length > 0 && !d.allowed.length && !d.mine.length && (
            <Text className='hm-sub hm-block'>{d.session.windowOpen ? '您的孩子不在这个班的招收年级内' : '现在不在报名时间内'}</Text>
          )}
          {d.session.mode === 'lottery' && (
            <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.schoolLottery}?sessionId=${encodeURIComponent(d.session.id)}`)}>
              摇号结果与规则
            </Button>
          )}
          <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.schoolFamily)}>
            我的报名
          </Button>
          {onStation && (
            <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.schoolRoster}?sessionId=${encodeURIComponent(d.session.id)}`)}>
              花名册（服务站志愿者）
            </Button>
          )}
        </View>
      )}
    </Page>
  )
}

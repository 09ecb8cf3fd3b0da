import { Text, View } from '@tarojs/components'
import type { FamilySessionCard } from '@/contracts/school'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { MyEnrolmentCard } from '@/packages/school/components/MyEnrolmentCard'
import { useFamilyView } from '@/packages/school/hooks/useEnrolment'
import { useEnrolmentMoves } from '@/packages/school/hooks/useEnrolmentMoves'

/** 我的报名: each of my children's places across sessions: the status, 候补第 N 位, an offer to accept or decline. */
export default function FamilyPage() {
  const list = useFamilyView()
  useListPage(list, true)
  const moves = useEnrolmentMoves(() => list.refresh())
  const open = (c: FamilySessionCard) => go(`${ROUTES.schoolSession}?id=${encodeURIComponent(c.session.id)}`)
  return (
    <Page>
      <ListBody
        list={list}
        emptyText='还没有报名，去看看四点钟学校的班级吧'
        renderItem={(c) => (
          <View key={c.session.id}>
            <View className='hm-card' onClick={() => open(c)} role='link' aria-label={`${c.session.name}，查看班级`}>
              <Text className='hm-h2 hm-block'>{c.session.name}</Text>
              <Text className='hm-sub hm-block'>
                {c.session.communityName} · {c.session.termStart} 至 {c.session.termEnd} · {c.session.startTime}–{c.session.endTime}
              </Text>
            </View>
            {c.mine.map((e) => (
              <MyEnrolmentCard
                key={e.childId}
                e={e}
                busy={moves.busy}
                onCancel={(x) => moves.cancel(c.session.id, x)}
                onAccept={(x) => moves.accept(c.session.id, x)}
                onDecline={(x) => moves.decline(c.session.id, x)}
              />
            ))}
          </View>
        )}
      />
      <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.schoolSessions)}>
        找班级报名
      </Button>
    </Page>
  )
}

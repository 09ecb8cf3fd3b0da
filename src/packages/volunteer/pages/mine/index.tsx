import { View } from '@tarojs/components'
import { useState } from 'react'
import type { MyShiftTab } from '@/contracts/volunteer/rules'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { SlotCardView } from '@/packages/volunteer/components/SlotCardView'
import { useMyShifts } from '@/packages/volunteer/hooks/useSlots'

const TABS: { key: MyShiftTab; label: string }[] = [
  { key: 'upcoming', label: '即将开始' },
  { key: 'now', label: '服务中' },
  { key: 'done', label: '已结束' },
]

const EMPTY: Record<MyShiftTab, string> = { upcoming: '还没有报名的班次，去看看可报名的服务吧', now: '现在没有进行中的服务', done: '还没有已结束的服务' }

/** 我的服务: my slots, upcoming, checked in now, and done. */
export default function MinePage() {
  const [tab, setTab] = useState<MyShiftTab>('upcoming')
  const list = useMyShifts(tab)
  useListPage(list, true)
  return (
    <Page>
      <Tabs tabs={TABS} value={tab} onChange={setTab} label='我的服务' />
      <View style={{ marginTop: '16px' }}>
        <ListBody
          list={list}
          emptyText={EMPTY[tab]}
          renderItem={(s) => (
            <View key={s.id}>
              <SlotCardView slot={s} shiftStatus={s.shiftStatus} />
              {s.checkinOpen && (
                <Button className='hm-btn' onClick={() => go(`${ROUTES.volunteerCheckin}?slotId=${encodeURIComponent(s.id)}`)}>
                  {s.shiftStatus === 'checked_in' ? '去签退' : '去签到'}
                </Button>
              )}
            </View>
          )}
        />
      </View>
      {tab === 'upcoming' && (
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.volunteerSlots)}>
          找服务班次
        </Button>
      )}
      <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.volunteerRecord)}>
        我的志愿记录
      </Button>
    </Page>
  )
}

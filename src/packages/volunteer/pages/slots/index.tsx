import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { SERVICE_TYPES, type ServiceType } from '@/contracts/volunteer/rules'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { ListBody } from '@/components/ListBody'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { daysFromToday } from '@/format/day'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { SlotCardView } from '@/packages/volunteer/components/SlotCardView'
import { useSlotList, type SlotFilters } from '@/packages/volunteer/hooks/useSlots'

const SCOPES = [
  { key: 'community', label: '本社区' },
  { key: 'district', label: '全区' },
] as const

const TYPES: { key: ServiceType | undefined; label: string }[] = [{ key: undefined, label: '全部类型' }, ...SERVICE_TYPES.map((t) => ({ key: t, label: t }))]

/** The next 7 China days as chips (format/day.ts: the device's clock in China's time; the server decides what is open). */
function dayChips(): { key: string | undefined; label: string }[] {
  const out: { key: string | undefined; label: string }[] = [{ key: undefined, label: '全部日期' }]
  for (let i = 0; i < 7; i++) {
    const d = daysFromToday(i)
    out.push({ key: d, label: i === 0 ? '今天' : i === 1 ? '明天' : d.slice(5) })
  }
  return out
}

/** 志愿服务: the open slots of my community or the district, by service type and day; 我的服务 on top. */
export default function SlotsPage() {
  const [scope, setScope] = useState<SlotFilters['scope']>('community')
  const [serviceType, setServiceType] = useState<ServiceType>()
  const [date, setDate] = useState<string>()
  const days = useMemo(dayChips, [])
  const list = useSlotList({ scope, serviceType, date })
  useListPage(list, true)

  return (
    <Page>
      <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.volunteerMine)}>
        我的服务
      </Button>
      <Tabs tabs={SCOPES} value={scope} onChange={setScope} label='范围' />
      <Chips options={days} value={date} onChange={setDate} label='日期' />
      <Chips options={TYPES} value={serviceType} onChange={setServiceType} label='服务类型' />
      <View style={{ marginTop: '24px' }}>
        <ListBody list={list} emptyText={serviceType || date ? '没有符合条件的班次' : '暂时没有可报名的班次'} renderItem={(s) => <SlotCardView key={s.id} slot={s} />} />
      </View>
    </Page>
  )
}

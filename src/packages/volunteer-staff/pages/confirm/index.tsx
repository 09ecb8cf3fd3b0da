import { useRouter } from '@tarojs/taro'
import { Page } from '@/components/Page'
import { ConfirmQueue } from './components/ConfirmQueue'
import { ExportMonth } from './components/ExportMonth'
import { SlotConfirm } from './components/SlotConfirm'

/** Staff: confirm service hours. Without a slot: the month's export and the slots waiting; with ?slotId=: that slot's shifts. */
export default function ConfirmPage() {
  const { params } = useRouter()
  const slotId = params.slotId ? decodeURIComponent(params.slotId) : ''
  return (
    <Page>
      {slotId ? (
        <SlotConfirm slotId={slotId} />
      ) : (
        <>
          <ExportMonth />
          <ConfirmQueue />
        </>
      )}
    </Page>
  )
}

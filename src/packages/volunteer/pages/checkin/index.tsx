import { useRouter } from '@tarojs/taro'
import { CHECK_PURPOSE_LABELS, type CheckPurpose, type CheckResult } from '@/contracts'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { CANCELLED, checkByCode, checkByLocation, checkByScan, useMyCheckin } from '@/packages/volunteer/hooks/useCheckin'
import { CheckWays } from './components/CheckWays'
import { Pairs } from './components/Pairs'
import { SlotHeader } from './components/SlotHeader'

/** A volunteer's check-in and check-out on one slot: by scanning 签到码, by location, or by typing the 6 digits. */
export default function CheckinPage() {
  const { params } = useRouter()
  const slotId = params?.slotId ? decodeURIComponent(params.slotId) : undefined
  const mine = useMyCheckin(slotId)
  const page = useRemotePage(mine, true)
  const action = useAction()
  const c = mine.data
  // The server says what I may do now: check in, or check out.
  const purpose: CheckPurpose | undefined = c?.can.includes('checkOut') ? 'out' : c?.can.includes('checkIn') ? 'in' : undefined

  const run = (steps: () => Promise<CheckResult | typeof CANCELLED>) =>
    action.run(
      async () => {
        const r = await steps()
        return r === CANCELLED ? SKIP : r
      },
      { done: purpose ? `${CHECK_PURPOSE_LABELS[purpose]}成功` : undefined, then: () => mine.refresh() },
    )

  return (
    <Page {...page} loading={!!slotId && page.loading} error={slotId ? page.error : undefined} empty={!slotId} emptyText='没有找到这个班次'>
      {c && slotId && (
        <>
          <SlotHeader c={c} />
          {purpose && (
            <CheckWays
              purpose={purpose}
              busy={action.busy}
              onScan={() => void run(() => checkByScan(slotId, purpose))}
              onLocate={() => void run(() => checkByLocation(slotId, purpose))}
              onCode={async (code) => !!(await run(() => checkByCode(slotId, purpose, code)))}
            />
          )}
          <Pairs pairs={c.pairs} />
        </>
      )}
    </Page>
  )
}

import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { BackfillForm } from './components/BackfillForm'
import { CertificateList } from './components/CertificateList'
import { DisputeList } from './components/DisputeList'
import { WishCreditQueue } from './components/WishCreditQueue'

type Tab = 'disputes' | 'certificates' | 'backfill' | 'wish'
const TABS: { key: Tab; label: string }[] = [
  { key: 'disputes', label: '异议' },
  { key: 'certificates', label: '证明申请' },
  { key: 'backfill', label: '补录' },
  { key: 'wish', label: '心愿时长' },
]

/** Staff: the hours ledger's work: disputes to answer, certificate requests to record, 补录, closed wishes' credit. */
export default function LedgerPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(TABS.find((t) => t.key === params.tab)?.key ?? (params.wishId ? 'wish' : 'disputes'))
  return (
    <Page>
      <Tabs tabs={TABS} value={tab} onChange={setTab} label='志愿时长管理' />
      {tab === 'disputes' && <DisputeList />}
      {tab === 'certificates' && <CertificateList />}
      {tab === 'backfill' && <BackfillForm />}
      {tab === 'wish' && <WishCreditQueue initialWishId={params.wishId ? decodeURIComponent(params.wishId) : ''} />}
    </Page>
  )
}

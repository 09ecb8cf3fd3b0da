import { Text, View } from '@tarojs/components'
import type { DisputeView, LedgerEntryView } from '@/contracts/volunteer/ledger'
import { RECORD_WORDING } from '@/contracts/volunteer/rules'
import { Page } from '@/components/Page'
import { ListBody } from '@/components/ListBody'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { askRequiredText, askText, confirm } from '@/ui/feedback'
import { disputeEntry, requestCertificate, useRecord } from '@/packages/volunteer/hooks/useRecord'
import { TotalsCard } from './components/TotalsCard'
import { EntryItem } from './components/EntryItem'
import { CertificateSection } from './components/CertificateSection'
import { ExportRecord } from './components/ExportRecord'

/** 我的志愿记录: totals (平台记录), the star level, my entries page by page, disputes and certificate requests. */
export default function RecordPage() {
  const { totals, disputes, entries, certificates, refresh } = useRecord()
  const action = useAction()
  useListPage({ loading: entries.loading, refresh, loadMore: entries.loadMore }, true)
  const byEntry = new Map<string, DisputeView>((disputes.data?.items ?? []).map((d) => [d.entryId, d]))

  const onDispute = (e: LedgerEntryView) =>
    void action.run(
      async () => {
        const reason = await askRequiredText('对记录提出异议', `「${e.content}」${e.hours} 小时：请说明异议（社区会答复）`, '提交', '请填写异议的原因')
        return reason ? disputeEntry(e.id, reason) : SKIP
      },
      { key: e.id, done: '已提交异议', then: () => disputes.refresh() },
    )
  const onRequest = () =>
    void action.run(
      async () => {
        if (!(await confirm('申请证明', '向社区申请志愿服务记录证明？证明由居委会线下出具，登记后在此显示编号。', '申请'))) return SKIP
        const purpose = await askText('申请用途（选填）', '例如：升学、评优', '提交')
        if (purpose === undefined) return SKIP
        return requestCertificate(purpose || undefined)
      },
      { done: '已提交申请', then: () => entries.refresh() },
    )

  return (
    <Page loading={totals.loading && !totals.data} error={totals.data ? undefined : totals.error} onRetry={() => void refresh()}>
      {totals.data && <TotalsCard totals={totals.data} />}
      <CertificateSection certificates={certificates} busy={action.busy} onRequest={onRequest} />
      {totals.data && totals.data.entries > 0 && <ExportRecord />}
      <View className='hm-row'>
        <Text className='hm-h2'>服务明细（{RECORD_WORDING}）</Text>
      </View>
      <ListBody
        list={entries}
        emptyText='还没有确认的服务时长。参加志愿服务并签到签退，社区确认后会显示在这里。'
        renderItem={(e) => <EntryItem key={e.id} entry={e} dispute={byEntry.get(e.id)} busy={action.busyKey === e.id} onDispute={onDispute} />}
      />
    </Page>
  )
}

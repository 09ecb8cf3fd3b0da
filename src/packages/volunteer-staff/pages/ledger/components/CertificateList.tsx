import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import type { CertificateView } from '@/contracts/volunteer/ledger'
import { SKIP, useAction } from '@/hooks/useAction'
import { useListPage } from '@/hooks/useListPage'
import { askRequiredText, showHint } from '@/ui/feedback'
import { recordCertificate, useCertificateQueue } from '@/packages/volunteer-staff/hooks/useLedgerStaff'

/** Staff: certificate requests; record the number and date of the certificate the 居委会 issued offline. */
export function CertificateList() {
  const list = useCertificateQueue()
  useListPage(list, true)
  const action = useAction()
  const onRecord = (c: CertificateView) =>
    void action.run(
      async () => {
        const number = await askRequiredText(`登记 ${c.volunteerName} 的证明`, '请填写居委会出具的证明编号', '下一步', '请填写证明编号')
        if (!number) return SKIP
        const issuedOn = await askRequiredText('出具日期', '请填写出具日期，如 2026-06-01', '登记', '请填写出具日期')
        if (!issuedOn) return SKIP
        if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) {
          showHint('日期格式应为 YYYY-MM-DD')
          return SKIP
        }
        return recordCertificate({ certificateId: c.id, number, issuedOn })
      },
      { key: c.id, done: '已登记', then: () => list.update((items) => items.filter((x) => x.id !== c.id)) },
    )
  return (
    <ListBody
      list={list}
      emptyText='暂无证明申请'
      renderItem={(c) => (
        <View key={c.id} className='hm-card' data-testid='certificate'>
          <Text className='hm-title hm-block'>
            {c.volunteerName}（编号 {c.volunteerNo || '—'}）
          </Text>
          <Text className='hm-text hm-block'>
            {c.requestedAt.slice(0, 10)} 申请{c.purpose ? `，用途：${c.purpose}` : ''}
          </Text>
          <Button className='hm-btn' disabled={action.busy} onClick={() => onRecord(c)}>
            登记已出具的证明
          </Button>
        </View>
      )}
    />
  )
}

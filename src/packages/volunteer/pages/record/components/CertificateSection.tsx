import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { CertificateView } from '@/contracts/volunteer/ledger'
import { CERTIFICATE_REQUEST_LABEL } from '@/contracts/volunteer/rules'

export interface CertificateSectionProps {
  certificates: CertificateView[]
  busy: boolean
  onRequest: () => void
}

/** Certificates: the 居委会 issues them offline; the app shows "已出具证明 No. …" only once staff recorded it. */
export function CertificateSection({ certificates, busy, onRequest }: CertificateSectionProps) {
  const pending = certificates.some((c) => c.status === 'requested')
  return (
    <View className='hm-card' data-testid='record-certificates'>
      <Text className='hm-h2 hm-block'>志愿服务记录证明</Text>
      <Text className='hm-sub hm-block'>证明由社区居委会线下出具并盖章；登记后在此显示证明编号。</Text>
      {certificates.map((c) => (
        <Text key={c.id} className='hm-text hm-block'>
          {c.requestedAt.slice(0, 10)} 申请{c.purpose ? `（${c.purpose}）` : ''}：{c.label}
          {c.issuedOn ? `，出具日期 ${c.issuedOn}` : ''}
        </Text>
      ))}
      {!pending && (
        <Button className='hm-btn' disabled={busy} onClick={onRequest}>
          {CERTIFICATE_REQUEST_LABEL}
        </Button>
      )}
    </View>
  )
}

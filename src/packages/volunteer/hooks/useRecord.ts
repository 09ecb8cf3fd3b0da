import { useState } from 'react'
import type { CertificateView } from '@/contracts/volunteer/ledger'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { ledgerService } from '@/services/volunteer/ledger'

/**
 * 我的志愿记录: my totals (one read), my entries page by page (the first page also brings my certificate requests),
 * and my disputes (to show each entry's dispute and its answer).
 */
export function useRecord() {
  const [certificates, setCertificates] = useState<CertificateView[]>([])
  const totals = useRemote(() => ledgerService.myTotals(), [])
  const disputes = useRemote(() => ledgerService.myDisputes({ page: 1, pageSize: DEFAULT_PAGE_SIZE }), [])
  const entries = usePaged(async (page) => {
    const p = await ledgerService.myRecord({ page, pageSize: DEFAULT_PAGE_SIZE })
    if (p.certificates) setCertificates(p.certificates)
    return p
  }, [])
  const refresh = async () => {
    await Promise.all([totals.refresh(), disputes.refresh(), entries.refresh()])
  }
  return { totals, disputes, entries, certificates, refresh }
}

/** Disputes one of my entries, with a reason. */
export function disputeEntry(entryId: string, reason: string) {
  return ledgerService.disputeEntry({ entryId, reason })
}

/** Asks for a certificate of my record. */
export function requestCertificate(purpose?: string) {
  return ledgerService.requestCertificate(purpose ? { purpose } : {})
}

import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { DisputeView, LedgerEntryView } from '@/contracts/volunteer/ledger'
import { LEDGER_SOURCE_LABELS } from '@/contracts/volunteer/rules'

export interface EntryItemProps {
  entry: LedgerEntryView
  /** My dispute of this entry, if any (with the answer once staff replied). */
  dispute?: DisputeView
  busy: boolean
  onDispute: (entry: LedgerEntryView) => void
}

/** One ledger entry with Order 67's fields; a correction shows its signed difference; my dispute and its answer. */
export function EntryItem({ entry, dispute, busy, onDispute }: EntryItemProps) {
  const isCorrection = !!entry.correctionOf
  const time = entry.startTime ? ` ${entry.startTime}–${entry.endTime}` : ''
  return (
    <View className='hm-card' data-testid='record-entry'>
      <Text className='hm-title hm-block'>{entry.content}</Text>
      <Text className='hm-text hm-block'>
        {entry.serviceDate}
        {time} · {entry.place}
      </Text>
      <Text className='hm-text hm-block'>
        {isCorrection ? `更正：${entry.minutes > 0 ? '+' : ''}${entry.hours} 小时` : `${entry.hours} 小时`}
        <Text className={`hm-badge ${entry.source === 'backfill' ? 'hm-badge-warn' : 'hm-badge-ok'}`}>{LEDGER_SOURCE_LABELS[entry.source]}</Text>
      </Text>
      {entry.reason && <Text className='hm-sub hm-block'>原因：{entry.reason}</Text>}
      <Text className='hm-sub hm-block'>
        组织方：{entry.organiser} · 确认人：{entry.confirmedByName} · 编号 {entry.volunteerNo || '—'}
      </Text>
      {dispute && (
        <Text className='hm-sub hm-block' data-testid='entry-dispute'>
          {dispute.status === 'open' ? `已提出异议：${dispute.reason}（等待社区答复）` : `异议答复：${dispute.decision === 'adjust' ? '已更正' : '维持原记录'}，${dispute.answer ?? ''}`}
        </Text>
      )}
      {!isCorrection && !dispute && (
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onDispute(entry)}>
          对这条记录有异议
        </Button>
      )}
    </View>
  )
}

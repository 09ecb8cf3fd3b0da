import { Text, View } from '@tarojs/components'
import type { StaffLotteryRow } from '@/contracts/school'
import { GRADE_LABELS, PRIORITY_GROUP_LABELS } from '@/contracts/school/rules'
import { Button } from '@/components/Button'

export interface LotteryRowProps {
  r: StaffLotteryRow
  busy: boolean
  onVerify: (r: StaffLotteryRow, verified: boolean) => void
}

/** A family's 摇号 entry: its number, its children, its priority claim with 核实 / 不予认定 (never the viewer's own family). */
export function LotteryRow({ r, busy, onVerify }: LotteryRowProps) {
  const claim = r.claim ? `${PRIORITY_GROUP_LABELS[r.claim]}（${r.verified === true ? '已核实' : r.verified === false ? '不予认定' : '待核实'}）` : '无'
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>报名号 {r.no}</Text>
      <Text className='hm-text hm-block'>孩子：{r.children.map((c) => `${c.name}（${GRADE_LABELS[c.grade]}）`).join('、')}</Text>
      <Text className='hm-text hm-block'>优先资格：{claim}</Text>
      {r.canVerify && (
        <View className='hm-row'>
          <Button className='hm-btn hm-btn-inline' disabled={busy} onClick={() => onVerify(r, true)}>
            核实通过
          </Button>
          <Button className='hm-btn hm-btn-inline hm-btn-plain' disabled={busy} onClick={() => onVerify(r, false)}>
            不予认定
          </Button>
        </View>
      )}
    </View>
  )
}

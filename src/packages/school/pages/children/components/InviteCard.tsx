import { Text, View } from '@tarojs/components'
import { INVITE_HOURS } from '@/contracts/school/rules'
import { formatDayTime } from '@/format/day'

export interface InviteCardProps {
  code: string
  expiresAt: string
}

/** The 亲属码 just made, shown large once, with when it expires. */
export function InviteCard({ code, expiresAt }: InviteCardProps) {
  return (
    <View className='hm-card' data-testid='invite-card'>
      <Text className='hm-h2 hm-block'>亲属码</Text>
      <Text className='hm-title hm-block' style={{ fontSize: '40px', letterSpacing: '6px' }} aria-label={`亲属码 ${code.split('').join(' ')}`}>
        {code}
      </Text>
      <Text className='hm-text hm-block'>
        请把亲属码告诉孩子的另一位监护人，在“我的孩子 → 输入亲属码”中输入。只能使用一次，{INVITE_HOURS} 小时内有效（{formatDayTime(expiresAt)} 前）。离开本页后不再显示。
      </Text>
    </View>
  )
}

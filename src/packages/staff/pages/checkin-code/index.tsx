import { Text, View } from '@tarojs/components'
import { CommunityChips } from '@/components/CommunityChips'
import { Page } from '@/components/Page'
import { useRemotePage } from '@/hooks/useRemotePage'
import { QrCanvas } from '@/components/QrCanvas'
import { useCommunityChoice } from '@/hooks/useStaffCommunities'
import { useCheckinCode } from '@/packages/staff/hooks/useStaffTools'

/** Staff: the community's check-in code for volunteers on site: a QR code and the same 6 digits to type, new every 30 s. */
export default function CheckinCodePage() {
  const { communities, communityId, choose } = useCommunityChoice()
  const code = useCheckinCode(communityId)
  const page = useRemotePage(communities)
  const c = code.data
  return (
    <Page {...page}>
      <CommunityChips framed options={communities.data} value={communityId} onChange={choose} />
      {code.error && <Text className='hm-text hm-block'>{code.error.message}</Text>}
      {c && c.communityId === communityId && (
        <View className='hm-card' style={{ textAlign: 'center' }}>
          <Text className='hm-sub hm-block'>志愿者到岗后扫码签到，或输入下方数字</Text>
          <QrCanvas text={c.qr} canvasId='checkin-qr' label={`签到二维码，数字 ${c.code}`} />
          <Text className='hm-h1 hm-block' data-testid='checkin-digits' aria-live='polite' style={{ letterSpacing: '8px', fontSize: '40px' }}>
            {c.code}
          </Text>
          <Text className='hm-sub hm-block' data-testid='checkin-left'>
            {code.left} 秒后更新
          </Text>
        </View>
      )}
    </Page>
  )
}

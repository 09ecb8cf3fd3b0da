import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CHECK_PURPOSE_LABELS, CHECK_PURPOSES, SLOT_CODE_WINDOW_S, type CheckPurpose } from '@/contracts'
import { Button } from '@/components/Button'
import { Chips } from '@/components/Chips'
import { Page } from '@/components/Page'
import { QrCanvas } from '@/components/QrCanvas'
import { formatDay } from '@/format/day'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useSlotCode } from '@/packages/volunteer-staff/hooks/useSlotCheckin'
import { go, ROUTES } from '@/routes'

const PURPOSES = CHECK_PURPOSES.map((p) => ({ key: p, label: `${CHECK_PURPOSE_LABELS[p]}码` }))

/** Staff: a slot's 签到码 / 签退码 for volunteers on site: a QR code with the 6 digits beneath in very large type, new every 30 s. */
export default function SlotCodePage() {
  const { params } = useRouter()
  const slotId = params?.slotId ? decodeURIComponent(params.slotId) : undefined
  const [purpose, setPurpose] = useState<CheckPurpose>(params?.purpose === 'out' ? 'out' : 'in')
  const code = useSlotCode(slotId, purpose)
  const page = useRemotePage(code)
  const c = code.data
  const label = CHECK_PURPOSE_LABELS[purpose]
  return (
    <Page {...page} loading={!!slotId && page.loading} error={slotId ? page.error : undefined} empty={!slotId} emptyText='没有找到这个班次'>
      {c && (
        <>
          <View className='hm-card'>
            <Text className='hm-h2 hm-block'>{c.title}</Text>
            <Text className='hm-text hm-block'>
              {formatDay(c.date)} {c.startTime}–{c.endTime}
            </Text>
            <Chips label='用途' options={PURPOSES} value={purpose} onChange={(k) => setPurpose(k as CheckPurpose)} />
          </View>
          {code.error && <Text className='hm-text hm-block'>{code.error.message}</Text>}
          {c.purpose === purpose && (
            <View className='hm-card' style={{ textAlign: 'center' }}>
              <Text className='hm-sub hm-block'>志愿者打开“签到签退”扫码{label}，或输入下方数字</Text>
              <QrCanvas text={c.qr} canvasId='slot-code-qr' label={`${label}二维码，数字 ${c.code}`} />
              <Text className='hm-block' data-testid='slot-code-digits' aria-live='polite' style={{ letterSpacing: '10px', fontSize: '56px', fontWeight: 'bold', lineHeight: '1.3' }}>
                {c.code}
              </Text>
              <Text className='hm-sub hm-block' data-testid='slot-code-left'>
                {code.left} 秒后更新（每 {SLOT_CODE_WINDOW_S} 秒换一次，每个码每人只能用一次）
              </Text>
            </View>
          )}
          <Button className='hm-btn hm-btn-gray' onClick={() => go(`${ROUTES.staffRoster}?slotId=${encodeURIComponent(c.slotId)}`)}>
            查看名单
          </Button>
        </>
      )}
    </Page>
  )
}

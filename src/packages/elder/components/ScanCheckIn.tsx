import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { ScanCheckInResult } from '@/contracts'
import { Button } from '@/components/Button'
import { formatTime } from '@/format/day'
import { scanCheckIn } from '@/packages/elder/hooks/useScanCheckIn'

export interface ScanCheckInProps {
  /** The scene of the occurrence's code the page was opened with. */
  scene: string
  /** After a check-in (e.g. the page reloads the occurrence it names). */
  onDone?: (r: ScanCheckInResult) => void
}

/**
 * Opened from the occurrence's code (签到码): one very large button that checks in the elder who scanned it and the
 * elders they signed up; the answer (or why not) is shown in place, never in a pop-up (适老化).
 */
export function ScanCheckIn({ scene, onDone }: ScanCheckInProps) {
  const [result, setResult] = useState<ScanCheckInResult>()
  const [refusal, setRefusal] = useState<string>()
  const [busy, setBusy] = useState(false)
  const running = useRef(false)
  const run = async () => {
    if (running.current) return
    running.current = true
    setBusy(true)
    setRefusal(undefined)
    const r = await scanCheckIn(scene)
    running.current = false
    setBusy(false)
    if (!r.ok) return setRefusal(r.message)
    setResult(r.data)
    onDone?.(r.data)
  }
  return (
    <View className='hm-card' data-testid='scan-checkin'>
      {result ? (
        <View>
          <Text className='hm-h2 hm-block'>{result.repeated ? '已经签到过了' : '签到成功'}</Text>
          <Text className='hm-text hm-block'>
            {result.title} · {formatTime(result.startAt)} · {result.place}
          </Text>
          {result.checkedIn.map((c) => (
            <Text key={c.personKey} className='hm-text hm-block'>
              {c.name} 已签到 {formatTime(c.at)}
            </Text>
          ))}
        </View>
      ) : (
        <View>
          <Text className='hm-text hm-block'>您扫的是活动签到码。点下面的按钮，为您和您报名的家人签到。</Text>
          <Button className='hm-btn' disabled={busy} onClick={() => void run()}>
            {busy ? '正在签到…' : '确认签到'}
          </Button>
        </View>
      )}
      {refusal && (
        <Text className='hm-text hm-block' data-testid='scan-refusal'>
          {refusal}
        </Text>
      )}
    </View>
  )
}

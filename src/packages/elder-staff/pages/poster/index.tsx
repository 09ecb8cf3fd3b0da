import { Canvas, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { PosterWeek } from '@/contracts'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { Tabs } from '@/components/Tabs'
import { useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { usePoster } from '@/packages/elder-staff/hooks/useOnsite'
import { PosterSheet } from './components/PosterSheet'
import { POSTER_H, POSTER_W } from './components/drawPoster'
import { savePoster } from './components/savePoster'
import './index.css'

const WEEKS = [
  { key: 'this', label: '本周' },
  { key: 'next', label: '下周' },
] as const
const CANVAS_ID = 'elder-poster-canvas'

/**
 * Staff: the week's poster for the notice board — the community, the week, each day's activities in very large
 * type, and the code that opens the week's schedule. On weapp it is drawn on a 2d canvas and saved to the album; on
 * h5 it prints on one A4 page (index.css: the print stylesheet).
 */
export default function ElderPosterPage() {
  const { params } = useRouter()
  const [week, setWeek] = useState<PosterWeek>(params?.week === 'next' ? 'next' : 'this')
  const poster = usePoster(week)
  const page = useRemotePage(poster)
  const action = useAction()
  const p = poster.data
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <Page {...page}>
      <View className='elder-poster-controls'>
        <Tabs label='哪一周' tabs={WEEKS} value={week} onChange={setWeek} />
        {p && weapp && (
          <Button className='hm-btn' disabled={action.busy} onClick={() => void action.run(() => savePoster(p, CANVAS_ID))}>
            保存到相册
          </Button>
        )}
        {p && !weapp && (
          <Button className='hm-btn' onClick={() => window.print()}>
            打印
          </Button>
        )}
      </View>
      {p && <PosterSheet p={p} />}
      {p && weapp && <Canvas type='2d' id={CANVAS_ID} className='elder-poster-canvas' style={{ width: `${POSTER_W}px`, height: `${POSTER_H}px` }} />}
    </Page>
  )
}

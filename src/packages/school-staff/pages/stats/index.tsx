import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ExportFile } from '@/contracts'
import { Button } from '@/components/Button'
import { ExportResult } from '@/components/ExportResult'
import { Link } from '@/components/Link'
import { Page } from '@/components/Page'
import { today } from '@/format/day'
import { useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { exportSchool, useSessionStats } from '@/packages/school-staff/hooks/useAttendance'
import { go, ROUTES } from '@/routes'
import { Figures } from './components/Figures'
import { MonthPicker } from '@/components/MonthPicker'

/** Staff: a session's figures (ROUTES.staffSchoolStats?sessionId=): counts, attendance by day and week, no-shows, and the two exports. */
export default function SchoolStatsPage() {
  const { params } = useRouter()
  const sessionId = params?.sessionId ? decodeURIComponent(params.sessionId) : undefined
  const stats = useSessionStats(sessionId)
  const page = useRemotePage(stats, true)
  const action = useAction()
  const thisMonth = today().slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const [file, setFile] = useState<ExportFile>()
  const run = (kind: 'roster' | 'month') => void action.run(() => exportSchool(kind, sessionId!, month), { done: '已导出', then: (f) => setFile(f) })
  return (
    <Page {...page} loading={!!sessionId && page.loading} error={sessionId ? page.error : undefined} empty={!sessionId} emptyText='没有找到这期课程'>
      {stats.data && (
        <>
          <Figures s={stats.data} />
          <Link onClick={() => go(`${ROUTES.schoolRoster}?sessionId=${encodeURIComponent(stats.data!.sessionId)}`)}>打开今天的花名册 ›</Link>
          <View className='hm-card'>
            <Text className='hm-h2 hm-block'>导出（Excel）</Text>
            <Button className='hm-btn' disabled={action.busy} onClick={() => run('roster')}>
              导出花名册
            </Button>
            <MonthPicker value={month} onChange={setMonth} testId='school-stats-month' />
            <Button className='hm-btn' disabled={action.busy} onClick={() => run('month')}>
              导出本月出勤
            </Button>
            <ExportResult file={file} unit='行' />
            <Text className='hm-sub hm-block'>表格含孩子和监护人的个人信息，仅供本站工作使用，请勿外传</Text>
          </View>
        </>
      )}
    </Page>
  )
}

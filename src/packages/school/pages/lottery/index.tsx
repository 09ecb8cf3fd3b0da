import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Page } from '@/components/Page'
import { useRemotePage } from '@/hooks/useRemotePage'
import { formatDayTime } from '@/format/day'
import { useLotteryResults } from '@/packages/school/hooks/useEnrolment'

/** A 摇号's results: entry numbers in draw order with 录取 / 候补 (never a name), the seed, and the algorithm in plain Chinese. */
export default function LotteryPage() {
  const { params } = useRouter()
  const id = params?.sessionId ? decodeURIComponent(params.sessionId) : undefined
  const results = useLotteryResults(id)
  const page = useRemotePage(results, true)
  const r = results.data
  return (
    <Page {...page} loading={!!id && page.loading} error={id ? page.error : undefined} empty={!id} emptyText='没有找到这个班'>
      {r && (
        <View>
          <View className='hm-card'>
            <Text className='hm-title hm-block'>{r.session.name}</Text>
            <Text className='hm-text hm-block'>名额：{r.capacity} 个</Text>
            <Text className='hm-text hm-block'>报名截止：{formatDayTime(r.closesAt)}</Text>
            <Text className='hm-text hm-block'>事先公布的号码：{r.announcedNumber}</Text>
            {r.seed ? <Text className='hm-text hm-block'>种子：{r.seed}</Text> : <Text className='hm-sub hm-block'>还没有摇号，截止后由工作人员摇号并公布结果。</Text>}
            {r.drawnAt && <Text className='hm-sub hm-block'>摇号时间：{formatDayTime(r.drawnAt)}</Text>}
            {r.myNo !== undefined && <Text className='hm-h2 hm-block'>我家的报名号：{r.myNo}</Text>}
          </View>
          {r.drawn && (
            <View className='hm-card'>
              <Text className='hm-label hm-block'>摇号结果（按抽签顺序）</Text>
              {r.rows.map((row, i) => (
                <Text key={row.no} className={`hm-text hm-block ${row.no === r.myNo ? 'hm-h2' : ''}`}>
                  {i + 1}. 报名号 {row.no}（{row.children} 个孩子{row.priority ? '，优先' : ''}）：{row.result === 'enrolled' ? '录取' : '候补'}
                </Text>
              ))}
            </View>
          )}
          <View className='hm-card'>
            <Text className='hm-label hm-block'>摇号规则</Text>
            {r.algorithm.map((line) => (
              <Text key={line} className='hm-text hm-block'>
                {line}
              </Text>
            ))}
          </View>
        </View>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { COUNTS_NOTE } from '@/contracts/workbench'
import { Page } from '@/components/Page'
import { tapA11y } from '@/components/tapA11y'
import { useRemotePage } from '@/hooks/useRemotePage'
import { go } from '@/routes'
import { useWorkbench } from '@/packages/staff/hooks/useWorkbench'

/**
 * Staff's workbench (工作台): one big tile per work queue with its count; a tap opens that queue. It draws the
 * queues the server sends (title, count, route) and knows no domain: a new domain's queue appears by itself.
 */
export default function WorkbenchPage() {
  const workbench = useWorkbench()
  // Counts change while staff work through a queue: reload on each return, and on pull-down.
  const page = useRemotePage(workbench, true)
  const w = workbench.data
  const idle = !!w && w.queues.every((q) => q.count === 0)
  return (
    <Page {...page} empty={!!w && !w.queues.length} emptyText='暂无可处理的事项'>
      {w && (
        <View>
          <Text className='hm-sub hm-block'>{idle ? `您负责的 ${w.communityIds.length} 个社区目前没有待处理的事项` : `您负责的 ${w.communityIds.length} 个社区`}</Text>
          <View className='hm-grid'>
            {w.queues.map((q) => (
              <View key={q.key} className='hm-tile' data-testid={`queue-${q.key}`} onClick={() => go(q.route)} {...tapA11y('link')}>
                <Text className='hm-tile-count'>{q.count}</Text>
                <Text className='hm-tile-name'>{q.title}</Text>
                <Text className='hm-badge hm-badge-primary'>去处理 ›</Text>
              </View>
            ))}
          </View>
          <Text className='hm-sub hm-block'>{COUNTS_NOTE}</Text>
        </View>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import type { Me } from '@/contracts'
import { Button } from '@/components/Button'
import { SKIP, useAction } from '@/hooks/useAction'
import { withdrawMyApplication } from '@/hooks/useMe'
import { confirm } from '@/ui/feedback'
import { ROUTES, go } from '@/routes'

export interface VolunteerCardProps {
  user: Me
}

/** The volunteer status: apply, wait (and withdraw), see why it was rejected and apply again. */
export function VolunteerCard({ user }: VolunteerCardProps) {
  const action = useAction()
  const app = user.application
  const onWithdraw = (applicationId: string) =>
    void action.run(async () => ((await confirm('撤回申请', '确定要撤回志愿者申请吗？撤回后可以重新申请。', '撤回')) ? withdrawMyApplication(applicationId) : SKIP), {
      done: '已撤回',
    })
  return (
    <View className='hm-card'>
      <Text className='hm-h2'>志愿者</Text>
      {user.volunteerStatus === 'approved' && <Text className='hm-badge hm-badge-ok'>已成为志愿者</Text>}
      {user.volunteerStatus === 'pending' && (
        <View>
          <Text className='hm-badge hm-badge-warn'>审核中</Text>
          <Text className='hm-text hm-block'>您的申请已提交，社区工作人员审核后会通知您。</Text>
          {app && (
            <Button className='hm-btn hm-btn-gray' disabled={action.busy} loading={action.busy} onClick={() => onWithdraw(app.id)}>
              撤回申请
            </Button>
          )}
        </View>
      )}
      {user.volunteerStatus === 'rejected' && (
        <View>
          <Text className='hm-badge'>未通过</Text>
          <Text className='hm-text hm-block'>原因：{app?.reason || '未填写'}</Text>
          <Button className='hm-btn' onClick={() => go(ROUTES.apply)}>
            重新申请
          </Button>
        </View>
      )}
      {user.volunteerStatus === 'none' && (
        <View>
          <Text className='hm-text hm-block'>成为志愿者，帮邻居实现微心愿、参与社区服务。</Text>
          <Button className='hm-btn' onClick={() => go(ROUTES.apply)}>
            申请成为志愿者
          </Button>
        </View>
      )}
    </View>
  )
}

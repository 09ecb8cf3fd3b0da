import { View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES, go } from '@/routes'
import { askText } from '@/ui/feedback'
import { childActions, useMyChildren } from '@/packages/school/hooks/useChildren'
import { ChildRow } from './components/ChildRow'
import { InviteCard } from './components/InviteCard'

/** 我的孩子: my children; 添加孩子 (consent first), 邀请家人 (a 亲属码, shown once), 输入亲属码 (join the family). */
export default function ChildrenPage() {
  const children = useMyChildren()
  const page = useRemotePage(children, true)
  const action = useAction()
  const [invite, setInvite] = useState<{ code: string; expiresAt: string }>()
  const data = children.data
  const add = () => go(data?.consented ? ROUTES.schoolChild : `${ROUTES.schoolPolicy}?next=child`)
  const makeInvite = () => void action.run(() => childActions.createInvite(), { then: setInvite })
  const join = () =>
    void action.run(
      async () => {
        const code = await askText('输入亲属码', '请输入家人给您的 8 位亲属码', '加入')
        if (!code) return SKIP
        return childActions.joinFamily(code)
      },
      { done: '已加入家庭', then: () => children.refresh() },
    )
  return (
    <Page {...page}>
      {data && (
        <View>
          <View className='hm-wrap'>
            <Button className='hm-btn' onClick={add}>
              添加孩子
            </Button>
            {data.children.length > 0 && (
              <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={makeInvite}>
                邀请家人
              </Button>
            )}
            <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={join}>
              输入亲属码
            </Button>
          </View>
          {invite && <InviteCard code={invite.code} expiresAt={invite.expiresAt} />}
          {data.children.length === 0 ? (
            <StateView kind='empty' text='还没有添加孩子。添加前需要先阅读并同意《儿童个人信息处理规则》。' />
          ) : (
            data.children.map((c) => <ChildRow key={c.id} child={c} onOpen={(x) => go(`${ROUTES.schoolChild}?id=${encodeURIComponent(x.id)}`)} />)
          )}
        </View>
      )}
    </Page>
  )
}

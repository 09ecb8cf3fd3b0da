import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { SKIP, useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES } from '@/routes'
import { confirm } from '@/ui/feedback'
import { childActions, useMyChildren } from '@/packages/school/hooks/useChildren'
import { ChildForm } from './components/ChildForm'
import { PickupSection } from './components/PickupSection'

/**
 * A child: a new one (after the consent: without it, the page sends the guardian to the rules first), or one of mine to
 * edit, with its pick-up adults and codes, and 删除孩子 (with confirmation).
 */
export default function ChildPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params?.id ? decodeURIComponent(params.id) : undefined)
  const children = useMyChildren()
  const page = useRemotePage(children)
  const action = useAction()
  const data = children.data
  const child = id ? data?.children.find((c) => c.id === id) : undefined
  const needsConsent = !!data && !data.consented && !id

  const remove = () =>
    void action.run(
      async () => {
        if (!child) return SKIP
        const ok = await confirm('删除孩子', `确定删除${child.name}吗？孩子的信息会被清除（出勤记录保留但不含姓名），此操作不能撤销。`, '删除')
        return ok ? childActions.remove(child.id) : SKIP
      },
      { done: '已删除', then: () => Taro.navigateBack() },
    )

  if (needsConsent) {
    return (
      <Page>
        <Text className='hm-text hm-block'>添加孩子前，请先阅读并同意《儿童个人信息处理规则》。</Text>
        <Button className='hm-btn' onClick={() => void Taro.redirectTo({ url: `${ROUTES.schoolPolicy}?next=child` })}>
          阅读并同意规则
        </Button>
      </Page>
    )
  }
  return (
    <Page {...page} empty={!!data && !!id && !child} emptyText='没有找到这个孩子'>
      {data && !id && (
        <View>
          <Text className='hm-title hm-block'>填写孩子信息</Text>
          <ChildForm onSaved={(newId) => (setId(newId), void children.refresh())} />
        </View>
      )}
      {child && (
        <View>
          <Text className='hm-title hm-block'>{child.name}</Text>
          <ChildForm key={child.id} child={child} onSaved={() => void children.refresh()} />
          <PickupSection child={child} onChanged={() => void children.refresh()} />
          <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={remove}>
            删除孩子
          </Button>
        </View>
      )}
    </Page>
  )
}

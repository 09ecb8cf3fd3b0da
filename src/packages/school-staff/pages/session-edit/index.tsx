import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Page } from '@/components/Page'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useStaffSession } from '@/packages/school-staff/hooks/useStaffSessions'
import { SessionForm } from './components/SessionForm'

/** Staff: a new session's form, or a session's (`?id=`) to edit. */
export default function SessionEditPage() {
  const { params } = useRouter()
  const id = params?.id ? decodeURIComponent(params.id) : undefined
  const session = useStaffSession(id)
  const page = useRemotePage(session)
  const done = () => void Taro.navigateBack()
  return (
    <Page {...page}>
      <Text className='hm-title hm-block'>{id ? '编辑班次' : '新建班次'}</Text>
      {(!id || session.data) && <SessionForm key={id ?? 'new'} detail={session.data} onSaved={done} />}
    </Page>
  )
}

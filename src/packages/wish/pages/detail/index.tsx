import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Page } from '@/components/Page'
import { showHint } from '@/ui/feedback'
import { useAction, type AppError } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useScene } from '@/hooks/useScene'
import { useWish } from '@/packages/wish/hooks/useWish'
import { Actions, type Mode } from './components/Actions'
import { ClaimForm } from './components/ClaimForm'
import { ClaimInfo } from './components/ClaimInfo'
import { ConfirmForm } from './components/ConfirmForm'
import { Contact } from './components/Contact'
import { FulfilForm } from './components/FulfilForm'
import { Photos } from './components/Photos'
import { Summary } from './components/Summary'
import { Timeline } from './components/Timeline'

const FORMS = { claim: ClaimForm, fulfil: FulfilForm, confirm: ConfirmForm }

/** A wish in full: text, photos, contact, claim and thanks, the actions the server allows the viewer, the timeline. */
export default function DetailPage() {
  const { params } = useRouter()
  // Opened from a poster code (wish.shareCode), the wish id is the scene.
  const scene = useScene()
  const id = params?.id ? decodeURIComponent(params.id) : scene
  const wish = useWish(id)
  const action = useAction()
  const [mode, setMode] = useState<Mode>()
  const [taken, setTaken] = useState(false)
  const page = useRemotePage(wish, true)

  const onDone = async () => {
    setMode(undefined)
    await wish.refresh()
  }
  /** Someone else claimed it first: say so on the page and reload. */
  const onRefused = (e: AppError) => {
    if (e.code !== 'WISH_NOT_OPEN') return false
    setTaken(true)
    setMode(undefined)
    showHint(e.message, '已被认领')
    void wish.refresh()
    return true
  }

  const w = wish.data
  const Form = mode && FORMS[mode]
  return (
    <Page {...page} loading={!!id && page.loading} error={id ? page.error : undefined} empty={!id} emptyText='没有找到这个心愿'>
      {w && (
        <View>
          {taken && (
            <View className='hm-card' role='alert' style={{ border: '2px solid var(--hm-warn)' }}>
              <Text className='hm-h2'>已被认领</Text>
              <Text className='hm-text hm-block'>这个心愿刚刚被其他人认领了，感谢您的爱心！可以看看心愿墙上其他的心愿。</Text>
            </View>
          )}
          <Summary w={w} />
          <Photos urls={w.photos} states={w.photoStates} pending={w.photosPending} hidden={w.photosHidden} />
          {w.contact && <Contact contact={w.contact} />}
          <ClaimInfo w={w} />
          {Form && <Form w={w} onCancel={() => setMode(undefined)} onDone={onDone} onRefused={onRefused} />}
          <Actions w={w} mode={mode} setMode={setMode} busy={action.busy} run={(steps, done) => void action.run(steps, { done, then: onDone, onError: onRefused })} />
          <Timeline events={w.timeline} />
        </View>
      )}
    </Page>
  )
}

import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Link } from '@/components/Link'
import { useEffect } from 'react'
import { answerPrivacy, privacyRequest } from '@/stores/privacy'
import { useStore } from '@/stores/store'
import { ROUTES, go } from '@/routes'

const AGREE_ID = 'hm-agree-privacy'

/** weapp: asks for WeChat privacy authorisation when a privacy API needs it (onNeedPrivacyAuthorization). */
export function PrivacySheet() {
  const pending = useStore(privacyRequest)
  useEffect(() => {
    if (pending) pending({ event: 'exposureAuthorization' })
  }, [pending])
  if (!pending) return null
  return (
    <View>
      <View className='hm-sheet-mask' />
      <View className='hm-sheet' role='dialog'>
        <Text className='hm-title'>隐私保护提示</Text>
        <Text className='hm-text hm-block'>使用此功能前，请阅读《和美社区隐私保护指引》。我们只收集提供服务所必需的信息，您可以随时撤回同意。</Text>
        <Link onClick={() => go(ROUTES.privacy)}>查看《隐私保护指引》</Link>
        <Button id={AGREE_ID} className='hm-btn' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy({ event: 'agree', buttonId: AGREE_ID })}>
          同意并继续
        </Button>
        <Button className='hm-btn hm-btn-gray' onClick={() => answerPrivacy({ event: 'disagree' })}>
          不同意
        </Button>
      </View>
    </View>
  )
}

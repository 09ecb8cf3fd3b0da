import { Text, View } from '@tarojs/components'
import { WISH_MESSAGES } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { ROUTES, go } from '@/routes'

/** Told on opening 发布心愿: she already has the most unfinished wishes, so the form would be refused. */
export function LimitNotice() {
  return (
    <View className='hm-card' role='alert' data-testid='wish-limit'>
      <Text className='hm-h2'>暂时不能发布新心愿</Text>
      <Text className='hm-text hm-block'>{WISH_MESSAGES.tooManyOpen}</Text>
      <Button className='hm-btn' onClick={() => go(ROUTES.wishMine)}>
        查看我的心愿
      </Button>
    </View>
  )
}

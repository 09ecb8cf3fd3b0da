import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { WishDetail } from '@/contracts/wish'
import { tapA11y } from '@/components/tapA11y'

export interface ContactProps {
  contact: NonNullable<WishDetail['contact']>
}

/** The wisher's phone (tap to call) and address: sent only to those who may see them. */
export function Contact({ contact }: ContactProps) {
  return (
    <View className='hm-card' data-testid='contact'>
      <Text className='hm-h2'>联系方式</Text>
      <View className='hm-row' onClick={() => void Taro.makePhoneCall({ phoneNumber: contact.phone }).catch(() => undefined)} {...tapA11y('button')}>
        <Text className='hm-text'>电话：{contact.phone}</Text>
        <Text className='hm-link'>拨打</Text>
      </View>
      <Text className='hm-text hm-block'>地址：{contact.address}</Text>
      <Text className='hm-sub hm-block'>仅认领人和社区工作人员可见，请勿外传</Text>
    </View>
  )
}

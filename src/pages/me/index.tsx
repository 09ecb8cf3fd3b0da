import { View, Text } from '@tarojs/components'
export default function Me() { return <View><Text>我的</Text></View> }

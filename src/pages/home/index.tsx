import { View, Text } from '@tarojs/components'
export default function Home() { return <View><Text>和美社区</Text></View> }

import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CHILD_POLICY_VERSION } from '@/contracts/school/rules'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES } from '@/routes'
import { childActions, useMyChildren } from '@/packages/school/hooks/useChildren'

/** The rules, section by section (PIPL Art. 28/31: a child's information is sensitive; the guardian consents). */
const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '一、我们收集哪些信息，为什么收集',
    body: [
      '为了给孩子报名四点钟学校、在托管期间照看好孩子、放学时把孩子交给您授权的人，我们只收集以下必要信息：孩子的姓名、性别、出生日期、就读学校和年级，您自愿填写的过敏或健康说明，监护人的手机号，以及您授权的接送人的姓名、关系、手机号。',
      '我们不收集孩子的照片、身份证号或其他与托管无关的信息。',
    ],
  },
  {
    title: '二、谁能看到孩子的信息',
    body: [
      '监护人：您和您邀请加入的另一位监护人可以看到孩子的全部信息和接送码。',
      '服务站工作人员：只有孩子报名或候补的社区少儿成长服务站的工作人员，能看到照看孩子所需的信息（姓名、年级、健康说明、监护人电话）。',
      '志愿者：服务站安排的志愿者只能看到花名册上遮挡后的姓名（如 张*明）、年级，以及是否有过敏或健康提示，看不到其他信息。',
      '其他任何人都看不到孩子的信息。接送码只有监护人能看到，签退时由系统在服务器上核对。',
    ],
  },
  {
    title: '三、保存多久',
    body: ['孩子的信息在您删除孩子之前一直保存，用于报名和托管。出勤记录保存到学期结束后的统计需要为止，删除孩子后，出勤记录中不再保留孩子的姓名。'],
  },
  {
    title: '四、如何删除',
    body: ['孩子没有正在进行的报名或候补时，您可以随时在“我的孩子”中删除孩子。删除后，孩子的姓名、出生日期、学校、健康说明、电话和接送人会被清除，各班次名单中的姓名也会改为“已删除”。'],
  },
  {
    title: '五、您的权利',
    body: [
      '依据《中华人民共和国个人信息保护法》第三十一条，处理不满十四周岁未成年人的个人信息，需取得其父母或其他监护人的同意。您有权查阅、更正、删除孩子的信息，有权撤回同意（撤回后请删除孩子的信息），也可以联系社区服务站工作人员咨询或投诉。',
    ],
  },
]

/** 儿童个人信息处理规则: the rules, and 同意 (the consent is recorded before any child's information is). */
export default function PolicyPage() {
  const { params } = useRouter()
  const children = useMyChildren()
  const page = useRemotePage(children)
  const action = useAction()
  const consented = !!children.data?.consented
  const agree = () =>
    void action.run(() => childActions.consent(), {
      done: '已同意',
      then: () => (params?.next === 'child' ? Taro.redirectTo({ url: ROUTES.schoolChild }) : Taro.navigateBack()),
    })
  return (
    <Page {...page}>
      <Text className='hm-title hm-block'>儿童个人信息处理规则</Text>
      <Text className='hm-sub hm-block'>版本 {CHILD_POLICY_VERSION}</Text>
      {SECTIONS.map((s) => (
        <View key={s.title} className='hm-card'>
          <Text className='hm-h2 hm-block'>{s.title}</Text>
          {s.body.map((p) => (
            <Text key={p.slice(0, 12)} className='hm-text hm-block'>
              {p}
            </Text>
          ))}
        </View>
      ))}
      {consented ? (
        <Text className='hm-text hm-block'>您已同意本规则。</Text>
      ) : (
        <Button className='hm-btn' disabled={action.busy} onClick={agree}>
          我是孩子的监护人，同意以上规则
        </Button>
      )}
    </Page>
  )
}

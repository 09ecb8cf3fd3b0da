import { Text, View } from '@tarojs/components'
import { PRIVACY_VERSION } from '@/contracts/user'
import { Page } from '@/components/Page'

interface Section {
  title: string
  paras: string[]
}

/** The guide's text (static; bump PRIVACY_VERSION in contracts when it changes). */
const SECTIONS: Section[] = [
  {
    title: '一、我们收集哪些信息',
    paras: [
      '1. 注册时：您的昵称、所在社区和网格（网格可不填）。',
      '2. 申请志愿者时：真实姓名、手机号、擅长的服务和自我介绍。',
      '3. 今后使用微心愿时：心愿内容，以及为实现心愿所需的联系电话和地址。',
      '4. 今后使用四点钟学校时：孩子的姓名、出生日期、学校年级、健康注意事项、监护人电话和可接送人。孩子的信息属于敏感个人信息，须经监护人同意后才会收集。',
      '我们不收集您的位置、通讯录、相册等其他信息。',
    ],
  },
  {
    title: '二、为什么收集',
    paras: [
      '昵称和社区用于把您和所在社区的服务对应起来；志愿者的姓名和手机号用于社区工作人员审核、联系和记录志愿服务；心愿联系方式用于认领心愿的志愿者上门帮忙；孩子的信息用于托管安全和接送核对。',
    ],
  },
  {
    title: '三、谁能看到',
    paras: [
      '1. 您所在社区的工作人员（社工、网格员）为提供服务可以查看。其他社区的工作人员看不到。',
      '2. 志愿者手机号在列表中会部分隐藏（如 138****5678）。',
      '3. 心愿的电话和地址只在志愿者认领后，才对该志愿者显示。',
      '4. 孩子的信息只有监护人本人和服务站工作人员能看到。',
      '我们不会把您的信息提供给其他单位或用于广告。',
    ],
  },
  {
    title: '四、保存多久',
    paras: ['信息在您使用服务期间保存。志愿服务记录按照《志愿服务记录与证明出具办法》的要求保存，以便出具证明。您注销后，我们会删除或匿名化您的个人信息，法律法规另有规定的除外。'],
  },
  {
    title: '五、如何撤回和更正',
    paras: [
      '1. 志愿者申请在审核前可以在“我的”页面撤回。',
      '2. 昵称、网格等资料可以随时修改；记录有误可以请社区工作人员更正。',
      '3. 如需撤回同意、注销或查询您的信息，请联系所在社区居委会，我们会在15个工作日内处理。',
    ],
  },
]

/** The privacy guide: what is collected, why, who sees it, how long, how to withdraw. */
export default function PrivacyPage() {
  return (
    <Page className='hm-article'>
      <Text className='hm-title'>和美社区隐私保护指引</Text>
      <Text className='hm-sub hm-block'>版本：{PRIVACY_VERSION}</Text>
      {SECTIONS.map((s) => (
        <View key={s.title} className='hm-card'>
          <Text className='hm-h2'>{s.title}</Text>
          {s.paras.map((p) => (
            <Text key={p} className='hm-text hm-p'>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </Page>
  )
}

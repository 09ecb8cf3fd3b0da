export default definePageConfig({ navigationBarTitleText: '志愿者申请审核', enablePullDownRefresh: true })

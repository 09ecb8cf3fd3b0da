export default definePageConfig({ navigationBarTitleText: '签到码', enablePullDownRefresh: true })

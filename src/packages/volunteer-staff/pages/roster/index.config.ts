export default definePageConfig({ navigationBarTitleText: '班次名单', enablePullDownRefresh: true })

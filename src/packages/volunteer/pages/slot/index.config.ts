export default definePageConfig({ navigationBarTitleText: '班次详情', enablePullDownRefresh: true })

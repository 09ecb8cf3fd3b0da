export default definePageConfig({ navigationBarTitleText: '电话提醒名单', enablePullDownRefresh: true })

export default definePageConfig({ navigationBarTitleText: '长者活动管理', enablePullDownRefresh: true })

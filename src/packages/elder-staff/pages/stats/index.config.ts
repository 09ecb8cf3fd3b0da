export default definePageConfig({ navigationBarTitleText: '长者活动人次统计', enablePullDownRefresh: true })

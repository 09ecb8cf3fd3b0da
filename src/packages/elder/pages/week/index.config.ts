export default definePageConfig({ navigationBarTitleText: '长者活动', enablePullDownRefresh: true })

export default definePageConfig({ navigationBarTitleText: '班级详情', enablePullDownRefresh: true })

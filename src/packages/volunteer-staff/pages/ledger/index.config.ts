export default definePageConfig({ navigationBarTitleText: '志愿时长管理', enablePullDownRefresh: true })

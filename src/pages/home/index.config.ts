export default definePageConfig({ navigationBarTitleText: '和美社区', enablePullDownRefresh: true })

export default definePageConfig({ navigationBarTitleText: '服务站志愿者', enablePullDownRefresh: true })

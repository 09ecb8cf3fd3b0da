export default definePageConfig({ navigationBarTitleText: '在校记录', enablePullDownRefresh: true })

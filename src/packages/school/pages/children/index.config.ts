export default definePageConfig({ navigationBarTitleText: '我的孩子', enablePullDownRefresh: true })

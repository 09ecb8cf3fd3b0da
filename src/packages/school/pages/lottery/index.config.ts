export default definePageConfig({ navigationBarTitleText: '摇号结果', enablePullDownRefresh: true })

export default definePageConfig({ navigationBarTitleText: '四点钟学校管理', enablePullDownRefresh: true })

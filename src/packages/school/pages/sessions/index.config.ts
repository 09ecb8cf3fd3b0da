export default definePageConfig({ navigationBarTitleText: '四点钟学校', enablePullDownRefresh: true })

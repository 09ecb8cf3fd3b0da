export default definePageConfig({ navigationBarTitleText: '打印活动海报' })

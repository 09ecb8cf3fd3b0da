export default definePageConfig({ navigationBarTitleText: '和美社区' })

export default definePageConfig({ navigationBarTitleText: '登记培训' })

export default definePageConfig({ navigationBarTitleText: '班次设置' })

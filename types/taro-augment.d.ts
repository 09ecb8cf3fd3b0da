// Taro 4.1.11's typings lack showModal's editable input (WeChat base library >= 2.17.1).
import '@tarojs/taro'

declare module '@tarojs/taro' {
  namespace showModal {
    interface Option {
      editable?: boolean
      placeholderText?: string
    }
    interface SuccessCallbackResult {
      content?: string
    }
  }
}

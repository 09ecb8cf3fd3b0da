/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID?: string
    TARO_APP_CLOUD_ENV?: string
    TARO_APP_EMULATOR_URL?: string
  }
}

import Taro from '@tarojs/taro'
import { PropsWithChildren } from 'react'
import { installPrivacyListener } from './hooks/privacy'
import { ensurePersona } from './services/persona'
import './styles/tokens.css'
import './styles/components.css'

if (process.env.TARO_ENV === 'weapp') {
  // The env id comes from .env.* (TARO_APP_CLOUD_ENV); empty = the default environment.
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  installPrivacyListener()
}
if (process.env.TARO_ENV === 'h5') {
  // Local runs only: a first visit acts as a brand-new user until a demo persona is picked.
  ensurePersona()
}

function App({ children }: PropsWithChildren) {
  return children
}
export default App

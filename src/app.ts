import { PropsWithChildren } from 'react'
import { installPrivacyListener } from '@/stores/privacy'
import { initCloud } from './services/cloud'
import { ensurePersona } from './services/persona'
import './styles/tokens.css'
import './styles/components.css'

if (process.env.TARO_ENV === 'weapp') {
  initCloud()
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

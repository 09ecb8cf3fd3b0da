import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ROUTES } from '@/routes'
import { Link } from './Link'

const TAB_PATHS: string[] = [ROUTES.home, ROUTES.me]

/** The current page's path ('/packages/…/index'), or undefined outside a routed page. */
function currentPath(): string | undefined {
  const path = Taro.getCurrentInstance()?.router?.path
  if (!path) return undefined
  const bare = path.split('?')[0]
  return bare.startsWith('/') ? bare : `/${bare}`
}

/** On an h5 sub-page: whether there is a page to go back to; undefined on a tab page or outside a routed page. */
function whereAmI(): { canGoBack: boolean } | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined
  try {
    const path = currentPath()
    if (!path || TAB_PATHS.includes(path)) return undefined
    return { canGoBack: Taro.getCurrentPages().length > 1 }
  } catch {
    return undefined // no router (e.g. a page rendered alone in a test)
  }
}

/**
 * h5 only: an on-screen way back on every page that is not a tab page (weapp has its navigation bar; h5
 * has none, and a page opened by link or after a redirect would be a dead end): ‹ 返回 when there is a page
 * to go back to, else ‹ 返回首页.
 */
export function BackBar() {
  // Read once, when the page opens: a page kept under another one re-renders while it is not current.
  const [where] = useState(whereAmI)
  if (!where) return null
  const { canGoBack } = where
  return (
    <View className='hm-back'>
      {canGoBack ? (
        <Link label='返回' onClick={() => void Taro.navigateBack()}>
          ‹ 返回
        </Link>
      ) : (
        <Link label='返回首页' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
          ‹ 返回首页
        </Link>
      )}
    </View>
  )
}

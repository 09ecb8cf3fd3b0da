import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { useLargeFont } from '@/hooks/useLargeFont'
import type { AppError } from '@/services/cloud'
import { BackBar } from './BackBar'
import { PrivacySheet } from './PrivacySheet'
import { StateView } from './StateView'

export interface PageProps {
  /** Show the loading state instead of the content. */
  loading?: boolean
  /** Show the error state (with retry) instead of the content. */
  error?: AppError
  /** Show the empty state instead of the content. */
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
  /** Large font whatever the user's setting (elder activities: 适老化 by default in that subpackage). */
  alwaysLarge?: boolean
  className?: string
  children?: ReactNode
}

/**
 * Every page's root: applies the font mode class, the privacy sheet, the h5 back link, and the
 * loading/error/empty states.
 */
export function Page({ loading = false, error, empty = false, emptyText, onRetry, alwaysLarge = false, className = '', children }: PageProps) {
  const large = useLargeFont() || alwaysLarge
  useEffect(() => {
    // h5: the tab bar (src/ui/h5TabBar.ts) lives outside every page, so large mode reaches it through a class on <html>.
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('hm-large-root', large)
  }, [large])
  let body: ReactNode = children
  if (loading) body = <StateView kind='loading' />
  else if (error) body = <StateView kind='error' error={error} onRetry={onRetry} />
  else if (empty) body = <StateView kind='empty' text={emptyText} />
  return (
    <View className={`hm-page ${large ? 'hm-large' : ''} ${className}`}>
      <BackBar />
      {body}
      {process.env.TARO_ENV === 'weapp' && <PrivacySheet />}
    </View>
  )
}

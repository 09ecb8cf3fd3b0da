import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ErrorCode } from '@/contracts/errors'
import { Button } from '@/components/Button'
import type { AppError } from '@/services/cloud'
import { ROUTES, go } from '@/routes'

export interface StateViewProps {
  kind: 'loading' | 'error' | 'empty'
  error?: AppError
  /** Shown for `empty`. */
  text?: string
  onRetry?: () => void
  /** More ways out of an error (e.g. 看全区), after the built-in ones. */
  actions?: ReactNode
}

/** Refusals that the same call will give again: a retry cannot help, another way out must be offered. */
const FINAL: ErrorCode[] = ['NOT_SIGNED_UP', 'UNAUTHENTICATED', 'ROLE_REQUIRED', 'SCOPE_DENIED', 'NOT_VOLUNTEER', 'NOT_FOUND', 'INVALID_INPUT']

/** True when trying the same call again may succeed (network, busy server, a conflict). */
function canRetry(error: AppError | undefined): boolean {
  return !error || !FINAL.includes(error.code)
}

/** The loading, error (with retry where it can help) and empty states every page shows the same way. */
export function StateView({ kind, error, text, onRetry, actions }: StateViewProps) {
  if (kind === 'loading') {
    return (
      <View className='hm-state' aria-busy='true'>
        <Text className='hm-text'>正在加载…</Text>
      </View>
    )
  }
  if (kind === 'empty') {
    return (
      <View className='hm-state'>
        <Text className='hm-text'>{text || '暂无内容'}</Text>
      </View>
    )
  }
  const code = error?.code
  return (
    <View className='hm-state' role='alert'>
      <Text className='hm-text hm-block'>{error?.message || '出错了，请稍后再试'}</Text>
      {onRetry && canRetry(error) && (
        <Button className='hm-btn' onClick={onRetry}>
          重试
        </Button>
      )}
      {code === 'NOT_SIGNED_UP' && (
        <Button className='hm-btn' onClick={() => go(ROUTES.signup)}>
          去注册
        </Button>
      )}
      {process.env.TARO_ENV === 'h5' && code === 'UNAUTHENTICATED' && (
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.persona)}>
          选择演示身份
        </Button>
      )}
      {actions}
    </View>
  )
}

import Taro from '@tarojs/taro'
import { toAppError } from '@/services/cloud'

/** Tells the user why an action was refused (a modal stays until read, unlike a toast). */
export function showError(e: unknown): void {
  showHint(toAppError(e).message)
}

/** A short notice the user must acknowledge (e.g. a missing reason); nothing went wrong on the server. */
export function showHint(content: string, title = '提示'): void {
  void Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' })
}

/** Short success feedback. */
export function showDone(title: string): void {
  void Taro.showToast({ title, icon: 'success' })
}

/** Asks before a destructive or important action; resolves true on confirm. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' })
    return !!res.confirm
  } catch {
    return false
  }
}

/**
 * Asks for a short text (e.g. a rejection reason). weapp: showModal with an input (editable);
 * h5 (local runs only): Taro's h5 showModal has no input, so the browser's prompt.
 * Resolves the trimmed text, '' when confirmed empty, or undefined when cancelled.
 */
export async function askText(title: string, placeholder: string, confirmText = '确定'): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'h5') {
    const v = typeof window !== 'undefined' && typeof window.prompt === 'function' ? window.prompt(`${title}\n${placeholder}`, '') : null
    return v === null ? undefined : v.trim()
  }
  try {
    const res = (await Taro.showModal({
      title,
      editable: true,
      placeholderText: placeholder,
      confirmText,
      cancelText: '取消',
    } as Taro.showModal.Option)) as Taro.showModal.SuccessCallbackResult & { content?: string }
    return res.confirm ? (res.content || '').trim() : undefined
  } catch {
    return undefined
  }
}

/** Asks for a text that must not be empty: a hint (`missing`) when confirmed empty; undefined when cancelled or empty. */
export async function askRequiredText(title: string, placeholder: string, confirmText: string, missing = '请填写原因'): Promise<string | undefined> {
  const text = await askText(title, placeholder, confirmText)
  if (text === undefined) return undefined
  if (!text) {
    showHint(missing)
    return undefined
  }
  return text
}

import { useRouter } from '@tarojs/taro'

/**
 * The scene a mini-program code opened this page with, or undefined: on weapp the page's `options.scene`
 * (WeChat passes it URL-encoded), on h5 the `scene` query of the link the emulator's stand-in encodes.
 */
export function useScene(): string | undefined {
  const { params } = useRouter()
  const raw = params?.scene
  if (!raw) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

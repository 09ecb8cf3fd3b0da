import { Image } from '@tarojs/components'
import type { CSSProperties } from 'react'
import { tapA11y } from '@/components/tapA11y'

export interface PhotoProps {
  src: string
  label?: string
  /** Square side in design px (750 wide). */
  size?: number
  onClick?: () => void
}

const H5 = process.env.TARO_ENV === 'h5'
/** Design px as the build's CSS unit (pxtransform: rpx on weapp, 40 design px = 1rem on h5). */
const unit = (px: number) => (H5 ? `${px / 40}rem` : `${px}rpx`)

/** The square box of a photo of `size` design px (for tiles standing in for a photo). */
export function photoBox(size = 200): CSSProperties {
  return { width: unit(size), height: unit(size), borderRadius: unit(8) }
}

/**
 * A square, cropped photo. weapp: the Image component. h5 (local runs only): a plain <img>, because
 * Taro's h5 component library is one shared module, so using Image anywhere would add its element to
 * every page's first load (about 1.4 KB gzip on home). The choice is one conditional expression, so
 * webpack drops the unused branch and its import.
 */
export function Photo({ src, label, size = 200, onClick }: PhotoProps) {
  const style: CSSProperties = { ...photoBox(size), display: 'block' }
  return process.env.TARO_ENV === 'h5' ? (
    <img src={src} alt={label || '照片'} aria-label={label} style={{ ...style, objectFit: 'cover' }} onClick={onClick} {...(onClick ? tapA11y('button') : {})} />
  ) : (
    <Image src={src} mode='aspectFill' aria-label={label} style={style} onClick={onClick} />
  )
}

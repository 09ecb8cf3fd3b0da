import Taro from '@tarojs/taro'
import { useState } from 'react'
import { showError } from '@/ui/feedback'
import { uploadWishPhoto } from './useWish'

/** A photo in a form: a local temp path (or the current URL when editing), its fileID once uploaded. */
interface FormPhoto {
  src: string
  fileID?: string
  uploading?: boolean
}

/** Up to `max` photos chosen, uploaded at once and removable; `onChange` runs when the set changes (to clear its error). */
export function usePhotoUpload(max: number, onChange?: () => void, initial: FormPhoto[] | (() => FormPhoto[]) = []) {
  const [items, setItems] = useState<FormPhoto[]>(initial)
  const uploading = items.some((p) => p.uploading)
  const tooMany = () => void Taro.showToast({ title: `最多上传${max}张照片`, icon: 'none' })

  /** Lets the user choose photos (the picker closed: nothing), then uploads them; a failed one is dropped with its reason. */
  const add = async () => {
    const room = max - items.length
    if (room <= 0) return tooMany()
    let paths: string[]
    try {
      paths = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths || []
    } catch {
      return // the user closed the picker
    }
    if (paths.length > room) {
      tooMany()
      paths = paths.slice(0, room)
    }
    if (!paths.length) return
    onChange?.()
    setItems((prev) => [...prev, ...paths.map((src) => ({ src, uploading: true }))])
    await Promise.all(
      paths.map(async (src) => {
        try {
          const fileID = await uploadWishPhoto(src)
          setItems((prev) => prev.map((p) => (p.src === src ? { src, fileID } : p)))
        } catch (e) {
          setItems((prev) => prev.filter((p) => p.src !== src))
          showError(e)
        }
      }),
    )
  }

  /** Removes the photo at `index`. */
  const remove = (index: number) => {
    onChange?.()
    setItems((prev) => prev.filter((_, j) => j !== index))
  }

  return { items, uploading, add, remove }
}

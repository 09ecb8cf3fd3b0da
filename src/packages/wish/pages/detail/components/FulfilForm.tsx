import { Text, Textarea, View } from '@tarojs/components'
import { WISH_LIMITS, wishInputs } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { useFormSubmit } from '@/forms/useFormSubmit'
import type { FieldErrors } from '@/forms/validate'
import { Photo } from '@/packages/wish/components/Photo'
import { usePhotoUpload } from '@/packages/wish/hooks/usePhotoUpload'
import { wishActions } from '@/packages/wish/hooks/useWish'
import type { DetailFormProps } from './formProps'

/** The claimant reports the wish fulfilled: a note and an optional photo. */
export function FulfilForm({ w, onCancel, onDone, onRefused }: DetailFormProps) {
  const f = useFormSubmit(wishInputs.fulfil, { note: '' }, { note: '请填写完成说明' })
  const photos = usePhotoUpload(1, () => f.clear('photo'))
  const photo = photos.items[0]
  const onSubmit = () => {
    const extra = (): FieldErrors => (photos.uploading ? { photo: '照片正在上传，请稍候' } : {})
    f.submit({ wishId: w.id, note: f.values.note, ...(photo?.fileID ? { photo: photo.fileID } : {}) }, (d) => wishActions.fulfil(d.wishId, d.note, d.photo), {
      extra,
      done: '已提交完成',
      then: onDone,
      onError: onRefused,
    })
  }
  return (
    <View className='hm-card' data-testid='fulfil-form'>
      <Text className='hm-h2'>完成心愿</Text>
      <Textarea
        className='hm-input hm-textarea'
        placeholder='说说您是怎么帮忙的'
        maxlength={WISH_LIMITS.note}
        value={f.values.note}
        onInput={(e) => f.set('note', e.detail.value)}
        aria-label='完成说明'
      />
      {f.errors.note && <Text className='hm-error'>{f.errors.note}</Text>}
      {photo ? (
        <View className='hm-row'>
          <Photo src={photo.src} label='完成照片' size={160} />
          <Text className='hm-sub'>{photo.uploading ? '正在上传…' : '已添加照片'}</Text>
          <Text className='hm-link' onClick={() => photos.remove(0)}>
            删除
          </Text>
        </View>
      ) : (
        <Button className='hm-btn hm-btn-plain' onClick={() => void photos.add()}>
          添加照片（可不加）
        </Button>
      )}
      {f.errors.photo && <Text className='hm-error'>{f.errors.photo}</Text>}
      <Button className='hm-btn' disabled={f.busy || photos.uploading} loading={f.busy} onClick={onSubmit}>
        提交完成
      </Button>
      <Button className='hm-btn hm-btn-gray' disabled={f.busy} onClick={onCancel}>
        返回
      </Button>
    </View>
  )
}

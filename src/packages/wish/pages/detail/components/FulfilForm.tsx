import { Text, View } from '@tarojs/components'
import { WISH_LIMITS, wishInputs } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { Link } from '@/components/Link'
import { useFormSubmit } from '@/forms/useFormSubmit'
import type { FieldErrors } from '@/forms/validate'
import { Photo } from '@/packages/wish/components/Photo'
import { usePhotoUpload } from '@/packages/wish/hooks/usePhotoUpload'
import { wishActions } from '@/packages/wish/hooks/useWish'
import { afterSubmit, type DetailFormProps } from './formProps'

/** The claimant reports the wish fulfilled: a note and an optional photo. */
export function FulfilForm(props: DetailFormProps) {
  const { w, onCancel } = props
  const f = useFormSubmit(wishInputs.fulfil, { note: '' }, { note: '请填写完成说明' })
  const photos = usePhotoUpload(1, () => f.clear('photo'))
  const photo = photos.items[0]
  const onSubmit = () => {
    const extra = (): FieldErrors => (photos.uploading ? { photo: '照片正在上传，请稍候' } : {})
    f.submit({ wishId: w.id, note: f.values.note, ...(photo?.fileID ? { photo: photo.fileID } : {}) }, (d) => wishActions.fulfil(d.wishId, d.note, d.photo), {
      extra,
      ...afterSubmit(props, '已提交完成'),
    })
  }
  return (
    <View className='hm-card' data-testid='fulfil-form'>
      <Text className='hm-h2'>完成心愿</Text>
      <TextField label='完成说明' multiline placeholder='说说您是怎么帮忙的' maxlength={WISH_LIMITS.note} value={f.values.note} onInput={(v) => f.set('note', v)} error={f.errors.note} />
      {photo ? (
        <View className='hm-row'>
          <Photo src={photo.src} label='完成照片' size={160} />
          <Text className='hm-sub'>{photo.uploading ? '正在上传…' : '已添加照片'}</Text>
          <Link role='button' label='删除完成照片' onClick={() => photos.remove(0)}>
            删除
          </Link>
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

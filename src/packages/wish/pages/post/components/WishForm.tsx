import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { MAX_WISH_PHOTOS, wishInputs, type WishDetail } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { useFormSubmit } from '@/forms/useFormSubmit'
import type { FieldErrors } from '@/forms/validate'
import { useTemplateIds } from '@/hooks/useTemplateIds'
import { ROUTES } from '@/routes'
import { askSubscription } from '@/ui/subscribe'
import { usePhotoUpload } from '@/packages/wish/hooks/usePhotoUpload'
import { postWish, resubmitWish } from '@/packages/wish/hooks/useWish'
import { CategoryFields } from './CategoryFields'
import { ContactFields } from './ContactFields'
import { FALLBACKS, type WishFormValues } from './fields'
import { NameFields } from './NameFields'
import { PhotoFields } from './PhotoFields'
import { TextFields } from './TextFields'

export interface WishFormProps {
  /** Editing a rejected wish: its id. */
  editId?: string
  /** Editing: the wish as loaded (the form starts from its fields). */
  initial?: WishDetail
}

/** The values a new form starts from, or the rejected wish's when editing. */
function startValues(initial?: WishDetail): WishFormValues {
  const d = initial?.draft
  return {
    title: initial?.title || '',
    description: initial?.description || '',
    category: initial?.category,
    neededBy: initial?.neededBy,
    nameStyle: d?.nameStyle || 'surname',
    surname: d?.surname || '',
    honorific: d?.honorific || '阿姨',
    contactPhone: initial?.contact?.phone || '',
    address: initial?.contact?.address || '',
  }
}

/** The wish form: its sections, one submit (validated with the contract's schema), then 我的心愿. */
export function WishForm({ editId, initial }: WishFormProps) {
  const f = useFormSubmit(wishInputs.post, () => startValues(initial), FALLBACKS)
  // Photos are kept by their fileIDs (draft.photoIds), shown by their current URLs.
  const photos = usePhotoUpload(
    MAX_WISH_PHOTOS,
    () => f.clear('photos'),
    () => (initial?.draft?.photoIds || []).map((fileID, i) => ({ fileID, src: initial?.photos[i] || '' })),
  )
  const v = f.values
  const templateIds = useTemplateIds('WISH_CLAIMED')

  const onSubmit = () => {
    const named = v.nameStyle === 'surname'
    const input: Record<string, unknown> = {
      title: v.title.trim(),
      description: v.description.trim(),
      category: v.category,
      neededBy: v.neededBy || undefined,
      nameStyle: v.nameStyle,
      surname: named ? v.surname.trim() : undefined,
      honorific: named ? v.honorific : undefined,
      contactPhone: v.contactPhone.trim(),
      address: v.address.trim(),
      photos: photos.items.length ? photos.items.map((p) => p.fileID || '') : undefined,
    }
    // Leave out what was not chosen (undefined), as the wire would.
    for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k]
    const extra = (): FieldErrors => ({
      ...(named && !input.surname ? { surname: '请填写您的姓氏，或选择匿名' } : {}),
      ...(photos.uploading ? { photos: '照片正在上传，请稍候' } : {}),
    })
    f.submit(input, (data) => (editId ? resubmitWish({ wishId: editId, ...data }) : postWish(data)), {
      extra,
      invalidHint: '请检查填写的内容',
      // Inside the tap (WeChat shows the prompt only from a tap): may we tell the wisher when someone claims it?
      beforeCall: () => void askSubscription(templateIds),
      done: '已提交审核',
      then: () => void Taro.redirectTo({ url: ROUTES.wishMine }).catch(() => Taro.navigateBack()),
    })
  }

  const section = { values: v, set: f.set, errors: f.errors }
  return (
    <View>
      <Text className='hm-title'>{editId ? '修改心愿' : '发布心愿'}</Text>
      <Text className='hm-sub hm-block'>心愿经社区工作人员审核后公开，志愿者认领后会和您联系。</Text>
      {initial?.reason && <Text className='hm-text hm-block'>上次未通过原因：{initial.reason}</Text>}
      {f.formError && (
        <View className='hm-card' role='alert'>
          <Text className='hm-error'>{f.formError}</Text>
        </View>
      )}
      <TextFields {...section} />
      <CategoryFields {...section} />
      <NameFields {...section} />
      <ContactFields {...section} />
      <PhotoFields photos={photos} error={f.errors.photos} />
      <Button className='hm-btn' disabled={f.busy} loading={f.busy} onClick={onSubmit}>
        {editId ? '重新提交' : '提交心愿'}
      </Button>
    </View>
  )
}

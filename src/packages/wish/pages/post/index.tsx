import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { HONORIFICS, MAX_WISH_PHOTOS, WISH_CATEGORIES, wishInputs, type WishCategory, type WishDetail } from '@/contracts/wish'
import { Page } from '@/components/Page'
import { showDone, showError } from '@/ui/feedback'
import { serverFieldErrors, validate, type FieldErrors } from '@/forms/validate'
import { isAppError } from '@/services/cloud'
import { ROUTES } from '@/routes'
import { Photo } from '@/packages/wish/components/Photo'
import { postWish, resubmitWish, uploadWishPhoto, useWish } from '@/packages/wish/hooks/useWish'
import { daysFromToday, formatDay, today } from '@/format/day'

type Honorific = (typeof HONORIFICS)[number]
interface Photo {
  /** Shown in the form: a local temp path, or the wish's current URL when editing. */
  src: string
  fileID?: string
  uploading?: boolean
}

const FALLBACKS: FieldErrors = {
  title: '请填写心愿标题（最多30个字）',
  description: '请描述您的心愿（最多500个字）',
  category: '请选择心愿类别',
  neededBy: '请选择日期',
  surname: '请填写姓氏（最多2个字）',
  honorific: '请选择称呼',
  contactPhone: '请输入11位手机号',
  address: '请填写地址',
  photos: '最多上传3张照片',
}

/** Post a wish, or edit a rejected one and resubmit it (?id=). */
export default function PostPage() {
  const { params } = useRouter()
  const editId = params?.id ? decodeURIComponent(params.id) : undefined
  const existing = useWish(editId)
  const editing = !!editId
  return (
    <Page loading={editing && existing.loading && !existing.data} error={editing && !existing.data ? existing.error : undefined} onRetry={existing.refresh}>
      {(!editing || existing.data) && <WishForm editId={editId} initial={existing.data} />}
    </Page>
  )
}

function WishForm({ editId, initial }: { editId?: string; initial?: WishDetail }) {
  // Editing: the form mounts once the wish is loaded, so it starts from the wish's fields.
  const d = initial?.draft
  const [title, setTitle] = useState(initial?.title || '')
  const [description, setDescription] = useState(initial?.description || '')
  const [category, setCategory] = useState<WishCategory | undefined>(initial?.category)
  const [neededBy, setNeededBy] = useState<string | undefined>(initial?.neededBy)
  const [nameStyle, setNameStyle] = useState<'surname' | 'anonymous'>(d?.nameStyle || 'surname')
  const [surname, setSurname] = useState(d?.surname || '')
  const [honorific, setHonorific] = useState<Honorific>(d?.honorific || '阿姨')
  const [phone, setPhone] = useState(initial?.contact?.phone || '')
  const [address, setAddress] = useState(initial?.contact?.address || '')
  // Photos are kept by their fileIDs (draft.photoIds), shown by their current URLs.
  const [photos, setPhotos] = useState<Photo[]>(() => (d?.photoIds || []).map((fileID, i) => ({ fileID, src: initial?.photos[i] || '' })))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)

  const uploading = photos.some((p) => p.uploading)

  const onAddPhotos = async () => {
    const room = MAX_WISH_PHOTOS - photos.length
    if (room <= 0) {
      void Taro.showToast({ title: '最多上传3张照片', icon: 'none' })
      return
    }
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths || []
    } catch {
      return // the user closed the picker
    }
    if (paths.length > room) {
      void Taro.showToast({ title: '最多上传3张照片', icon: 'none' })
      paths = paths.slice(0, room)
    }
    if (!paths.length) return
    setPhotos((prev) => [...prev, ...paths.map((src) => ({ src, uploading: true }))])
    await Promise.all(
      paths.map(async (src) => {
        try {
          const fileID = await uploadWishPhoto(src)
          setPhotos((prev) => prev.map((p) => (p.src === src ? { src, fileID } : p)))
        } catch (e) {
          setPhotos((prev) => prev.filter((p) => p.src !== src))
          showError(e)
        }
      }),
    )
  }

  const onSubmit = () => {
    // Everything up to the subscription request is synchronous: WeChat only shows it from the tap itself.
    setFormError('')
    const input = {
      title: title.trim(),
      description: description.trim(),
      category,
      neededBy: neededBy || undefined,
      nameStyle,
      surname: nameStyle === 'surname' ? surname.trim() : undefined,
      honorific: nameStyle === 'surname' ? honorific : undefined,
      contactPhone: phone.trim(),
      address: address.trim(),
      photos: photos.length ? photos.map((p) => p.fileID || '') : undefined,
    }
    // Leave out what was not chosen (undefined), as the wire would.
    for (const k of Object.keys(input) as (keyof typeof input)[]) if (input[k] === undefined) delete input[k]
    const v = validate(wishInputs.post, input, FALLBACKS)
    const errs: FieldErrors = v.ok ? {} : { ...v.errors }
    if (nameStyle === 'surname' && !input.surname) errs.surname = '请填写您的姓氏，或选择匿名'
    if (uploading) errs.photos = '照片正在上传，请稍候'
    if (Object.keys(errs).length) {
      setErrors(errs)
      void Taro.showToast({ title: '请检查填写的内容', icon: 'none' })
      return
    }
    setErrors({})
    // The subscription template for "your wish was claimed" (weapp only; empty = don't ask).
    const tpl = process.env.TARO_APP_TPL_WISH_CLAIMED || ''
    if (process.env.TARO_ENV === 'weapp' && tpl) {
      // Ask now (inside the tap, before any await) whether we may tell the wisher when someone claims the wish.
      void Promise.resolve(Taro.requestSubscribeMessage({ tmplIds: [tpl] } as Taro.requestSubscribeMessage.Option)).catch(() => undefined)
    }
    void submit(v.ok ? v.data : (input as never))
  }

  const submit = async (data: Parameters<typeof postWish>[0]) => {
    setBusy(true)
    try {
      if (editId) await resubmitWish({ wishId: editId, ...data })
      else await postWish(data)
      showDone('已提交审核')
      void Taro.redirectTo({ url: ROUTES.wishMine }).catch(() => Taro.navigateBack())
    } catch (e) {
      if (isAppError(e)) {
        if (e.code === 'INVALID_INPUT') setErrors(serverFieldErrors(e.issues, FALLBACKS))
        setFormError(e.message)
      }
      showError(e)
    } finally {
      setBusy(false)
    }
  }

  const shownName = nameStyle === 'anonymous' ? '匿名居民' : `${surname.trim() || '□'}${honorific}`

  return (
    <View>
      <Text className='hm-title'>{editId ? '修改心愿' : '发布心愿'}</Text>
      <Text className='hm-sub hm-block'>心愿经社区工作人员审核后公开，志愿者认领后会和您联系。</Text>
      {initial?.reason && <Text className='hm-text hm-block'>上次未通过原因：{initial.reason}</Text>}
      {formError && (
        <View className='hm-card' role='alert'>
          <Text className='hm-error'>{formError}</Text>
        </View>
      )}

      <View className='hm-card'>
        <View className='hm-field'>
          <View className='hm-row'>
            <Text className='hm-label'>心愿标题</Text>
            <Text className='hm-sub'>{title.length}/30</Text>
          </View>
          <Input className='hm-input' placeholder='例如：想请人帮忙修一下门锁' maxlength={30} value={title} onInput={(e) => setTitle(e.detail.value)} aria-label='心愿标题' />
          {errors.title && <Text className='hm-error'>{errors.title}</Text>}
        </View>
        <View className='hm-field'>
          <View className='hm-row'>
            <Text className='hm-label'>心愿描述</Text>
            <Text className='hm-sub'>{description.length}/500</Text>
          </View>
          <Textarea className='hm-input hm-textarea' placeholder='说说您需要什么帮助' maxlength={500} value={description} onInput={(e) => setDescription(e.detail.value)} aria-label='心愿描述' />
          {errors.description && <Text className='hm-error'>{errors.description}</Text>}
        </View>
      </View>

      <View className='hm-card'>
        <Text className='hm-label'>心愿类别</Text>
        <View className='hm-wrap' role='radiogroup' aria-label='心愿类别'>
          {WISH_CATEGORIES.map((c) => (
            <View key={c} role='radio' aria-checked={category === c} className={`hm-chip ${category === c ? 'hm-chip-on' : ''}`} onClick={() => setCategory(c)}>
              <Text>{c}</Text>
            </View>
          ))}
        </View>
        {errors.category && <Text className='hm-error'>{errors.category}</Text>}
        <View className='hm-field'>
          <Text className='hm-label'>希望完成日期（可不选）</Text>
          <Picker mode='date' value={neededBy || daysFromToday(14)} start={today()} onChange={(e) => setNeededBy(String(e.detail.value))}>
            <View className='hm-picker' aria-label='希望完成日期'>
              <Text>{neededBy ? formatDay(neededBy) : '不限'}</Text>
              <Text className='hm-sub'>选择 ›</Text>
            </View>
          </Picker>
          {neededBy && (
            <Text className='hm-link' onClick={() => setNeededBy(undefined)}>
              清除日期
            </Text>
          )}
          {errors.neededBy && <Text className='hm-error'>{errors.neededBy}</Text>}
        </View>
      </View>

      <View className='hm-card'>
        <Text className='hm-label'>公开显示的称呼</Text>
        <View className='hm-wrap' role='radiogroup' aria-label='称呼方式'>
          {(
            [
              ['surname', '姓氏+称呼'],
              ['anonymous', '匿名'],
            ] as const
          ).map(([k, label]) => (
            <View key={k} role='radio' aria-checked={nameStyle === k} className={`hm-chip ${nameStyle === k ? 'hm-chip-on' : ''}`} onClick={() => setNameStyle(k)}>
              <Text>{label}</Text>
            </View>
          ))}
        </View>
        {nameStyle === 'surname' && (
          <View>
            <Input className='hm-input' placeholder='您的姓氏，例如：林' maxlength={2} value={surname} onInput={(e) => setSurname(e.detail.value)} aria-label='姓氏' />
            {errors.surname && <Text className='hm-error'>{errors.surname}</Text>}
            <View className='hm-wrap' role='radiogroup' aria-label='称呼' style={{ marginTop: '16px' }}>
              {HONORIFICS.map((h) => (
                <View key={h} role='radio' aria-checked={honorific === h} className={`hm-chip ${honorific === h ? 'hm-chip-on' : ''}`} onClick={() => setHonorific(h)}>
                  <Text>{h}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
        <Text className='hm-sub hm-block'>心愿墙上显示为：{shownName}</Text>
      </View>

      <View className='hm-card'>
        <Text className='hm-label'>联系方式</Text>
        <Text className='hm-sub hm-block'>仅认领人和社区工作人员可见</Text>
        <View className='hm-field'>
          <Text className='hm-label'>联系电话</Text>
          <Input className='hm-input' type='number' placeholder='请输入11位手机号' maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} aria-label='联系电话' />
          {errors.contactPhone && <Text className='hm-error'>{errors.contactPhone}</Text>}
        </View>
        <View className='hm-field'>
          <Text className='hm-label'>地址</Text>
          <Input className='hm-input' placeholder='例如：军门社区3号楼2单元501' maxlength={100} value={address} onInput={(e) => setAddress(e.detail.value)} aria-label='地址' />
          {errors.address && <Text className='hm-error'>{errors.address}</Text>}
        </View>
      </View>

      <View className='hm-card'>
        <View className='hm-row'>
          <Text className='hm-label'>照片（可不加）</Text>
          <Text className='hm-sub'>
            {photos.length}/{MAX_WISH_PHOTOS}
          </Text>
        </View>
        <View className='hm-wrap'>
          {photos.map((p, i) => (
            <View key={`${p.src}-${i}`} style={{ marginRight: '16px', marginBottom: '16px' }}>
              <Photo src={p.src} label={`照片${i + 1}`} size={180} />
              {p.uploading ? (
                <Text className='hm-sub hm-block'>正在上传…</Text>
              ) : (
                <Text className='hm-link' onClick={() => setPhotos((prev) => prev.filter((_, j) => j !== i))}>
                  删除
                </Text>
              )}
            </View>
          ))}
        </View>
        {photos.length < MAX_WISH_PHOTOS && (
          <Button className='hm-btn hm-btn-plain' onClick={() => void onAddPhotos()}>
            添加照片
          </Button>
        )}
        {errors.photos && <Text className='hm-error'>{errors.photos}</Text>}
      </View>

      <Button className='hm-btn' disabled={busy} loading={busy} onClick={onSubmit}>
        {editId ? '重新提交' : '提交心愿'}
      </Button>
    </View>
  )
}

import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { WishDetail } from '@/contracts/wish'
import { Page } from '@/components/Page'
import { askText, confirm, showDone, showError } from '@/ui/feedback'
import { WISH_BY_LABELS, WISH_STATUS_LABELS, wishBadgeClass, wishEventLabel } from '@/format/wish'
import { useMe } from '@/hooks/useMe'
import { isAppError } from '@/services/cloud'
import { ROUTES, go } from '@/routes'
import { Photo } from '@/packages/wish/components/Photo'
import { useWish, uploadWishPhoto, wishActions } from '@/packages/wish/hooks/useWish'
import { ago, daysFromToday, formatDay, today } from '@/format/day'

type Mode = 'claim' | 'fulfil' | 'confirm' | undefined
const PUBLISHED = ['open', 'claimed', 'fulfilled', 'closed']

/** Asks for a required reason; shows a hint and resolves undefined when cancelled or empty. */
async function askReason(title: string, placeholder: string, confirmText: string): Promise<string | undefined> {
  const reason = await askText(title, placeholder, confirmText)
  if (reason === undefined) return undefined
  if (!reason) {
    void Taro.showModal({ title: '提示', content: '请填写原因', showCancel: false, confirmText: '知道了' })
    return undefined
  }
  return reason
}

/** A wish in full: text, photos, timeline, claim and thanks; the actions the viewer may take now. */
export default function DetailPage() {
  const { params } = useRouter()
  const id = params?.id ? decodeURIComponent(params.id) : undefined
  const wish = useWish(id)
  const [mode, setMode] = useState<Mode>()
  const [busy, setBusy] = useState(false)
  const [taken, setTaken] = useState(false)
  const shown = useRef(false)

  useDidShow(() => {
    if (shown.current && !wish.loading) void wish.refresh()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void wish.refresh().finally(() => Taro.stopPullDownRefresh())
  })

  /** Runs one action: busy while it runs, success feedback and a reload after, the refusal's message on failure. */
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await fn()
      setMode(undefined)
      showDone(done)
      await wish.refresh()
    } catch (e) {
      if (isAppError(e) && e.code === 'WISH_NOT_OPEN') {
        setTaken(true)
        setMode(undefined)
        void Taro.showModal({ title: '已被认领', content: e.message, showCancel: false, confirmText: '知道了' })
        await wish.refresh()
      } else showError(e)
    } finally {
      setBusy(false)
    }
  }

  const w = wish.data
  return (
    <Page loading={!!id && wish.loading && !w} error={id && !w ? wish.error : undefined} empty={!id} emptyText='没有找到这个心愿' onRetry={wish.refresh}>
      {w && (
        <View>
          {taken && (
            <View className='hm-card' role='alert' style={{ border: '2px solid var(--hm-warn)' }}>
              <Text className='hm-h2'>已被认领</Text>
              <Text className='hm-text hm-block'>这个心愿刚刚被其他人认领了，感谢您的爱心！可以看看心愿墙上其他的心愿。</Text>
            </View>
          )}
          <Summary w={w} />
          <Photos urls={w.photos} />
          {w.contact && (
            <View className='hm-card' data-testid='contact'>
              <Text className='hm-h2'>联系方式</Text>
              <View className='hm-row' onClick={() => void Taro.makePhoneCall({ phoneNumber: w.contact!.phone }).catch(() => undefined)}>
                <Text className='hm-text'>电话：{w.contact.phone}</Text>
                <Text className='hm-link'>拨打</Text>
              </View>
              <Text className='hm-text hm-block'>地址：{w.contact.address}</Text>
              <Text className='hm-sub hm-block'>仅认领人和社区工作人员可见，请勿外传</Text>
            </View>
          )}
          <ClaimInfo w={w} />
          <Actions w={w} mode={mode} setMode={setMode} busy={busy} run={run} />
          <Timeline w={w} />
        </View>
      )}
    </Page>
  )
}

function Summary({ w }: { w: WishDetail }) {
  return (
    <View className='hm-card'>
      <View className='hm-row'>
        <Text className='hm-title' style={{ flex: 1 }}>
          {w.title}
        </Text>
        <Text className={`hm-badge ${wishBadgeClass(w.status)}`}>{WISH_STATUS_LABELS[w.status] || w.status}</Text>
      </View>
      <View className='hm-wrap'>
        <Text className='hm-badge'>{w.category}</Text>
        {w.overdue && <Text className='hm-badge hm-badge-warn'>已逾期</Text>}
      </View>
      <Text className='hm-sub hm-block'>
        {w.displayName} · {w.communityName} · {ago(w.publishedAt || w.createdAt)}
      </Text>
      <Text className='hm-text hm-block' style={{ marginTop: '16px', whiteSpace: 'pre-wrap' }}>
        {w.description}
      </Text>
      {w.neededBy && <Text className='hm-text hm-block'>希望在 {formatDay(w.neededBy)} 前完成</Text>}
      {w.reason && (w.status === 'rejected' || w.status === 'hidden') && (
        <Text className='hm-text hm-block' style={{ color: 'var(--hm-danger)' }}>
          {w.status === 'rejected' ? '未通过原因' : '隐藏原因'}：{w.reason}
        </Text>
      )}
      {w.status === 'pending_review' && <Text className='hm-sub hm-block'>社区工作人员审核通过后，心愿会出现在心愿墙上。</Text>}
    </View>
  )
}

function Photos({ urls }: { urls: string[] }) {
  if (!urls.length) return null
  return (
    <View className='hm-card'>
      <View className='hm-wrap'>
        {urls.map((u, i) => (
          <View key={u} style={{ marginRight: '8px', marginBottom: '8px' }}>
            <Photo src={u} label={`照片${i + 1}`} onClick={() => void Taro.previewImage({ urls, current: u }).catch(() => undefined)} />
          </View>
        ))}
      </View>
      <Text className='hm-sub hm-block'>点击照片可查看大图</Text>
    </View>
  )
}

function ClaimInfo({ w }: { w: WishDetail }) {
  if (!w.claim && !w.fulfilment && !w.thanks) return null
  return (
    <View className='hm-card'>
      {w.claim && (
        <View>
          <Text className='hm-h2'>认领情况</Text>
          <Text className='hm-text hm-block'>
            认领人：{w.claim.claimantName}
            {w.claim.unitName ? `（${w.claim.unitName}）` : ''}
          </Text>
          <Text className='hm-text hm-block'>承诺完成日期：{formatDay(w.claim.promisedBy)}</Text>
          <Text className='hm-sub hm-block'>认领时间：{formatDay(w.claim.claimedAt)}</Text>
        </View>
      )}
      {w.fulfilment && (
        <View>
          <Text className='hm-h2'>完成情况</Text>
          <Text className='hm-text hm-block'>{w.fulfilment.note}</Text>
          {w.fulfilment.photo && (
            <Photo src={w.fulfilment.photo} label='完成照片' onClick={() => void Taro.previewImage({ urls: [w.fulfilment!.photo!] }).catch(() => undefined)} />
          )}
          <Text className='hm-sub hm-block'>完成时间：{formatDay(w.fulfilment.fulfilledAt)}</Text>
          {w.status === 'fulfilled' && <Text className='hm-sub hm-block'>等待心愿人确认</Text>}
        </View>
      )}
      {w.thanks && (
        <View>
          <Text className='hm-h2'>感谢的话</Text>
          <Text className='hm-text hm-block'>“{w.thanks}”</Text>
        </View>
      )}
    </View>
  )
}

function Timeline({ w }: { w: WishDetail }) {
  if (!w.timeline.length) return null
  return (
    <View className='hm-card' data-testid='timeline'>
      <Text className='hm-h2'>进展</Text>
      {w.timeline.map((e, i) => (
        <View key={`${e.at}-${i}`} style={{ marginBottom: '16px' }}>
          <Text className='hm-text hm-block'>
            {WISH_BY_LABELS[e.by] || e.by} {wishEventLabel(e)}
          </Text>
          {e.reason && <Text className='hm-sub hm-block'>原因：{e.reason}</Text>}
          <Text className='hm-sub hm-block'>{formatDay(e.at)}</Text>
        </View>
      ))}
    </View>
  )
}

interface ActionsProps {
  w: WishDetail
  mode: Mode
  setMode: (m: Mode) => void
  busy: boolean
  run: (fn: () => Promise<unknown>, done: string) => Promise<void>
}

function Actions({ w, mode, setMode, busy, run }: ActionsProps) {
  const v = w.viewer
  const buttons = []
  if (v.canClaim && w.status === 'open' && mode !== 'claim')
    buttons.push(
      <Button key='claim' className='hm-btn' disabled={busy} onClick={() => setMode('claim')}>
        认领
      </Button>,
    )
  if (v.isClaimant && w.status === 'claimed') {
    if (mode !== 'fulfil')
      buttons.push(
        <Button key='fulfil' className='hm-btn' disabled={busy} onClick={() => setMode('fulfil')}>
          完成心愿
        </Button>,
      )
    buttons.push(
      <Button
        key='withdraw'
        className='hm-btn hm-btn-gray'
        disabled={busy}
        onClick={async () => {
          const reason = await askReason('放弃认领', '请填写放弃的原因（必填）', '下一步')
          if (!reason) return
          if (!(await confirm('放弃认领', '确定放弃认领吗？心愿会回到心愿墙，等待其他人认领。', '放弃认领'))) return
          await run(() => wishActions.withdraw(w.id, reason), '已放弃认领')
        }}
      >
        放弃认领
      </Button>,
    )
  }
  if ((v.isWisher || v.isStaff) && w.status === 'fulfilled' && mode !== 'confirm')
    buttons.push(
      <Button key='confirm' className='hm-btn' disabled={busy} onClick={() => setMode('confirm')}>
        {v.isWisher ? '确认完成' : '代心愿人确认完成'}
      </Button>,
    )
  if (v.isWisher && w.status === 'rejected')
    buttons.push(
      <Button key='edit' className='hm-btn' disabled={busy} onClick={() => go(`${ROUTES.wishPost}?id=${encodeURIComponent(w.id)}`)}>
        修改后重新提交
      </Button>,
    )
  if (v.isStaff && w.status === 'claimed' && w.overdue)
    buttons.push(
      <Button
        key='release'
        className='hm-btn hm-btn-gray'
        disabled={busy}
        onClick={async () => {
          const reason = await askReason('释放认领', '请填写释放的原因（必填）', '下一步')
          if (!reason) return
          if (!(await confirm('释放认领', '确定释放这个逾期的认领吗？心愿会回到心愿墙。', '释放'))) return
          await run(() => wishActions.release(w.id, reason), '已释放')
        }}
      >
        释放认领
      </Button>,
    )
  if (v.isWisher && ['pending_review', 'rejected', 'open'].includes(w.status))
    buttons.push(
      <Button
        key='cancel'
        className='hm-btn hm-btn-gray'
        disabled={busy}
        onClick={async () => {
          if (!(await confirm('取消心愿', '确定取消这个心愿吗？取消后不能恢复。', '取消心愿'))) return
          await run(() => wishActions.cancel(w.id), '已取消')
        }}
      >
        取消心愿
      </Button>,
    )
  if (v.isStaff && PUBLISHED.includes(w.status))
    buttons.push(
      <Button
        key='hide'
        className='hm-btn hm-btn-gray'
        disabled={busy}
        onClick={async () => {
          const reason = await askReason('隐藏心愿', '请填写隐藏的原因（必填，心愿人可以看到）', '下一步')
          if (!reason) return
          if (!(await confirm('隐藏心愿', '确定隐藏这个心愿吗？隐藏后心愿墙上不再显示。', '隐藏'))) return
          await run(() => wishActions.hide(w.id, reason), '已隐藏')
        }}
      >
        隐藏心愿
      </Button>,
    )
  // Reporting is for bystanders: the claimant deals with the wisher, staff hide directly.
  if (!v.isWisher && !v.isClaimant && !v.isStaff && PUBLISHED.includes(w.status))
    buttons.push(
      <Button
        key='report'
        className='hm-btn hm-btn-gray'
        disabled={busy}
        onClick={async () => {
          const reason = await askReason('举报心愿', '请填写举报的原因（必填）', '举报')
          if (!reason) return
          await run(() => wishActions.report(w.id, reason), '已举报')
        }}
      >
        举报
      </Button>,
    )

  return (
    <View>
      {mode === 'claim' && <ClaimForm w={w} busy={busy} onCancel={() => setMode(undefined)} run={run} />}
      {mode === 'fulfil' && <FulfilForm w={w} busy={busy} onCancel={() => setMode(undefined)} run={run} />}
      {mode === 'confirm' && <ConfirmForm w={w} busy={busy} onCancel={() => setMode(undefined)} run={run} />}
      {buttons.length > 0 && <View className='hm-card'>{buttons}</View>}
    </View>
  )
}

interface FormProps {
  w: WishDetail
  busy: boolean
  onCancel: () => void
  run: ActionsProps['run']
}

function ClaimForm({ w, busy, onCancel, run }: FormProps) {
  const start = today()
  const end = w.neededBy && w.neededBy >= start ? w.neededBy : undefined
  const suggested = daysFromToday(7)
  const [date, setDate] = useState(end && suggested > end ? end : suggested)
  const [unit, setUnit] = useState('')
  const [error, setError] = useState('')
  // Staff who are not volunteers themselves claim for a unit, so they must name it.
  const me = useMe()
  const unitRequired = w.viewer.isStaff && !me.data?.roles.includes('volunteer')
  const onSubmit = () => {
    if (end && date > end) return setError(`承诺日期不能晚于 ${formatDay(end)}`)
    if (date < start) return setError('承诺日期不能早于今天')
    if (unitRequired && !unit.trim()) return setError('请填写认领的单位名称')
    if (w.viewer.isStaff && unit.trim() && unit.trim().length < 2) return setError('请填写单位名称（至少2个字）')
    setError('')
    void run(() => wishActions.claim(w.id, date, w.viewer.isStaff ? unit.trim() || undefined : undefined), '认领成功')
  }
  return (
    <View className='hm-card' data-testid='claim-form'>
      <Text className='hm-h2'>认领这个心愿</Text>
      <View className='hm-field'>
        <Text className='hm-label'>承诺完成日期</Text>
        <Picker mode='date' value={date} start={start} end={end} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='hm-picker' aria-label='承诺完成日期'>
            <Text>{formatDay(date)}</Text>
            <Text className='hm-sub'>修改 ›</Text>
          </View>
        </Picker>
        {end && <Text className='hm-sub hm-block'>心愿人希望在 {formatDay(end)} 前完成</Text>}
      </View>
      {w.viewer.isStaff && (
        <View className='hm-field'>
          <Text className='hm-label'>{unitRequired ? '认领单位' : '代表单位认领（可不填）'}</Text>
          <Input className='hm-input' placeholder='例如：鼓楼区某某公司' maxlength={40} value={unit} onInput={(e) => setUnit(e.detail.value)} aria-label='单位名称' />
        </View>
      )}
      {error && <Text className='hm-error'>{error}</Text>}
      <Text className='hm-sub hm-block'>认领后您可以看到心愿人的联系电话和地址，请按时完成。</Text>
      <Button className='hm-btn' disabled={busy} loading={busy} onClick={onSubmit}>
        确认认领
      </Button>
      <Button className='hm-btn hm-btn-gray' disabled={busy} onClick={onCancel}>
        先不认领
      </Button>
    </View>
  )
}

function FulfilForm({ w, busy, onCancel, run }: FormProps) {
  const [note, setNote] = useState('')
  const [photo, setPhoto] = useState<{ path: string; fileID?: string }>()
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState('')
  const onPhoto = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const path = res.tempFilePaths[0]
      if (!path) return
      setUploading(true)
      setPhoto({ path })
      const fileID = await uploadWishPhoto(path)
      setPhoto({ path, fileID })
    } catch (e) {
      if (isAppError(e)) {
        setPhoto(undefined)
        showError(e)
      }
      // else: the user closed the picker
    } finally {
      setUploading(false)
    }
  }
  const onSubmit = () => {
    const n = note.trim()
    if (!n) return setError('请填写完成说明')
    if (n.length > 300) return setError('说明最多300个字')
    if (uploading) return setError('照片正在上传，请稍候')
    setError('')
    void run(() => wishActions.fulfil(w.id, n, photo?.fileID), '已提交完成')
  }
  return (
    <View className='hm-card' data-testid='fulfil-form'>
      <Text className='hm-h2'>完成心愿</Text>
      <Textarea className='hm-input hm-textarea' placeholder='说说您是怎么帮忙的' maxlength={300} value={note} onInput={(e) => setNote(e.detail.value)} aria-label='完成说明' />
      {photo ? (
        <View className='hm-row'>
          <Photo src={photo.path} label='完成照片' size={160} />
          <Text className='hm-sub'>{uploading ? '正在上传…' : '已添加照片'}</Text>
          <Text className='hm-link' onClick={() => setPhoto(undefined)}>
            删除
          </Text>
        </View>
      ) : (
        <Button className='hm-btn hm-btn-plain' onClick={() => void onPhoto()}>
          添加照片（可不加）
        </Button>
      )}
      {error && <Text className='hm-error'>{error}</Text>}
      <Button className='hm-btn' disabled={busy || uploading} loading={busy} onClick={onSubmit}>
        提交完成
      </Button>
      <Button className='hm-btn hm-btn-gray' disabled={busy} onClick={onCancel}>
        返回
      </Button>
    </View>
  )
}

function ConfirmForm({ w, busy, onCancel, run }: FormProps) {
  const [thanks, setThanks] = useState('')
  const [error, setError] = useState('')
  const onSubmit = () => {
    const t = thanks.trim()
    if (t.length > 200) return setError('感谢语最多200个字')
    setError('')
    void run(() => wishActions.confirm(w.id, t || undefined), '已确认完成')
  }
  return (
    <View className='hm-card' data-testid='confirm-form'>
      <Text className='hm-h2'>{w.viewer.isWisher ? '确认心愿已完成' : '代心愿人确认完成'}</Text>
      <Text className='hm-label'>想对帮忙的人说句感谢吗？（可不填，会公开显示）</Text>
      <Textarea className='hm-input hm-textarea' placeholder='例如：谢谢小王，门修好了！' maxlength={200} value={thanks} onInput={(e) => setThanks(e.detail.value)} aria-label='感谢的话' />
      {error && <Text className='hm-error'>{error}</Text>}
      <Button className='hm-btn' disabled={busy} loading={busy} onClick={onSubmit}>
        确认完成
      </Button>
      <Button className='hm-btn hm-btn-gray' disabled={busy} onClick={onCancel}>
        返回
      </Button>
    </View>
  )
}

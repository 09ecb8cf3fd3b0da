import { View } from '@tarojs/components'
import type { WishDetail, WishViewerAction } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { askRequiredText, confirm } from '@/ui/feedback'
import { ROUTES, go } from '@/routes'
import { SKIP } from '@/hooks/useAction'
import { wishActions } from '@/packages/wish/hooks/useWish'

/** A form the detail can open below the buttons. */
export type Mode = 'claim' | 'fulfil' | 'confirm'

interface ActionButton {
  /** Shown when `viewer.can` holds any of these. */
  when: WishViewerAction[]
  label: (w: WishDetail) => string
  gray?: boolean
  /** Opens a form. */
  mode?: Mode
  /** Goes to another page. */
  to?: (w: WishDetail) => string
  /** Asks what it needs (SKIP when the user backs out), then calls. */
  steps?: (w: WishDetail) => Promise<unknown>
  done?: string
}

/**
 * A gray button that asks for a required reason (title = its label unless given), optionally confirms, then
 * calls `call(wishId, reason)`; backing out of either dialog ends it quietly (SKIP).
 */
function reasoned(
  when: WishViewerAction,
  label: string,
  ask: { placeholder: string; next: string; title?: string },
  check: { content: string; ok: string } | null,
  call: (wishId: string, reason: string) => Promise<unknown>,
  done: string,
): ActionButton {
  const title = ask.title || label
  return {
    when: [when],
    label: () => label,
    gray: true,
    steps: async (w) => {
      const reason = await askRequiredText(title, ask.placeholder, ask.next)
      if (!reason || (check && !(await confirm(label, check.content, check.ok)))) return SKIP
      return call(w.id, reason)
    },
    done,
  }
}

/** The buttons, in order; each is drawn only when the server's `viewer.can` allows it. */
const BUTTONS: ActionButton[] = [
  { when: ['claim', 'claimForUnit'], label: () => '认领', mode: 'claim' },
  { when: ['fulfil'], label: () => '完成心愿', mode: 'fulfil' },
  reasoned(
    'withdraw',
    '放弃认领',
    { placeholder: '请填写放弃的原因（必填）', next: '下一步' },
    { content: '确定放弃认领吗？心愿会回到心愿墙，等待其他人认领。', ok: '放弃认领' },
    wishActions.withdraw,
    '已放弃认领',
  ),
  { when: ['confirm'], label: (w) => (w.viewer.isWisher ? '确认完成' : '代心愿人确认完成'), mode: 'confirm' },
  { when: ['resubmit'], label: () => '修改后重新提交', to: (w) => `${ROUTES.wishPost}?id=${encodeURIComponent(w.id)}` },
  reasoned(
    'release',
    '释放认领',
    { placeholder: '请填写释放的原因（必填）', next: '下一步' },
    { content: '确定释放这个认领吗？心愿会回到心愿墙，等待其他人认领。', ok: '释放' },
    wishActions.release,
    '已释放',
  ),
  reasoned(
    'requestRelease',
    '申请释放认领',
    { placeholder: '请填写原因（必填，社区工作人员会看到）', next: '下一步' },
    { content: '确定请社区工作人员释放这个认领吗？核实后心愿会回到心愿墙，等待其他人认领。', ok: '申请释放' },
    wishActions.requestRelease,
    '已提交申请',
  ),
  {
    when: ['cancel'],
    label: () => '取消心愿',
    gray: true,
    steps: async (w) => ((await confirm('取消心愿', '确定取消这个心愿吗？取消后不能恢复。', '取消心愿')) ? wishActions.cancel(w.id) : SKIP),
    done: '已取消',
  },
  reasoned(
    'hide',
    '隐藏心愿',
    { placeholder: '请填写隐藏的原因（必填，心愿人可以看到）', next: '下一步' },
    { content: '确定隐藏这个心愿吗？隐藏后心愿墙上不再显示。', ok: '隐藏' },
    wishActions.hide,
    '已隐藏',
  ),
  { when: ['shareCode'], label: () => '小程序码海报', gray: true, steps: (w) => wishActions.shareCode(w.id) },
  reasoned('report', '举报', { title: '举报心愿', placeholder: '请填写举报的原因（必填）', next: '举报' }, null, wishActions.report, '已举报'),
]

export interface ActionsProps {
  w: WishDetail
  /** The form that is open (its button is not drawn). */
  mode: Mode | undefined
  setMode: (m: Mode) => void
  busy: boolean
  /** Runs an action under the page's guard, with its success toast and a reload. */
  run: (steps: () => Promise<unknown>, done: string) => void
}

/** The buttons the viewer may use now, straight from `viewer.can`: nothing is recomputed here. */
export function Actions({ w, mode, setMode, busy, run }: ActionsProps) {
  const can = w.viewer.can
  const shown = BUTTONS.filter((b) => b.when.some((a) => can.includes(a)) && !(b.mode && b.mode === mode))
  if (!shown.length) return null
  return (
    <View className='hm-card'>
      {shown.map((b) => (
        <Button
          key={b.when[0]}
          className={b.gray ? 'hm-btn hm-btn-gray' : 'hm-btn'}
          disabled={busy}
          onClick={() => {
            if (b.mode) setMode(b.mode)
            else if (b.to) go(b.to(w))
            else if (b.steps) run(() => b.steps!(w), b.done || '')
          }}
        >
          {b.label(w)}
        </Button>
      ))}
    </View>
  )
}

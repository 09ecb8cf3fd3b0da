import { Label, Switch, Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { Me, Role } from '@/contracts'
import { Page } from '@/components/Page'
import { tapA11y } from '@/components/tapA11y'
import { confirm, showDone, showError } from '@/ui/feedback'
import { useLargeFont } from '@/hooks/useLargeFont'
import { saveLargeFont, useMe, withdrawMyApplication } from '@/hooks/useMe'
import { ROUTES, go } from '@/routes'

const ROLE_LABELS: Record<Role, string> = { resident: '居民', volunteer: '志愿者', staff: '社工/网格员', admin: '管理员' }

/** Me tab: profile, roles, volunteer application, large-font switch and links. */
export default function MePage() {
  const me = useMe()
  const large = useLargeFont()
  useDidShow(() => {
    if (!me.loading) void me.refresh()
  })
  usePullDownRefresh(() => {
    void me.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  const user = me.data

  const onLargeFont = async (on: boolean) => {
    try {
      await saveLargeFont(on)
    } catch (e) {
      showError(e)
    }
  }

  return (
    <Page loading={me.loading && !user} error={user ? undefined : me.error} onRetry={me.refresh}>
      {user && (
        <View>
          <ProfileCard user={user} />
          {user.signedUp && <VolunteerCard user={user} />}
          <View className='hm-card'>
            {/* The whole row is the switch's label: a full-width, ≥ 60 px target that also names it. */}
            <Label className='hm-row hm-switch-row'>
              <Text className='hm-text'>大字模式</Text>
              <Switch className='hm-switch' checked={large} color='#b3261e' onChange={(e) => void onLargeFont(!!e.detail.value)} />
            </Label>
            <View className='hm-row' onClick={() => go(ROUTES.privacy)} {...tapA11y('link')}>
              <Text className='hm-text'>隐私保护指引</Text>
              <Text className='hm-sub'>查看 ›</Text>
            </View>
            {user.signedUp && <LinkRow label='我的心愿' url={ROUTES.wishMine} />}
            {/* Only those who may claim a wish (volunteers, and staff for a unit) have claims to see. */}
            {user.signedUp && user.roles.some((r) => r === 'volunteer' || r === 'staff' || r === 'admin') && <LinkRow label='我的认领' url={ROUTES.wishClaims} />}
            {(user.roles.includes('staff') || user.roles.includes('admin')) && (
              <>
                <LinkRow label='志愿者申请审核' url={ROUTES.staffApplications} />
                <LinkRow label='心愿审核' url={ROUTES.staffWishes} />
                <LinkRow label='心愿统计' url={ROUTES.staffWishStats} />
              </>
            )}
            {process.env.TARO_ENV === 'h5' && (
              <View className='hm-row' onClick={() => go(ROUTES.persona)} {...tapA11y('link')}>
                <Text className='hm-text'>切换演示身份（本地）</Text>
                <Text className='hm-sub'>{user.openid} ›</Text>
              </View>
            )}
          </View>
        </View>
      )}
    </Page>
  )
}

function LinkRow({ label, url }: { label: string; url: string }) {
  return (
    <View className='hm-row' onClick={() => go(url)} {...tapA11y('link')}>
      <Text className='hm-text'>{label}</Text>
      <Text className='hm-sub'>进入 ›</Text>
    </View>
  )
}

function ProfileCard({ user }: { user: Me }) {
  if (!user.signedUp) {
    return (
      <View className='hm-card'>
        <Text className='hm-title'>您还没有注册</Text>
        <Text className='hm-text hm-block'>选择您所在的社区并同意隐私保护指引后，就可以使用社区服务。</Text>
        <Button className='hm-btn' onClick={() => go(ROUTES.signup)}>
          立即注册
        </Button>
      </View>
    )
  }
  return (
    <View className='hm-card'>
      <Text className='hm-title'>{user.nickname || '社区居民'}</Text>
      <Text className='hm-text hm-block'>社区：{user.communityName || '未选择'}</Text>
      <Text className='hm-text hm-block'>网格：{user.gridName || '未选择'}</Text>
      <View className='hm-wrap' style={{ marginTop: '8px' }}>
        {user.roles.map((r) => (
          <Text key={r} className={`hm-badge ${r === 'resident' ? '' : 'hm-badge-primary'}`}>
            {ROLE_LABELS[r] || r}
          </Text>
        ))}
      </View>
    </View>
  )
}

function VolunteerCard({ user }: { user: Me }) {
  const [busy, setBusy] = useState(false)
  const app = user.application
  const onWithdraw = async () => {
    if (!app) return
    const ok = await confirm('撤回申请', '确定要撤回志愿者申请吗？撤回后可以重新申请。', '撤回')
    if (!ok) return
    setBusy(true)
    try {
      await withdrawMyApplication(app.id)
      showDone('已撤回')
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='hm-card'>
      <Text className='hm-h2'>志愿者</Text>
      {user.volunteerStatus === 'approved' && <Text className='hm-badge hm-badge-ok'>已成为志愿者</Text>}
      {user.volunteerStatus === 'pending' && (
        <View>
          <Text className='hm-badge hm-badge-warn'>审核中</Text>
          <Text className='hm-text hm-block'>您的申请已提交，社区工作人员审核后会通知您。</Text>
          {app && (
            <Button className='hm-btn hm-btn-gray' disabled={busy} loading={busy} onClick={() => void onWithdraw()}>
              撤回申请
            </Button>
          )}
        </View>
      )}
      {user.volunteerStatus === 'rejected' && (
        <View>
          <Text className='hm-badge'>未通过</Text>
          <Text className='hm-text hm-block'>原因：{app?.reason || '未填写'}</Text>
          <Button className='hm-btn' onClick={() => go(ROUTES.apply)}>
            重新申请
          </Button>
        </View>
      )}
      {user.volunteerStatus === 'none' && (
        <View>
          <Text className='hm-text hm-block'>成为志愿者，帮邻居实现微心愿、参与社区服务。</Text>
          <Button className='hm-btn' onClick={() => go(ROUTES.apply)}>
            申请成为志愿者
          </Button>
        </View>
      )}
    </View>
  )
}

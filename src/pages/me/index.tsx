import { Label, Switch, Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { Me, Role } from '@/contracts'
import { Page } from '@/components/Page'
import { tapA11y } from '@/components/tapA11y'
import { showError } from '@/ui/feedback'
import { useLargeFont } from '@/hooks/useLargeFont'
import { saveLargeFont, useMe } from '@/hooks/useMe'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES, go } from '@/routes'
import { VolunteerCard } from './components/VolunteerCard'

const ROLE_LABELS: Record<Role, string> = { resident: '居民', volunteer: '志愿者', staff: '社工/网格员', admin: '管理员' }

/** Me tab: profile, roles, volunteer application, large-font switch and links. */
export default function MePage() {
  const me = useMe()
  const large = useLargeFont()
  // Roles and the application may change elsewhere (staff review): reload on each return to the tab.
  const page = useRemotePage(me, true)
  const user = me.data

  const onLargeFont = async (on: boolean) => {
    try {
      await saveLargeFont(on)
    } catch (e) {
      showError(e)
    }
  }

  return (
    <Page {...page}>
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
            {user.roles.includes('volunteer') && <LinkRow label='我的服务' url={ROUTES.volunteerMine} />}
            {user.roles.includes('volunteer') && <LinkRow label='我的志愿记录' url={ROUTES.volunteerRecord} />}
            {(user.roles.includes('staff') || user.roles.includes('admin')) && (
              <>
                <LinkRow label='工作台' url={ROUTES.staffWorkbench} />
                <LinkRow label='志愿者申请审核' url={ROUTES.staffApplications} />
                <LinkRow label='心愿审核' url={ROUTES.staffWishes} />
                <LinkRow label='心愿统计' url={ROUTES.staffWishStats} />
                <LinkRow label='签到码' url={ROUTES.staffCheckinCode} />
                <LinkRow label='志愿服务项目' url={ROUTES.staffProjects} />
                <LinkRow label='四点钟学校管理' url={ROUTES.staffSchoolSessions} />
                <LinkRow label='长者活动管理' url={ROUTES.staffElderActivities} />
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

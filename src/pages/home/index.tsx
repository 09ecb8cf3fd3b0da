import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { Role } from '@/contracts'
import { Page } from '@/components/Page'
import { tapA11y } from '@/components/tapA11y'
import { useMe } from '@/hooks/useMe'
import { useRemotePage } from '@/hooks/useRemotePage'
import { ROUTES, go } from '@/routes'

/** The four services; each opens as its subpackage lands. */
const TILES: { key: string; name: string; desc: string; url: string }[] = [
  { key: 'wish', name: '微心愿墙', desc: '说出小心愿，志愿者来帮忙', url: ROUTES.wishWall },
  { key: 'school', name: '四点钟学校', desc: '放学后的课后托管', url: ROUTES.schoolSessions },
  { key: 'elder', name: '长者活动', desc: '每周活动，报名参加', url: ROUTES.elderWeek },
  { key: 'volunteer', name: '志愿服务', desc: '志愿者报名与签到', url: ROUTES.volunteerSlots },
]

/** True for the roles that have a workbench (staff, and the district admin). */
function isStaff(roles: Role[]): boolean {
  return roles.includes('staff') || roles.includes('admin')
}

/** Home tab: the user's community and the service tiles (and the workbench for staff); asks new users to sign up. */
export default function Home() {
  const me = useMe()
  const page = useRemotePage(me, true)
  const user = me.data
  return (
    <Page {...page}>
      {user && (
        <View>
          <View className='hm-card'>
            {user.signedUp ? (
              <View>
                <Text className='hm-title'>{user.communityName || '我的社区'}</Text>
                <Text className='hm-sub hm-block'>
                  {user.nickname ? `${user.nickname}，您好` : '您好'}
                  {user.gridName ? ` · ${user.gridName}` : ''}
                </Text>
              </View>
            ) : (
              <View>
                <Text className='hm-title'>欢迎来到和美社区</Text>
                <Text className='hm-text hm-block'>第一次使用，请先选择您所在的社区，完成注册后就能使用各项服务。</Text>
                <Button className='hm-btn' onClick={() => go(ROUTES.signup)}>
                  立即注册
                </Button>
              </View>
            )}
          </View>
          <View className='hm-grid'>
            {/* Staff and the admin (roles from the server's `me`) get their workbench first. */}
            {isStaff(user.roles) && (
              <View className='hm-tile' onClick={() => go(ROUTES.staffWorkbench)} {...tapA11y('link')}>
                <Text className='hm-tile-name'>工作台</Text>
                <Text className='hm-sub hm-block'>待审核、被举报、逾期等待办事项</Text>
                <Text className='hm-badge hm-badge-primary'>进入 ›</Text>
              </View>
            )}
            {TILES.map((t) => (
              <View key={t.key} className='hm-tile' onClick={() => go(t.url)} {...tapA11y('link')}>
                <Text className='hm-tile-name'>{t.name}</Text>
                <Text className='hm-sub hm-block'>{t.desc}</Text>
                <Text className='hm-badge hm-badge-primary'>进入 ›</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </Page>
  )
}

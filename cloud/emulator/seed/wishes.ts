/**
 * Demo wishes (seeded on first start) and bulk wishes for the bench, shaped exactly as WishDoc, with the
 * history a real run would have written. Content in the spirit of the seed story: small, neighbourly needs.
 */
import type { WishCategory, WishStatus } from '../../../src/contracts/wish'
import { wishDisplayName, type WishChangeEntry, type WishDoc } from '../../lib/model'
import { chinaDay as day, nowMs } from '../../lib/dates'
import { asTallied } from '../../domain/wish/tallies'

const DAY = 24 * 3600 * 1000
const HOUR = 3600 * 1000

// The demo wishes of 张伯, 何阿姨 and 小刘 (openids seed-resident-*) were entered for them: they have no
// user doc (not on the app, like many elderly wishers), so the personas and user counts stay as they were.

interface Spec {
  id: string
  wisher: string
  communityId: string
  title: string
  description: string
  category: WishCategory
  name: [string, '阿姨' | '叔叔' | '同学'] | null
  phone: string
  address: string
  /** Days before now it was posted. */
  postedDaysAgo: number
  status: WishStatus
  neededInDays?: number
  claim?: { openid: string; name: string; role: 'volunteer' | 'unit'; unitName?: string; promisedInDays: number }
  fulfilNote?: string
  thanks?: string
  reviewReason?: string
  hiddenReason?: string
}

/** Builds a wish and its history, stepping through the states it passed on the way to `s.status`. */
function build(s: Spec, now: number): WishDoc {
  const created = now - s.postedDaysAgo * DAY
  let t = created
  const history: WishChangeEntry[] = []
  const step = (by: string, role: WishChangeEntry['role'], action: string, from: WishStatus | undefined, to: WishStatus, hours: number, reason?: string) => {
    t += hours * HOUR
    history.push({ at: new Date(t), by, role, action, ...(from ? { from } : {}), to, ...(reason ? { reason } : {}), requestId: `seed-${s.id}-${history.length}` })
    return new Date(t)
  }
  step(s.wisher, 'wisher', 'post', undefined, 'pending_review', 0)
  const doc: WishDoc = {
    _id: s.id,
    wisherOpenid: s.wisher,
    communityId: s.communityId,
    title: s.title,
    description: s.description,
    category: s.category,
    ...(s.neededInDays !== undefined ? { neededBy: day(now + s.neededInDays * DAY) } : {}),
    nameStyle: s.name ? 'surname' : 'anonymous',
    ...(s.name ? { surname: s.name[0], honorific: s.name[1] } : {}),
    displayName: wishDisplayName(s.name ? { nameStyle: 'surname', surname: s.name[0], honorific: s.name[1] } : { nameStyle: 'anonymous' }),
    contact: { phone: s.phone, address: s.address },
    photos: [],
    status: 'pending_review',
    createdAt: new Date(created),
    updatedAt: new Date(created),
    reporters: [],
    reports: [],
    reportCount: 0,
    history,
  }
  if (s.status === 'rejected') {
    doc.reviewReason = s.reviewReason
    step('demo-staff', 'staff', 'review', 'pending_review', 'rejected', 5, s.reviewReason)
  } else if (s.status !== 'pending_review') {
    doc.publishedAt = step('demo-staff', 'staff', 'review', 'pending_review', 'open', 5)
  }
  if (s.claim && ['claimed', 'fulfilled', 'closed'].includes(s.status)) {
    const at = step(s.claim.openid, s.claim.role, 'claim', 'open', 'claimed', 20)
    doc.claimedAt = at
    doc.claim = {
      openid: s.claim.openid,
      claimantName: s.claim.name,
      ...(s.claim.unitName ? { unitName: s.claim.unitName } : {}),
      promisedBy: day(now + s.claim.promisedInDays * DAY),
      claimedAt: at,
    }
  }
  if (['fulfilled', 'closed'].includes(s.status)) {
    const at = step(s.claim!.openid, s.claim!.role, 'fulfil', 'claimed', 'fulfilled', 30)
    doc.fulfilledAt = at
    doc.fulfilment = { note: s.fulfilNote ?? '已完成。', fulfilledAt: at }
  }
  if (s.status === 'closed') {
    doc.closedAt = step(s.wisher, 'wisher', 'confirm', 'fulfilled', 'closed', 6)
    if (s.thanks) doc.thanks = s.thanks
    // issue 10 part E: a volunteer's closed wish waits for staff to credit its hours (the workbench's 待记录时长的心愿).
    if (!s.claim!.unitName) doc.creditDue = doc.closedAt.getTime()
  }
  if (s.status === 'cancelled') doc.cancelledAt = step(s.wisher, 'wisher', 'cancel', 'open', 'cancelled', 48)
  if (s.status === 'hidden') {
    doc.hiddenReason = s.hiddenReason ?? '内容不实'
    doc.reportCount = 2
    step('demo-staff', 'staff', 'hide', 'open', 'hidden', 48, doc.hiddenReason)
  }
  doc.status = s.status
  doc.updatedAt = history[history.length - 1].at
  return asTallied(doc)
}

const VOLUNTEER = { openid: 'demo-volunteer', name: '陈志远', role: 'volunteer' as const }

/** The demo wishes in 军门 and 庆城: open, claimed (one overdue), fulfilled, closed with thanks, pending, rejected. */
export function demoWishes(now = nowMs()): WishDoc[] {
  const specs: Spec[] = [
    {
      id: 'wish-demo-lock',
      wisher: 'demo-resident',
      communityId: 'junmen',
      title: '帮忙修理门锁',
      description: '家里防盗门的锁芯有点卡，钥匙要转好几下才能打开。老伴腿脚不方便，想请懂行的师傅帮忙看看，换个锁芯也行，材料费我们自己出。',
      category: '家电维修',
      name: ['林', '阿姨'],
      phone: '13905910011',
      address: '军门社区 白水井路 12 号 3 单元 201',
      postedDaysAgo: 3,
      status: 'open',
      neededInDays: 14,
    },
    {
      id: 'wish-demo-chat',
      wisher: 'demo-resident',
      communityId: 'junmen',
      title: '陪老人聊天',
      description: '我母亲今年八十六岁，白天家里只有她一个人。希望有志愿者每周来陪她聊聊天、读读报，她喜欢听闽剧。',
      category: '陪伴探访',
      name: ['林', '阿姨'],
      phone: '13905910011',
      address: '军门社区 白水井路 12 号 3 单元 201',
      postedDaysAgo: 25,
      status: 'closed',
      claim: { ...VOLUNTEER, promisedInDays: -15 },
      fulfilNote: '周六上午去陪老人家聊了两个小时，一起听了《荔枝换绛桃》的选段，老人家很开心。',
      thanks: '谢谢小陈，我妈这几天一直念叨你，说下次还要一起听戏！',
    },
    {
      id: 'wish-demo-schoolbag',
      wisher: 'seed-resident-zhang',
      communityId: 'junmen',
      title: '给孙子买书包',
      description: '孙子九月升三年级，原来的书包背带断了。家里经济比较紧张，希望能有一个结实的新书包。',
      category: '学习用品',
      name: ['张', '叔叔'],
      phone: '13905910022',
      address: '军门社区 津泰路 8 号 502',
      postedDaysAgo: 6,
      status: 'claimed',
      neededInDays: 20,
      claim: { ...VOLUNTEER, promisedInDays: 7 },
    },
    {
      id: 'wish-demo-fan',
      wisher: 'seed-resident-he',
      communityId: 'qingcheng',
      title: '电风扇不转了',
      description: '家里的落地电风扇通电后不转，只嗡嗡响。天气热，想请会修电器的志愿者帮忙看一下。',
      category: '家电维修',
      name: ['何', '阿姨'],
      phone: '13905910033',
      address: '庆城社区 庆城路 21 号 1 单元 402',
      postedDaysAgo: 1,
      status: 'pending_review',
      neededInDays: 10,
    },
    {
      id: 'wish-demo-medicine',
      wisher: 'seed-resident-he',
      communityId: 'qingcheng',
      title: '代取慢性病药',
      description: '每月要去省立医院取降压药，最近膝盖疼走不远，希望有人帮忙代取一次，处方和医保卡我准备好。',
      category: '生活帮扶',
      name: ['何', '阿姨'],
      phone: '13905910033',
      address: '庆城社区 庆城路 21 号 1 单元 402',
      postedDaysAgo: 12,
      status: 'claimed',
      claim: { ...VOLUNTEER, promisedInDays: -2 },
    },
    {
      id: 'wish-demo-tutor',
      wisher: 'seed-resident-liu',
      communityId: 'qingcheng',
      title: '想找人辅导数学',
      description: '我读初二，数学的几何部分跟不上，爸妈工作忙。想请大学生志愿者周末辅导一两次。',
      category: '学习用品',
      name: ['刘', '同学'],
      phone: '13905910044',
      address: '庆城社区 东街 5 号 302',
      postedDaysAgo: 9,
      status: 'open',
      neededInDays: 30,
    },
    {
      id: 'wish-demo-light',
      wisher: 'seed-resident-zhang',
      communityId: 'junmen',
      title: '楼道灯换灯泡',
      description: '我家门口楼道的灯坏了半个月，晚上上下楼看不清，想请人帮忙换个灯泡。',
      category: '生活帮扶',
      name: null,
      phone: '13905910022',
      address: '军门社区 津泰路 8 号 502',
      postedDaysAgo: 10,
      status: 'fulfilled',
      claim: { openid: 'demo-staff', name: '鼓楼供电共建小组', role: 'unit', unitName: '鼓楼供电共建小组', promisedInDays: -4 },
      fulfilNote: '已换上新的 LED 灯泡，并检查了楼道开关。',
    },
  ]
  return specs.map((s) => build(s, now))
}

const CATEGORIES: WishCategory[] = ['生活帮扶', '学习用品', '陪伴探访', '家电维修', '其他']
const TITLES = ['帮忙修理门锁', '给孙子买书包', '陪老人聊天', '代买生活用品', '修理电饭煲', '辅导小学作业', '帮忙搬家具', '理发上门服务', '代取快递', '修水龙头']
/** Status mix of the bulk wishes (most published, as a wall in use looks). */
const MIX: WishStatus[] = ['open', 'open', 'open', 'claimed', 'claimed', 'fulfilled', 'closed', 'closed', 'closed', 'pending_review', 'rejected', 'cancelled', 'hidden']

/**
 * `n` wishes for the bench (ids `bulkwish-00001`…), spread over the communities, statuses and categories,
 * posted by the bulk residents (`bulk-…`) and claimed by bulk volunteers (every 10th bulk user). With `perDay`,
 * posted at that constant district rate: a bigger district has a longer history, not a denser recent window.
 */
export function bulkWishes(n: number, communityIds: string[], now = nowMs(), bulkUsers = 10_000, perDay?: number): WishDoc[] {
  const out: WishDoc[] = []
  for (let i = 1; i <= n; i++) {
    const wisherNo = (i % bulkUsers) + 1
    const volunteerNo = ((i * 7) % Math.max(1, Math.floor(bulkUsers / 10))) * 10 + 10
    const status = MIX[i % MIX.length]
    const s: Spec = {
      id: `bulkwish-${String(i).padStart(5, '0')}`,
      wisher: `bulk-${String(wisherNo).padStart(5, '0')}`,
      communityId: communityIds[i % communityIds.length],
      title: TITLES[i % TITLES.length],
      description: `${TITLES[i % TITLES.length]}：家里老人行动不便，希望热心的邻居或志愿者帮帮忙，谢谢！（${i}）`,
      category: CATEGORIES[i % CATEGORIES.length],
      name: i % 4 === 0 ? null : ['林陈黄郑王李张刘'[i % 8], (['阿姨', '叔叔', '同学'] as const)[i % 3]],
      phone: `137${String(i).padStart(8, '0')}`,
      address: `测试地址 ${i} 号`,
      // Over the last 90 days; or, at `perDay` a day, over as many days as `n` takes (the newest first).
      postedDaysAgo: perDay ? 1 + Math.floor((i - 1) / perDay) : 1 + (i % 90),
      status,
      ...(i % 3 === 0 ? { neededInDays: 5 + (i % 40) } : {}),
      claim: { openid: `bulk-${String(volunteerNo).padStart(5, '0')}`, name: '志愿者', role: 'volunteer', promisedInDays: (i % 20) - 5 },
      fulfilNote: '已完成。',
      ...(status === 'closed' && i % 2 ? { thanks: '谢谢志愿者的帮助！' } : {}),
      ...(status === 'rejected' ? { reviewReason: '请补充具体需要帮助的内容' } : {}),
      ...(status === 'hidden' ? { hiddenReason: '多人举报，内容不实' } : {}),
    }
    out.push(build(s, now - (i % 1000) * 60_000))
  }
  return out
}

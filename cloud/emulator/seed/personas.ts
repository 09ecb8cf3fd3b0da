/** The demo personas (docs/INTERFACES.md) shown by the h5 persona picker. */

export interface Persona {
  openid: string
  label: string
  role: 'resident' | 'volunteer' | 'staff' | 'admin'
  communityName?: string
}

/** Demo users seeded on first start, one per role and situation. */
export const PERSONAS: Persona[] = [
  { openid: 'demo-resident', label: '林阿姨（居民）', role: 'resident', communityName: '军门社区' },
  { openid: 'demo-volunteer', label: '陈志远（志愿者）', role: 'volunteer', communityName: '军门社区' },
  { openid: 'demo-volunteer-2', label: '黄志强（志愿者）', role: 'volunteer', communityName: '军门社区' },
  { openid: 'demo-applicant', label: '王晓梅（志愿者申请中）', role: 'resident', communityName: '庆城社区' },
  { openid: 'demo-staff', label: '郑社工（军门、庆城社工）', role: 'staff', communityName: '军门社区' },
  { openid: 'demo-staff-tangmen', label: '黄网格员（汤门社工）', role: 'staff', communityName: '汤门社区' },
  { openid: 'demo-admin', label: '区管理员', role: 'admin' },
]

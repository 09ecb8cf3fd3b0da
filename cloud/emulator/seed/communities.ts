/**
 * Gulou district communities named in a 2017-07-21 news story about Gulou's community work.
 * Streets given in the story: 军门 (东街街道), 汤门 (温泉街道), 国光 (洪山镇), 思儿亭 and 北江 (华大街道).
 * Streets marked UNCERTAIN below are plausible guesses, not checked against an official list.
 */
import type { CommunityDoc } from '../../lib/model'

const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格']

function grids(id: string, n: number): CommunityDoc['grids'] {
  return GRID_NAMES.slice(0, n).map((name, i) => ({ id: `${id}-g${i + 1}`, name }))
}

/** The seeded communities, in display order. */
export const COMMUNITIES: CommunityDoc[] = [
  { _id: 'junmen', name: '军门社区', street: '东街街道', grids: grids('junmen', 6), order: 1 },
  { _id: 'qingcheng', name: '庆城社区', street: '东街街道', grids: grids('qingcheng', 5), order: 2 }, // UNCERTAIN street
  { _id: 'jinjiang', name: '锦江社区', street: '水部街道', grids: grids('jinjiang', 4), order: 3 }, // UNCERTAIN street
  { _id: 'tangmen', name: '汤门社区', street: '温泉街道', grids: grids('tangmen', 5), order: 4 },
  { _id: 'guoguang', name: '国光社区', street: '洪山镇', grids: grids('guoguang', 4), order: 5 },
  { _id: 'sierting', name: '思儿亭社区', street: '华大街道', grids: grids('sierting', 3), order: 6 },
  { _id: 'beijiang', name: '北江社区', street: '华大街道', grids: grids('beijiang', 4), order: 7 },
  { _id: 'shaoyuan', name: '芍园社区', street: '鼓东街道', grids: grids('shaoyuan', 3), order: 8 }, // UNCERTAIN: the story names 芍园家庭综合服务中心; street guessed
]

/**
 * The 4 o'clock school demo's families (cloud/emulator/seed/school.ts): 林阿姨 (demo-resident) with two grandchildren,
 * and five families who are not personas (their guardians never sign in; staff see their children on the rosters).
 * Pick-up codes are the 4 digits the guardian sees (cloud/domain/school/children/pickups.ts stores them so).
 */
import type { Gender, Grade, PickupRelation } from '../../../src/contracts/school/rules'

export interface ChildSpec {
  id: string
  name: string
  gender: Gender
  grade: Grade
  /** Age in years (the birth date is counted back from today). */
  years: number
  healthNote?: string
  adults: { id: string; name: string; relation: PickupRelation; phone: string; code: string }[]
}

export interface SchoolFamily {
  guardian: string
  /** The guardian's phone, on each child for staff to call. */
  phone: string
  children: ChildSpec[]
}

const LIN_GRANDMA = { name: '林秀珍', relation: '祖母' as const, phone: '13800138006' }
const LIN_FATHER = { name: '林建华', relation: '父亲' as const, phone: '13800138008' }

export const SCHOOL_FAMILIES: SchoolFamily[] = [
  {
    guardian: 'demo-resident',
    phone: LIN_GRANDMA.phone,
    children: [
      {
        id: 'demo-child-yu',
        name: '林小宇',
        gender: 'male',
        grade: 2,
        years: 8,
        healthNote: '花生过敏，书包里有抗过敏药',
        adults: [
          { id: 'demo-pa-yu-1', ...LIN_GRANDMA, code: '4821' },
          { id: 'demo-pa-yu-2', ...LIN_FATHER, code: '7305' },
        ],
      },
      {
        id: 'demo-child-yue',
        name: '林小悦',
        gender: 'female',
        grade: 1,
        years: 7,
        adults: [
          { id: 'demo-pa-yue-1', ...LIN_GRANDMA, code: '1946' },
          { id: 'demo-pa-yue-2', ...LIN_FATHER, code: '5083' },
        ],
      },
    ],
  },
  {
    guardian: 'demo-guardian-wang',
    phone: '13900139011',
    children: [
      { id: 'demo-child-wang', name: '王梓涵', gender: 'female', grade: 3, years: 9, adults: [{ id: 'demo-pa-wang-1', name: '王丽', relation: '母亲', phone: '13900139011', code: '3617' }] },
    ],
  },
  {
    guardian: 'demo-guardian-li',
    phone: '13900139012',
    children: [
      { id: 'demo-child-li', name: '李一诺', gender: 'male', grade: 2, years: 8, adults: [{ id: 'demo-pa-li-1', name: '李强', relation: '父亲', phone: '13900139012', code: '9052' }] },
    ],
  },
  {
    guardian: 'demo-guardian-zhao',
    phone: '13900139013',
    children: [
      {
        id: 'demo-child-zhao',
        name: '赵子墨',
        gender: 'male',
        grade: 1,
        years: 7,
        healthNote: '轻度哮喘',
        adults: [{ id: 'demo-pa-zhao-1', name: '赵敏', relation: '母亲', phone: '13900139013', code: '2468' }],
      },
    ],
  },
  {
    guardian: 'demo-guardian-zhou',
    phone: '13900139014',
    children: [
      {
        id: 'demo-child-zhou',
        name: '周欣怡',
        gender: 'female',
        grade: 2,
        years: 8,
        adults: [{ id: 'demo-pa-zhou-1', name: '周国平', relation: '外祖父', phone: '13900139015', code: '8130' }],
      },
    ],
  },
  {
    guardian: 'demo-guardian-huang',
    phone: '13900139016',
    children: [
      {
        id: 'demo-child-huang',
        name: '黄俊杰',
        gender: 'male',
        grade: 5,
        years: 11,
        adults: [{ id: 'demo-pa-huang-1', name: '黄海峰', relation: '父亲', phone: '13900139016', code: '6604' }],
      },
    ],
  },
]

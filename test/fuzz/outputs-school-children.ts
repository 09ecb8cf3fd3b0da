// The fuzzer's output shapes of the school function's children actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { GENDERS } from '../../src/contracts/school/rules'

const str = z.string()
const num = z.number()
const child = z.looseObject({
  id: str,
  familyId: str,
  name: str,
  gender: z.enum(GENDERS),
  birthDate: str,
  school: str,
  grade: num,
  guardianPhone: str,
  pickups: z.array(z.looseObject({ id: str, name: str, relation: str, phone: str, code: str })),
  guardians: num,
  consent: z.looseObject({ version: str, at: str }),
})

export const schoolChildrenShapes = {
  consentChildPolicy: z.looseObject({ version: str, at: str }),
  addChild: child,
  editChild: z.looseObject({ childId: str, sessions: num }),
  myChildren: z.looseObject({ consented: z.boolean(), policyVersion: str, children: z.array(child) }),
  savePickupAdult: child,
  removePickupAdult: child,
  renewPickupCode: child,
  createInvite: z.looseObject({ code: str, expiresAt: str }),
  joinFamily: z.looseObject({ familyId: str, children: num }),
  deleteChild: z.looseObject({ childId: str, deleted: z.literal(true) }),
} satisfies Record<string, z.ZodMiniType>

import type * as z from 'zod/mini'
import { userInputs, userMutations, type UserOutputs } from './user'
import { wishInputs, type WishOutputs } from './wish'
import { exportInputs, type ExportOutputs } from './export'
import { elderMutations, exportMutations, schoolMutations, volunteerMutations, wishMutations } from './mutations'
import { schoolInputs, type SchoolOutputs } from './school'
import { elderInputs, type ElderOutputs } from './elder'
import { volunteerInputs, type VolunteerOutputs } from './volunteer'

export * from './errors'
export * from './result'
export * from './common'
export * from './text'
export * from './photos'
export * from './photoChecks'
export * from './user'
export * from './wish'
export * from './export'
export * from './workbench'
export * from './templates'
export * from './volunteer'
export * from './school'
export * from './elder'

/** The whole API: per cloud function, its actions' input schemas and which of them mutate. */
export const contract = {
  user: { inputs: userInputs, mutations: userMutations },
  wish: { inputs: wishInputs, mutations: wishMutations },
  export: { inputs: exportInputs, mutations: exportMutations },
  volunteer: { inputs: volunteerInputs, mutations: volunteerMutations },
  school: { inputs: schoolInputs, mutations: schoolMutations },
  elder: { inputs: elderInputs, mutations: elderMutations },
} as const

export interface Outputs {
  user: UserOutputs
  wish: WishOutputs
  export: ExportOutputs
  volunteer: VolunteerOutputs
  school: SchoolOutputs
  elder: ElderOutputs
}

export type FunctionName = keyof typeof contract
export type ActionName<F extends FunctionName> = keyof (typeof contract)[F]['inputs'] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.input<(typeof contract)[F]['inputs'][A]>
export type ParsedInputOf<F extends FunctionName, A extends ActionName<F>> = z.output<(typeof contract)[F]['inputs'][A]>
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = A extends keyof Outputs[F] ? Outputs[F][A] : never

/** True when the action changes data (and so needs a requestId). */
export function isMutation(fn: FunctionName, action: string): boolean {
  return (contract[fn].mutations as readonly string[]).includes(action)
}

// The school function's children actions: input schemas and outputs (issue 11): children, the guardian's consent, the second guardian's invitation code, pick-up adults, deletion (part A).
import type * as z from 'zod/mini'

/** Input schemas of the children actions. */
export const schoolChildrenInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the children actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchoolChildrenOutputs {}

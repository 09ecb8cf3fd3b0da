// The elder function's onsite actions: input schemas and outputs (issue 12): the roster, check-in (roster, walk-ins, the occurrence's code), person-times, the printable poster (part C).
import type * as z from 'zod/mini'

/** Input schemas of the onsite actions. */
export const elderOnsiteInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the onsite actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ElderOnsiteOutputs {}

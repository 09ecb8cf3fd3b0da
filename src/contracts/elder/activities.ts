// The elder function's activities actions: input schemas and outputs (issue 12): activities and their rules, exceptions (cancel or move one occurrence, edit from a date), the week's view (part A).
import type * as z from 'zod/mini'

/** Input schemas of the activities actions. */
export const elderActivitiesInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the activities actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ElderActivitiesOutputs {}

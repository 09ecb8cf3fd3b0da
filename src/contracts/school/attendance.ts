// The school function's attendance actions: input schemas and outputs (issue 11): the day's roster, leave, check-in, check-out with the pick-up code, the guardian's day, statistics (part C).
import type * as z from 'zod/mini'

/** Input schemas of the attendance actions. */
export const schoolAttendanceInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the attendance actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchoolAttendanceOutputs {}

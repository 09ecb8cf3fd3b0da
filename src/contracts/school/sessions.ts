// The school function's sessions actions: input schemas and outputs (issue 11): stations and sessions (staff), the station's assigned volunteers, and the sessions families browse (part A).
import type * as z from 'zod/mini'

/** Input schemas of the sessions actions. */
export const schoolSessionsInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the sessions actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchoolSessionsOutputs {}

// The school function's enrolment actions: input schemas and outputs (issue 11): enrolment (先到先得 and 摇号), the waitlist, offers, the family's view (part B).
import type * as z from 'zod/mini'

/** Input schemas of the enrolment actions. */
export const schoolEnrolmentInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the enrolment actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchoolEnrolmentOutputs {}

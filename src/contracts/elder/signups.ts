// The elder function's signups actions: input schemas and outputs (issue 12): sign-up for self, a family elder or a staff-managed profile, managed profiles, reminders and the call list (part B).
import type * as z from 'zod/mini'

/** Input schemas of the signups actions. */
export const elderSignupsInputs = {} satisfies Record<string, z.ZodMiniType>

/** Outputs of the signups actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ElderSignupsOutputs {}

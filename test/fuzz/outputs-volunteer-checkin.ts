// The fuzzer's output shapes of the volunteer function's checkin actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const volunteerCheckinShapes = {} satisfies Record<string, z.ZodMiniType>

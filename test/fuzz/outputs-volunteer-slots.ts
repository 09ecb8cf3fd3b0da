// The fuzzer's output shapes of the volunteer function's slots actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const volunteerSlotsShapes = {} satisfies Record<string, z.ZodMiniType>

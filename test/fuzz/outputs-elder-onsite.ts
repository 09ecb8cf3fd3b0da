// The fuzzer's output shapes of the elder function's onsite actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const elderOnsiteShapes = {} satisfies Record<string, z.ZodMiniType>

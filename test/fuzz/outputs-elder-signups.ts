// The fuzzer's output shapes of the elder function's signups actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const elderSignupsShapes = {} satisfies Record<string, z.ZodMiniType>

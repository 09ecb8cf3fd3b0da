// The fuzzer's output shapes of the elder function's activities actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const elderActivitiesShapes = {} satisfies Record<string, z.ZodMiniType>

// The fuzzer's output shapes of the school function's children actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const schoolChildrenShapes = {} satisfies Record<string, z.ZodMiniType>

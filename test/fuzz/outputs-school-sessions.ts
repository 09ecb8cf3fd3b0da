// The fuzzer's output shapes of the school function's sessions actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const schoolSessionsShapes = {} satisfies Record<string, z.ZodMiniType>

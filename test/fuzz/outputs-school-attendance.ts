// The fuzzer's output shapes of the school function's attendance actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const schoolAttendanceShapes = {} satisfies Record<string, z.ZodMiniType>

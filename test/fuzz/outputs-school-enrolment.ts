// The fuzzer's output shapes of the school function's enrolment actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const schoolEnrolmentShapes = {} satisfies Record<string, z.ZodMiniType>

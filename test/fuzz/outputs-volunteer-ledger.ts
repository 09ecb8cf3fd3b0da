// The fuzzer's output shapes of the volunteer function's ledger actions (outputs.ts joins the parts).
import type * as z from 'zod/mini'

export const volunteerLedgerShapes = {} satisfies Record<string, z.ZodMiniType>

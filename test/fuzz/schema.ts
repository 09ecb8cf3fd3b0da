/**
 * Valid inputs from the contract's own zod/mini schemas, as fast-check arbitraries. The generator reads each
 * schema's definition (object shape, enum entries, literal values, length/number/regex checks); the free-text
 * rule's bounds live in refinements, so they are found by asking the schema itself (`textBounds`).
 * Id fields draw from pools of real ids (wishes, applications, communities, openids) so that calls reach
 * the handlers' state checks, not only "not found".
 */
import fc from 'fast-check'
import type * as z from 'zod/mini'
import { id as idSchema } from '../../src/contracts'
import { inDays } from '../clock'

/** Live pools of real values by field name, refreshed between batches (the arbitraries read them at generation time). */
export type Pools = Record<string, string[]>

type Def = {
  type: string
  shape?: Record<string, z.ZodMiniType>
  innerType?: z.ZodMiniType
  element?: z.ZodMiniType
  entries?: Record<string, string>
  values?: unknown[]
  options?: z.ZodMiniType[]
  checks?: { _zod: { def: CheckDef } }[]
}
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; format?: string; pattern?: RegExp; prefix?: string }

const defOf = (s: z.ZodMiniType): Def => (s as unknown as { _zod: { def: Def } })._zod.def
const checksOf = (s: z.ZodMiniType): CheckDef[] => (defOf(s).checks || []).map((c) => c._zod.def)

/** Ordinary characters for free text: CJK, ASCII letters and digits, a space, an emoji. */
const TEXT_CHARS = [...'心愿社区志愿者帮忙维修陪伴学习阿姨叔叔同学谢谢你好的一二三', ...'abcXYZ019', ' ', '😀', '，']

/** An element of a live pool (or a fallback when the pool is empty), chosen by index so pools may grow during a run. */
export function fromPool(pool: string[] | undefined, fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (!pool) return fallback
  return fc.oneof({ arbitrary: fc.nat().map((i) => (pool.length ? pool[i % pool.length] : 'none')), weight: 4 }, { arbitrary: fallback, weight: 1 })
}

const boundsCache = new WeakMap<object, [number, number]>()

/** The visible-length range a free-text schema accepts (probed with plain CJK text up to 1,000 characters). */
export function textBounds(schema: z.ZodMiniType): [number, number] {
  let b = boundsCache.get(schema)
  if (b) return b
  const ok = (n: number) => (schema as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse('字'.repeat(n)).success
  let min = 0
  while (min <= 1000 && !ok(min)) min++
  let max = min
  while (max < 1000 && ok(max + 1)) max++
  b = [min, max]
  boundsCache.set(schema, b)
  return b
}

/** ISO days around today (China), and a few far ones. */
function dayArbitrary(): fc.Arbitrary<string> {
  const near = fc.integer({ min: -10, max: 60 }).map(inDays)
  return fc.oneof({ arbitrary: near, weight: 5 }, fc.constantFrom('9999-12-31', '0000-00-00', '2026-02-30', '1970-01-01'))
}

/** The keys of an object schema whose values are free text (the shared text rule: a string with refinements). */
export function textKeysOf(schema: z.ZodMiniType): string[] {
  const unwrap = (s: z.ZodMiniType): z.ZodMiniType => (defOf(s).type === 'optional' ? unwrap(defOf(s).innerType!) : s)
  return Object.entries(defOf(schema).shape || {})
    .filter(([, s]) => defOf(unwrap(s)).type === 'string' && checksOf(unwrap(s)).some((c) => c.check === 'custom'))
    .map(([k]) => k)
}

/** The keys of an object schema whose values are ids, or lists of ids (where operator objects are sent). */
export function idKeysOf(schema: z.ZodMiniType): string[] {
  const unwrap = (s: z.ZodMiniType): z.ZodMiniType => (defOf(s).type === 'optional' ? unwrap(defOf(s).innerType!) : s)
  return Object.entries(defOf(schema).shape || {})
    .filter(([, s]) => unwrap(s) === idSchema || (defOf(unwrap(s)).type === 'array' && defOf(unwrap(s)).element === idSchema))
    .map(([k]) => k)
}

/** An arbitrary of values the schema accepts (mostly; text bounds and pools make a few of them refused). */
export function validOf(schema: z.ZodMiniType, pools: Pools, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const shape = def.shape || {}
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      const required: string[] = []
      for (const [k, s] of Object.entries(shape)) {
        model[k] = validOf(s, pools, k)
        if (defOf(s).type !== 'optional') required.push(k)
      }
      return fc.record(model, { requiredKeys: required })
    }
    case 'optional':
      return validOf(def.innerType!, pools, key)
    case 'nullable':
      return fc.option(validOf(def.innerType!, pools, key), { nil: null })
    case 'union':
      return fc.oneof(...(def.options || []).map((o) => validOf(o, pools, key)))
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries || {}))
    case 'literal':
      return fc.constantFrom(...(def.values || []))
    case 'boolean':
      return fc.boolean()
    case 'number': {
      let min = -1e6
      let max = 1e6
      for (const c of checksOf(schema)) {
        if (c.check === 'greater_than') min = c.value!
        if (c.check === 'less_than') max = c.value!
      }
      return fc.integer({ min, max })
    }
    case 'array': {
      let minLength = 0
      let maxLength = 5
      for (const c of checksOf(schema)) {
        if (c.check === 'min_length') minLength = c.minimum!
        if (c.check === 'max_length') maxLength = Math.min(c.maximum!, 5)
      }
      return fc.array(validOf(def.element!, pools, key), { minLength, maxLength })
    }
    case 'string':
      return stringOf(schema, pools, key)
    default:
      throw new Error(`fuzz: no generator for zod type ${def.type} (field ${key || '(root)'})`)
  }
}

function stringOf(schema: z.ZodMiniType, pools: Pools, key: string): fc.Arbitrary<string> {
  const checks = checksOf(schema)
  if (schema === idSchema) return fromPool(pools[key], fc.string({ minLength: 1, maxLength: 64 }))
  const regex = checks.find((c) => c.format === 'regex')?.pattern
  if (regex && /YYYY|\\d\{4\}-/.test(regex.source)) return dayArbitrary()
  if (regex) return fc.stringMatching(regex)
  const prefix = checks.find((c) => c.format === 'starts_with')?.prefix
  if (prefix)
    return fromPool(
      pools[key],
      fc.string({ minLength: 1, maxLength: 60 }).map((s) => prefix + s),
    )
  if (checks.some((c) => c.check === 'custom')) {
    const [min, max] = textBounds(schema)
    return fc.string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: min, maxLength: Math.min(max, min + 40) })
  }
  if (pools[key]) return fromPool(pools[key], fc.string())
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 64
  return fc.string({ minLength: min, maxLength: max })
}

/**
 * Hostile variants of a valid input: wrong types, missing and extra fields, deep nesting (up to 5,000 levels),
 * huge strings (bodies up to ~1.1 MiB, over the 1 MiB limit), Mongo operator objects in id fields, and
 * invisible characters (U+200B, U+202E, NUL, lone surrogates).
 */
import fc from 'fast-check'

/** What one mutation did, for the outcome table and the counterexample. */
export type MutationKind = 'none' | 'wrongType' | 'missing' | 'extra' | 'deep' | 'huge' | 'operator' | 'invisible' | 'wholeInput'

export type Mutation = { kind: MutationKind; key?: string; apply(input: Record<string, unknown>): unknown }

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, 1e308, true, false, '', [], {}, ['x'], { a: 1 }, 'null', '[object Object]', '0']

/** Objects a Mongo-minded attacker puts where an id belongs. */
export const OPERATORS: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: ['demo-resident', 'demo-admin'] },
  { $exists: true },
  { $nin: [] },
  ['demo-admin'],
  { _bsontype: 'ObjectID', id: 'x' },
  { $date: 0 },
]

/** Characters that look like nothing, or reverse the text, or break encodings. */
export const INVISIBLES = ['\u200b', '\u202e', '\u0000', '\ud800', '\udfff', '\ufeff', '\u2028', '\u0007', '\u200d', '\u00ad']

/**
 * Arrays or objects nested `depth` levels deep around "x". JSON.stringify recurses (5,000 levels overflow a
 * jest worker's stack), so the value stands in as a token that `toJson` replaces with its text.
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly asObject = false,
  ) {}
  /** The token JSON.stringify writes for this value. */
  toJSON(): string {
    return `__deep_${this.depth}_${this.asObject ? 'o' : 'a'}__`
  }
  /** The nested JSON text. */
  text(): string {
    return this.asObject ? '{"a":'.repeat(this.depth) + '"x"' + '}'.repeat(this.depth) : '['.repeat(this.depth) + '"x"' + ']'.repeat(this.depth)
  }
}

/** A value nested `depth` levels deep (see Deep). */
export function nested(depth: number, asObject = false): Deep {
  return new Deep(depth, asObject)
}

/** JSON text of a value that may hold Deep values. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"__deep_(\d+)_([oa])__"/g, (_, d: string, o: string) => new Deep(Number(d), o === 'o').text())
}

const depthArb = fc.oneof(fc.integer({ min: 28, max: 36 }), fc.integer({ min: 1, max: 5000 }), fc.constant(5000))
/** Up to ~1.1 MiB of one character (ASCII or 3-byte CJK): bodies around and over the 1 MiB limit. */
const hugeArb = fc.record({ n: fc.oneof(fc.integer({ min: 1000, max: 400_000 }), fc.integer({ min: 1_000_000, max: 1_100_000 })), ch: fc.constantFrom('x', '字', '\u200b') })

/**
 * The mutations for an input with these keys; invisible characters go to its free-text keys, and operator
 * objects to its id keys, when it has some.
 */
export function mutationOf(keys: string[], textKeys: string[] = [], idKeys: string[] = []): fc.Arbitrary<Mutation> {
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('x')
  const textKey = textKeys.length ? fc.constantFrom(...textKeys) : key
  const idKey = idKeys.length ? fc.constantFrom(...idKeys) : key
  const set = (k: string, v: unknown) => (input: Record<string, unknown>) => ({ ...input, [k]: v })
  return fc.oneof(
    { arbitrary: fc.constant<Mutation>({ kind: 'none', apply: (i) => i }), weight: 6 },
    { arbitrary: fc.tuple(key, fc.constantFrom(...ODD_VALUES)).map(([k, v]): Mutation => ({ kind: 'wrongType', key: k, apply: set(k, v) })), weight: 3 },
    {
      arbitrary: key.map((k): Mutation => ({
        kind: 'missing',
        key: k,
        apply: (input) => {
          const { [k]: _, ...rest } = input
          return rest
        },
      })),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '_id', 'openid', 'status', 'role', 'x'), fc.constantFrom(...ODD_VALUES, ...OPERATORS)).map(
        // A computed key defines an own property, so `__proto__` travels in the JSON body as a plain key.
        ([k, v]): Mutation => ({ kind: 'extra', key: k, apply: set(k, v) }),
      ),
      weight: 2,
    },
    { arbitrary: fc.tuple(key, depthArb, fc.boolean()).map(([k, d, o]): Mutation => ({ kind: 'deep', key: `${k}@${d}`, apply: set(k, nested(d, o)) })), weight: 2 },
    { arbitrary: fc.tuple(key, hugeArb).map(([k, h]): Mutation => ({ kind: 'huge', key: `${k}@${h.n}`, apply: set(k, h.ch.repeat(h.n)) })), weight: 1 },
    {
      arbitrary: fc.tuple(idKey, fc.constantFrom(...OPERATORS), fc.boolean()).map(([k, v, inList]): Mutation => ({ kind: 'operator', key: k, apply: set(k, inList ? [v] : v) })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(textKey, fc.constantFrom(...INVISIBLES), fc.nat(), fc.boolean()).map(([k, ch, at, alone]): Mutation => ({
        kind: 'invisible',
        key: k,
        apply: (input) => {
          const v = input[k]
          if (alone || typeof v !== 'string') return { ...input, [k]: ch.repeat(1 + (at % 3)) }
          const i = at % (v.length + 1)
          return { ...input, [k]: v.slice(0, i) + ch + v.slice(i) }
        },
      })),
      weight: 3,
    },
    {
      arbitrary: fc.constantFrom(...ODD_VALUES, ...OPERATORS, nested(5000), 'x'.repeat(100)).map((v): Mutation => ({ kind: 'wholeInput', apply: () => v })),
      weight: 1,
    },
  )
}

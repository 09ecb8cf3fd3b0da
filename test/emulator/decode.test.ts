/**
 * The store's decoder (engine/ejson.ts `fromEJSON`: JSON.parse and one pass over the wrapped types) must give
 * exactly what bson's EJSON.parse + normalize gives for every stored form, on random documents.
 */
import fc from 'fast-check'
import { EJSON } from 'bson'
import { isDeepStrictEqual } from 'util'
import { fromEJSON, normalize, resolveServerDates, toEJSON } from '../../cloud/emulator/engine/ejson'

// 2,000 random documents take a second or two alone, more on a busy machine.
jest.setTimeout(60_000)

const reference = (text: string) => normalize(EJSON.parse(text, { relaxed: true }))

const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(/a.b/i, /^x$/m, /[0-9]+/su),
  fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }).map(Number),
)
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(
      fc.string({ minLength: 1 }).filter((k) => !k.startsWith('$')),
      tie('v'),
      { maxKeys: 4 },
    ),
  ),
})).v

test('fromEJSON equals bson EJSON.parse + normalize on random documents', () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.string({ minLength: 1 }).filter((k) => !k.startsWith('$')),
        value,
        { maxKeys: 6 },
      ),
      (doc) => {
        const text = toEJSON(doc)
        expect(isDeepStrictEqual(fromEJSON(text), reference(text))).toBe(true)
      },
    ),
    // A fixed seed, as the fuzz tests have (HEMEI_FUZZ_SEED replays another).
    { numRuns: 2000, seed: Number(process.env.HEMEI_FUZZ_SEED || 20261129) },
  )
})

test('a field named __proto__ stays an own field through every decoding path (not the prototype)', () => {
  const doc = JSON.parse('{"__proto__":[1],"a":{"__proto__":{"b":2}},"d":{"__proto__":{"$date":"2026-01-01T00:00:00Z"}}}')
  const text = toEJSON(doc)
  for (const decoded of [fromEJSON(text), reference(text), resolveServerDates(JSON.parse(text))]) {
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype)
    expect(Object.keys(decoded)).toEqual(['__proto__', 'a', 'd'])
    expect(Object.getOwnPropertyDescriptor(decoded.a, '__proto__')?.value).toEqual({ b: 2 })
  }
  expect(isDeepStrictEqual(fromEJSON(text), reference(text))).toBe(true)
})

test('fromEJSON decodes the edge forms bson writes (old dates, invalid dates, non-finite numbers, regexps)', () => {
  const doc = { a: NaN, b: -0, c: Infinity, d: new Date(-1e14), e: /x/i, f: 2 ** 60, h: new Date(NaN), i: [new Date(0), [new Date(5)]], o: -Infinity, p: new Date(8.64e15) }
  const text = toEJSON(doc)
  expect(isDeepStrictEqual(fromEJSON(text), reference(text))).toBe(true)
  // Any other wrapped type goes to bson.
  const other = '{"x":{"$oid":"0123456789abcdef01234567"},"y":{"$numberLong":"9007199254740993"}}'
  expect(fromEJSON(other)).toEqual(reference(other))
})

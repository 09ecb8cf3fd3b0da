// The ledger's pure rules (issue 10, part C): a shift's minutes (pairs clipped to the window, overlaps once, capped at
// the credit), hours to 0.1 h, and the star level at its thresholds.
import { formatHours, shiftMinutes, starLevel } from '../../src/contracts/volunteer/hours'

const T0 = Date.UTC(2026, 5, 6, 1, 0) // 09:00 China time
const min = (m: number) => T0 + m * 60_000
const END = min(120)

describe('shiftMinutes', () => {
  it('clips each pair to the slot window (travel before and after never counts)', () => {
    expect(shiftMinutes([{ inMs: min(-30), outMs: min(150) }], T0, END, 120)).toBe(120)
    expect(shiftMinutes([{ inMs: min(-30), outMs: min(30) }], T0, END, 120)).toBe(30)
    expect(shiftMinutes([{ inMs: min(100), outMs: min(200) }], T0, END, 120)).toBe(20)
  })
  it('counts pairs wholly outside the window as nothing', () => {
    expect(shiftMinutes([{ inMs: min(-90), outMs: min(-10) }], T0, END, 120)).toBe(0)
    expect(shiftMinutes([{ inMs: min(130), outMs: min(170) }], T0, END, 120)).toBe(0)
    expect(shiftMinutes([{ inMs: min(-10), outMs: min(0) }], T0, END, 120)).toBe(0)
  })
  it('counts overlapping and nested pairs once, and sums disjoint ones', () => {
    expect(
      shiftMinutes(
        [
          { inMs: min(0), outMs: min(60) },
          { inMs: min(30), outMs: min(90) },
        ],
        T0,
        END,
        120,
      ),
    ).toBe(90)
    expect(
      shiftMinutes(
        [
          { inMs: min(0), outMs: min(100) },
          { inMs: min(10), outMs: min(20) },
        ],
        T0,
        END,
        120,
      ),
    ).toBe(100)
    expect(
      shiftMinutes(
        [
          { inMs: min(0), outMs: min(30) },
          { inMs: min(60), outMs: min(90) },
        ],
        T0,
        END,
        120,
      ),
    ).toBe(60)
    expect(
      shiftMinutes(
        [
          { inMs: min(60), outMs: min(90) },
          { inMs: min(0), outMs: min(30) },
          { inMs: min(30), outMs: min(40) },
        ],
        T0,
        END,
        120,
      ),
    ).toBe(70)
  })
  it('caps at the slot credit, ignores open pairs and backwards pairs, rounds down to whole minutes', () => {
    expect(shiftMinutes([{ inMs: min(0), outMs: min(120) }], T0, END, 90)).toBe(90)
    expect(shiftMinutes([{ inMs: min(0) }], T0, END, 120)).toBe(0)
    expect(shiftMinutes([{ inMs: min(50), outMs: min(40) }], T0, END, 120)).toBe(0)
    expect(shiftMinutes([{ inMs: min(0), outMs: min(10) + 59_999 }], T0, END, 120)).toBe(10)
    expect(shiftMinutes([], T0, END, 120)).toBe(0)
  })
})

describe('formatHours', () => {
  it('shows hours to 0.1 h', () => {
    expect(formatHours(0)).toBe('0.0')
    expect(formatHours(60)).toBe('1.0')
    expect(formatHours(95)).toBe('1.6')
    expect(formatHours(93)).toBe('1.6')
    expect(formatHours(92)).toBe('1.5')
    expect(formatHours(-20)).toBe('-0.3')
  })
})

describe('starLevel', () => {
  const h = (hours: number) => starLevel(hours * 60)
  it('gives one to five stars at 100/300/600/1,000/1,500 h', () => {
    expect(h(0).stars).toBe(0)
    expect(h(99.99).stars).toBe(0)
    expect(h(100).stars).toBe(1)
    expect(h(299.9).stars).toBe(1)
    expect(h(300).stars).toBe(2)
    expect(h(600).stars).toBe(3)
    expect(h(999).stars).toBe(3)
    expect(h(1000).stars).toBe(4)
    expect(h(1500).stars).toBe(5)
    expect(h(9000).stars).toBe(5)
  })
  it('reports the progress to the next level', () => {
    expect(h(0)).toEqual({ stars: 0, nextHours: 100, hoursToNext: 100, progress: 0 })
    expect(h(50)).toMatchObject({ stars: 0, nextHours: 100, hoursToNext: 50, progress: 0.5 })
    expect(h(200)).toMatchObject({ stars: 1, nextHours: 300, hoursToNext: 100, progress: 0.5 })
    expect(starLevel(100 * 60 - 1)).toMatchObject({ stars: 0, hoursToNext: 0.1 })
    expect(h(1500)).toEqual({ stars: 5, nextHours: null, hoursToNext: null, progress: 1 })
  })
})

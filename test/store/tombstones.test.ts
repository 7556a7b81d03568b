import { describe, expect, it } from 'vitest'
import { isBuried, mergeTombstones, NO_TOMBSTONE, type Tombstone } from '../../src/store/tombstones'

const T = 1_700_000_000_000
const m = (n: number, time = T + n * 1_000) => ({ id: `11000000000000000${String(n).padStart(2, '0')}`, time })
const tomb = (ids: string[], before = 0): Tombstone => ({ ids: new Set(ids), before })

describe('NO_TOMBSTONE', () => {
  it('removes nothing', () => {
    expect(NO_TOMBSTONE.before).toBe(0)
    expect(NO_TOMBSTONE.ids.size).toBe(0)
    expect(isBuried(NO_TOMBSTONE, m(1))).toBe(false)
  })
})

describe('isBuried', () => {
  it('given no tombstone, buries nothing', () => {
    expect(isBuried(undefined, m(1))).toBe(false)
    expect(isBuried(undefined, { id: '1', time: 0 })).toBe(false)
  })

  it('buries a message whose id is in the tombstone, whatever its time', () => {
    const t = tomb([m(5).id])
    expect(isBuried(t, m(5))).toBe(true)
    expect(isBuried(t, m(6))).toBe(false)
  })

  it('buries messages at or before the time, equality included, and not one millisecond after', () => {
    const t = tomb([], T + 5_000)
    expect(isBuried(t, m(4))).toBe(true)
    expect(isBuried(t, m(5))).toBe(true)
    expect(isBuried(t, { id: m(5).id, time: T + 5_001 })).toBe(false)
    expect(isBuried(t, m(6))).toBe(false)
  })

  it('with before 0, buries only by id (a message at time 0 is not a real message, but stays consistent)', () => {
    expect(isBuried(tomb([], 0), { id: '1', time: 1 })).toBe(false)
  })
})

describe('mergeTombstones', () => {
  it('unites ids and keeps the later time', () => {
    const merged = mergeTombstones(tomb(['a', 'b'], 100), { ids: ['b', 'c'], before: 50 })
    expect([...merged.ids].sort()).toEqual(['a', 'b', 'c'])
    expect(merged.before).toBe(100)
    expect(mergeTombstones(tomb([], 100), { before: 200 }).before).toBe(200)
  })

  it('without ids in the addition, keeps the ids set itself', () => {
    const a = tomb(['a'], 0)
    const merged = mergeTombstones(a, { before: 10 })
    expect(merged.ids).toBe(a.ids)
    expect(merged.before).toBe(10)
  })

  it('without a time in the addition, keeps the time', () => {
    expect(mergeTombstones(tomb([], 70), { ids: ['x'] }).before).toBe(70)
  })

  it('never modifies its inputs (NO_TOMBSTONE in particular stays empty)', () => {
    const a = tomb(['a'], 5)
    const merged = mergeTombstones(a, { ids: ['b'], before: 9 })
    expect([...a.ids]).toEqual(['a'])
    expect(a.before).toBe(5)
    expect(merged).not.toBe(a)
    mergeTombstones(NO_TOMBSTONE, { ids: ['z'], before: 3 })
    expect(NO_TOMBSTONE.ids.size).toBe(0)
    expect(NO_TOMBSTONE.before).toBe(0)
  })

  it('accepts any iterable of ids', () => {
    const merged = mergeTombstones(NO_TOMBSTONE, { ids: new Set(['p', 'q']).values() })
    expect([...merged.ids].sort()).toEqual(['p', 'q'])
  })

  it('a merged tombstone buries what either buried', () => {
    const merged = mergeTombstones(tomb([m(9).id], 0), { ids: [m(2).id], before: m(4).time })
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].filter((n) => isBuried(merged, m(n)))).toEqual([1, 2, 3, 4, 9])
  })
})

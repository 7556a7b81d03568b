import { afterEach, describe, expect, it, vi } from 'vitest'
import { RemovePartialError, RoamingArgumentError, RoamingError, SdkCode } from '../../src/client/RoamingError'
import { MAX_RETRIES, retryDelay, shouldRetry } from '../../src/query/retry'

const err = (code: number) => new RoamingError(`getHistory: code ${code}`, { code, operation: 'getHistory' })

afterEach(() => { vi.restoreAllMocks() })

describe('shouldRetry', () => {
  it('allows at most 3 retries', () => {
    expect(MAX_RETRIES).toBe(3)
  })

  it.each([
    ['a timeout', SdkCode.REQUEST_TIMEOUT, -1],
    ['a network error', SdkCode.REQUEST_UNKNOWN, -2],
    ['rate limiting', SdkCode.MAX_LIMIT, 50],
    ['a busy server', SdkCode.SERVER_BUSY, 500],
  ])('given %s (code %i), retries while fewer than 3 failures were retried', (_what, code, literal) => {
    expect(code).toBe(literal)
    const e = err(code)
    expect(e.retryable).toBe(true)
    expect([0, 1, 2, 3, 4].map((n) => shouldRetry(n, e))).toEqual([true, true, true, false, false])
  })

  it.each([
    ['bad input', SdkCode.REQUEST_PARAMETER_ERROR],
    ['an aborted request', SdkCode.REQUEST_ABORT],
    ['not logged in', SdkCode.NOT_LOGGED_IN],
    ['an SDK runtime error', SdkCode.SDK_RUNTIME_ERROR],
    ['a permission error', 603],
  ])('given %s (code %i), never retries', (_what, code) => {
    const e = err(code)
    expect(e.retryable).toBe(false)
    expect(shouldRetry(0, e)).toBe(false)
  })

  it('never retries a RoamingArgumentError', () => {
    expect(shouldRetry(0, new RoamingArgumentError('getHistory', 'pageSize', 99, 'an integer in [1, 50]'))).toBe(false)
  })

  it('retries a subclass of RoamingError whose code is retryable', () => {
    const partial = new RemovePartialError('removeMessages', ['1'], ['2'], err(SdkCode.SERVER_BUSY))
    expect(shouldRetry(0, partial)).toBe(true)
  })

  it('never retries what is not a RoamingError, even with a retryable-looking shape', () => {
    expect(shouldRetry(0, new Error('boom'))).toBe(false)
    expect(shouldRetry(0, { type: 500, message: 'busy', retryable: true })).toBe(false)
    expect(shouldRetry(0, undefined)).toBe(false)
    expect(shouldRetry(0, 'timeout')).toBe(false)
  })
})

describe('retryDelay', () => {
  it.each([
    [0, 500],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 8_000],
    [30, 8_000],
  ])('for attempt %i, stays within [0.5, 1] × %i ms', (attempt, ceiling) => {
    const spy = vi.spyOn(Math, 'random')
    spy.mockReturnValue(0)
    expect(retryDelay(attempt)).toBe(ceiling / 2)
    spy.mockReturnValue(0.5)
    expect(retryDelay(attempt)).toBe(ceiling * 0.75)
    spy.mockReturnValue(0.999_999_999)
    expect(retryDelay(attempt)).toBe(ceiling)
  })

  it('with real randomness, always returns an integer within the bounds', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(8_000, 500 * 2 ** attempt)
      for (let i = 0; i < 200; i++) {
        const d = retryDelay(attempt)
        expect(Number.isInteger(d)).toBe(true)
        expect(d).toBeGreaterThanOrEqual(ceiling / 2)
        expect(d).toBeLessThanOrEqual(ceiling)
      }
    }
  })

  it('spreads retries out (not one fixed delay)', () => {
    const seen = new Set(Array.from({ length: 100 }, () => retryDelay(3)))
    expect(seen.size).toBeGreaterThan(10)
  })

  it('never exceeds 8 s for a huge attempt number', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999)
    expect(retryDelay(1_000)).toBe(8_000)
  })
})

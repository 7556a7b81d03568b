import { RoamingError } from '../client/RoamingError'

/** Most retries of one request. */
export const MAX_RETRIES = 3

/**
 * Retries only what may succeed on a second try (timeouts, network errors, the SDK's 500 and 50 throttling
 * answers), a bounded number of times; bad input, logout and permission errors fail at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof RoamingError && error.retryable && failureCount < MAX_RETRIES
}

/** Exponential backoff with jitter (0.5–1× of 500 ms · 2^attempt, at most 8 s), so retries of many views spread out. */
export function retryDelay(attempt: number): number {
  const ceiling = Math.min(8_000, 500 * 2 ** attempt)
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2))
}

/** Small async helpers for the contract tests. */

// Captured at import, before any test installs fake timers.
const realSetImmediate = globalThis.setImmediate

/** Lets Node report unhandled rejections and uncaught microtask errors (a real macrotask turn). */
export const realTurn = (): Promise<void> => new Promise((resolve) => realSetImmediate(() => resolve()))

/** A promise observed without awaiting it, so fake time can be advanced while it is pending. */
export function settle<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined, reason: undefined as unknown, rejected: false }
  const done = promise.then(
    (value) => { state.settled = true; state.value = value },
    (reason: unknown) => { state.settled = true; state.rejected = true; state.reason = reason },
  )
  return {
    get settled() { return state.settled },
    async value(): Promise<T> {
      await done
      if (state.rejected) throw new Error(`expected a value, got a rejection: ${String(state.reason)}`)
      return state.value as T
    },
    async error<E = unknown>(): Promise<E> {
      await done
      if (!state.rejected) throw new Error('expected a rejection, got a value')
      return state.reason as E
    },
  }
}

/**
 * Runs `fn` with the process-level `unhandledRejection` listeners (Vitest's included) swapped for a recorder, so a
 * rejection the SDK itself leaks (agora-chat 1.4.0's `return Promise.reject()` inside a Promise executor) can be
 * asserted instead of failing the run. Everything else is restored afterwards.
 */
export async function captureUnhandledRejections<T>(fn: () => Promise<T>): Promise<{ result: T; unhandled: unknown[] }> {
  return captureProcessEvent('unhandledRejection', fn).then(({ result, events }) => ({ result, unhandled: events }))
}

/** Same for `uncaughtException` (an error thrown from a microtask). */
export async function captureUncaughtExceptions<T>(fn: () => Promise<T>): Promise<{ result: T; uncaught: unknown[] }> {
  return captureProcessEvent('uncaughtException', fn).then(({ result, events }) => ({ result, uncaught: events }))
}

async function captureProcessEvent<T>(name: 'unhandledRejection' | 'uncaughtException', fn: () => Promise<T>) {
  // One signature for both events (Node's overloads are per event name).
  const proc = process as unknown as {
    listeners(n: string): Array<(...args: unknown[]) => void>
    removeAllListeners(n: string): void
    on(n: string, l: (...args: unknown[]) => void): void
    off(n: string, l: (...args: unknown[]) => void): void
  }
  const saved = proc.listeners(name)
  proc.removeAllListeners(name)
  const events: unknown[] = []
  const record = (reason: unknown) => { events.push(reason) }
  proc.on(name, record)
  try {
    const result = await fn()
    await realTurn()
    await realTurn()
    return { result, events }
  } finally {
    proc.off(name, record)
    for (const listener of saved) proc.on(name, listener)
  }
}

/** The rejection reason of a promise that must reject. */
export function rejection<E = unknown>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    (value) => { throw new Error(`expected a rejection, got ${JSON.stringify(value)}`) },
    (reason: unknown) => reason as E,
  )
}

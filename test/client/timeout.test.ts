import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import { RoamingError } from '../../src/client/RoamingError'
import { createRoamingServer } from '../../src/testing'
import { sendMany, setup, wrapConnection } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Tracks a promise's state without awaiting it. */
function track<T>(promise: Promise<T>) {
  const state: { status: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = { status: 'pending' }
  promise.then((value) => { state.status = 'resolved'; state.value = value }, (error: unknown) => { state.status = 'rejected'; state.error = error })
  return state
}

describe('timeoutMs bounds every SDK call', () => {
  it('getHistory that never settles (agora-chat 1.4.0 logged out) rejects with -1 after timeoutMs', async () => {
    const server = createRoamingServer({ historyHangsWhenLoggedOut: true })
    const conn = server.connect('alice')
    conn.close()
    // The simulated SDK itself hangs: that is the bug being bounded.
    const raw = track(conn.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))
    const client = createRoamingClient(conn, { timeoutMs: 5000 })
    const call = track(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(4999)
    expect(call.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(call.status).toBe('rejected')
    expect(call.error).toBeInstanceOf(RoamingError)
    expect(call.error).toMatchObject({ code: -1, retryable: true, operation: 'getHistory', message: 'getHistory: no answer within 5000 ms' })
    expect((call.error as RoamingError).cause).toBeUndefined()
    expect(raw.status).toBe('pending')
    expect(vi.getTimerCount()).toBe(0)
    expect(server.requests).toEqual([])
  })

  it('the default bound is 20 s', async () => {
    const server = createRoamingServer({ historyHangsWhenLoggedOut: true })
    const conn = server.connect('alice')
    conn.close()
    const call = track(createRoamingClient(conn).getHistory({ conversationId: 'bob', chatType: 'singleChat', direction: 'down' }))
    await vi.advanceTimersByTimeAsync(19_999)
    expect(call.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(call.error).toMatchObject({ code: -1, message: 'getHistory: no answer within 20000 ms' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('without the hang, a logged-out getHistory rejects at once with 39 (easemob behaviour)', async () => {
    const { conn, client } = setup()
    conn.close()
    await expect(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })).rejects.toMatchObject({ code: 39 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('an answer held past the bound is ignored once the call has timed out', async () => {
    const { server, client } = setup({ client: { timeoutMs: 1000 } })
    sendMany(server, 2, { from: 'bob', to: 'alice' })
    server.configure({ network: 'paused' })
    const call = track(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(call.error).toMatchObject({ code: -1 })
    server.configure({ network: 'online' })
    await vi.advanceTimersByTimeAsync(0)
    expect(server.requests.map((r) => r.outcome)).toEqual(['ok'])
    expect(call.status).toBe('rejected')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('an answer within the bound wins and clears the timer', async () => {
    const { server, client } = setup({ client: { timeoutMs: 1000 }, server: { latency: 999 } })
    sendMany(server, 2, { from: 'bob', to: 'alice' })
    await vi.advanceTimersByTimeAsync(999) // the live pushes of those messages
    expect(vi.getTimerCount()).toBe(0)
    const call = track(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
    expect(vi.getTimerCount()).toBe(2) // the adapter's bound and the simulated latency
    await vi.advanceTimersByTimeAsync(998)
    expect(call.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(call.status).toBe('resolved')
    expect(call.value?.messages).toHaveLength(2)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('no timer is left after a settled call', () => {
  it('after successes of every method', async () => {
    const { server, client } = setup({ client: { now: () => Date.now() } })
    const ids = sendMany(server, 25, { from: 'bob', to: 'alice' })
    await vi.advanceTimersByTimeAsync(10)
    const calls: Array<() => Promise<unknown>> = [
      () => client.getConversations(),
      () => client.getPinnedConversations(),
      () => client.getLegacyConversations({ pageNum: 1, pageSize: 5 }),
      () => client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }),
      () => client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: ids.slice(0, 22) }),
      () => client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', before: Date.now() - 100_000 }),
      () => client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }),
      () => client.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: true }),
    ]
    for (const call of calls) {
      await call()
      expect(vi.getTimerCount()).toBe(0)
    }
    expect(server.requests.every((r) => r.outcome === 'ok')).toBe(true)
  })

  it('after failures: server errors, sync throws, bad results, bad arguments', async () => {
    const { server, conn, client } = setup()
    server.configure({ failureRate: 1 })
    await expect(client.getConversations()).rejects.toBeInstanceOf(RoamingError)
    expect(vi.getTimerCount()).toBe(0)
    server.configure({ failureRate: 0 })

    const odd = createRoamingClient(wrapConnection(conn, {
      getServerConversations: () => { throw new Error('sync') },
      getHistoryMessages: async () => 'not a page',
    }))
    // A plain Error that is no parameter check of the SDK is a runtime failure (999).
    await expect(odd.getConversations()).rejects.toMatchObject({ code: 999, message: 'getConversations: sync' })
    expect(vi.getTimerCount()).toBe(0)
    await expect(odd.getHistory({ conversationId: 'bob', chatType: 'singleChat' })).rejects.toMatchObject({ code: 999 })
    expect(vi.getTimerCount()).toBe(0)
    await expect(client.getHistory({ conversationId: '', chatType: 'singleChat' })).rejects.toMatchObject({ code: -3 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('after a partial removal', async () => {
    const { server, client } = setup({ server: { rateLimit: { maxPerSecond: 1, answer: 'maxLimit' } } })
    const ids = sendMany(server, 30, { from: 'bob', to: 'alice' })
    await expect(client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: ids })).rejects.toMatchObject({ name: 'RemovePartialError', code: 50 })
    expect(vi.getTimerCount()).toBe(0)
  })
})

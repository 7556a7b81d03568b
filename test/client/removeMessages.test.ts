import { afterEach, describe, expect, it, vi } from 'vitest'
import { RemovePartialError, RoamingError } from '../../src/client/RoamingError'
import type { RemoveProgress, RoamingClient } from '../../src/client/types'
import { requestsOf, sendMany, setup } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** Every id the user can still read in the conversation with bob, oldest first. */
async function remaining(client: RoamingClient, conversationId = 'bob', chatType: 'singleChat' | 'groupChat' = 'singleChat'): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  for (;;) {
    const page = await client.getHistory({ conversationId, chatType, pageSize: 50, direction: 'down', cursor })
    ids.push(...page.messages.map((m) => m.id))
    if (page.isLast) return ids
    cursor = page.nextCursor
  }
}

describe('removeMessages by ids', () => {
  it('splits 45 ids into 3 calls of 20, 20 and 5, in order, reporting progress', async () => {
    const { server, client } = setup()
    const sent = sendMany(server, 50, { from: 'bob', to: 'alice' })
    const ids = sent.slice(0, 45)
    const progress: RemoveProgress[] = []
    const result = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: ids, onProgress: (p) => progress.push(p) })

    expect(result).toEqual({ removedIds: ids, calls: 3 })
    expect(requestsOf(server, 'removeHistoryMessages')).toEqual([
      { targetId: 'bob', chatType: 'singleChat', messageIds: ids.slice(0, 20) },
      { targetId: 'bob', chatType: 'singleChat', messageIds: ids.slice(20, 40) },
      { targetId: 'bob', chatType: 'singleChat', messageIds: ids.slice(40, 45) },
    ])
    expect(progress).toEqual([{ done: 20, total: 45 }, { done: 40, total: 45 }, { done: 45, total: 45 }])
    expect(await remaining(client)).toEqual(sent.slice(45))
  })

  it('makes one call for up to 20 ids, and exactly 20 per call at the boundary', async () => {
    const { server, client } = setup()
    const sent = sendMany(server, 41, { from: 'alice', to: 'bob' })
    expect(await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: sent.slice(0, 20) })).toEqual({ removedIds: sent.slice(0, 20), calls: 1 })
    expect(await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: sent.slice(20, 41) })).toEqual({ removedIds: sent.slice(20, 41), calls: 2 })
    expect(requestsOf(server, 'removeHistoryMessages').map((p) => (p.messageIds as string[]).length)).toEqual([20, 20, 1])
    expect(await remaining(client)).toEqual([])
  })

  it('honours the maxIdsPerCall option', async () => {
    const { server, client } = setup({ client: { maxIdsPerCall: 7 } })
    const sent = sendMany(server, 16, { from: 'bob', to: 'alice' })
    const result = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: sent.slice(0, 15) })
    expect(result.calls).toBe(3)
    expect(requestsOf(server, 'removeHistoryMessages').map((p) => p.messageIds)).toEqual([sent.slice(0, 7), sent.slice(7, 14), sent.slice(14, 15)])
    expect(await remaining(client)).toEqual([sent[15]])
  })

  it('a maxIdsPerCall above what the SDK accepts fails on the first call, with nothing removed', async () => {
    const { server, client } = setup({ client: { maxIdsPerCall: 25 } })
    const sent = sendMany(server, 30, { from: 'bob', to: 'alice' })
    const error = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: sent }).catch((e: unknown) => e)
    // The SDK rejects 21+ ids with a plain Error before sending anything: a parameter error, not a partial one.
    expect(error).toBeInstanceOf(RoamingError)
    expect(error).not.toBeInstanceOf(RemovePartialError)
    expect(error).toMatchObject({ code: -3, retryable: false })
    expect(((error as RoamingError).cause as Error).message).toContain('Invalid parameter messageIds')
    expect(server.requests.filter((r) => r.method === 'removeHistoryMessages')).toEqual([])
    expect(await remaining(client)).toEqual(sent)
  })

  it('a failing 2nd call rejects with RemovePartialError naming exactly what was and was not removed', async () => {
    const { server, client } = setup()
    const sent = sendMany(server, 50, { from: 'bob', to: 'alice' })
    const ids = sent.slice(0, 45)
    const progress: RemoveProgress[] = []
    const error = await client.removeMessages({
      conversationId: 'bob', chatType: 'singleChat', messageIds: ids,
      onProgress: (p) => {
        progress.push(p)
        // The server starts failing right after the first call succeeded.
        if (p.done === 20) server.configure({ failureRate: 1, failure: 'ajax' })
      },
    }).catch((e: unknown) => e)
    server.configure({ failureRate: 0 })

    expect(error).toBeInstanceOf(RemovePartialError)
    const partial = error as RemovePartialError
    expect(partial.removedIds).toEqual(ids.slice(0, 20))
    expect(partial.failedIds).toEqual(ids.slice(20))
    expect(partial).toMatchObject({ name: 'RemovePartialError', code: 17, retryable: false, operation: 'removeMessages' })
    expect(partial.message).toBe('removeMessages: 25 of 45 messages were not removed (removeMessages: SDK error 17)')
    expect(partial.cause).toBeInstanceOf(RoamingError)
    expect((partial.cause as RoamingError).cause).toMatchObject({ type: 17 })
    // The 3rd chunk was not attempted after the failure.
    expect(server.requests.filter((r) => r.method === 'removeHistoryMessages').map((r) => [(r.params as { messageIds: string[] }).messageIds.length, r.outcome]))
      .toEqual([[20, 'ok'], [20, 'failed']])
    expect(progress).toEqual([{ done: 20, total: 45 }, { done: 45, total: 45 }])
    // The server really still has every failed id (and the 5 never asked for).
    expect(await remaining(client)).toEqual(sent.slice(20))
  })

  it('throttling on the 3rd call: removedIds are the first 40, failedIds the last 5, retryable', async () => {
    vi.useFakeTimers()
    const { server, client } = setup({ server: { rateLimit: { maxPerSecond: 2, answer: 'busy' } } })
    const sent = sendMany(server, 45, { from: 'bob', to: 'alice' })
    const error = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: sent }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RemovePartialError)
    expect(error).toMatchObject({ code: 500, retryable: true, removedIds: sent.slice(0, 40), failedIds: sent.slice(40) })
    vi.advanceTimersByTime(1001)
    expect(await remaining(client)).toEqual(sent.slice(40))
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a failing first call rejects with a plain RoamingError: nothing was removed', async () => {
    const { server, client } = setup()
    const sent = sendMany(server, 25, { from: 'bob', to: 'alice' })
    server.configure({ network: 'offline' })
    const error = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: sent }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RoamingError)
    expect(error).not.toBeInstanceOf(RemovePartialError)
    expect(error).toMatchObject({ code: -2, retryable: true })
    server.configure({ network: 'online' })
    expect(await remaining(client)).toEqual(sent)
  })

  it('removes from a group, for this user only', async () => {
    const { server, client } = setup()
    server.createGroup('g1', ['alice', 'bob'])
    const sent = sendMany(server, 3, { from: 'bob', to: 'g1', chatType: 'groupChat' })
    await client.removeMessages({ conversationId: 'g1', chatType: 'groupChat', messageIds: [sent[1]!] })
    expect(requestsOf(server, 'removeHistoryMessages')).toEqual([{ targetId: 'g1', chatType: 'groupChat', messageIds: [sent[1]] }])
    expect(await remaining(client, 'g1', 'groupChat')).toEqual([sent[0], sent[2]])
    const bob = (await import('../../src/client/createRoamingClient')).createRoamingClient(server.connect('bob'))
    expect((await bob.getHistory({ conversationId: 'g1', chatType: 'groupChat' })).messages.map((m) => m.id)).toEqual(sent)
  })
})

describe('removeMessages { before }', () => {
  it('makes one call with beforeTimeStamp and removes at and before that time', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T00:00:00Z') })
    const { server, client } = setup()
    const times: number[] = []
    const sent: string[] = []
    for (let i = 0; i < 5; i++) {
      const m = server.sendMessage({ from: 'bob', to: 'alice', text: `t${i}` })
      sent.push(m.id)
      times.push(Number(m.time))
      vi.advanceTimersByTime(1000)
    }
    const result = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', before: times[2]! })
    expect(result).toEqual({ removedIds: [], calls: 1 })
    expect(requestsOf(server, 'removeHistoryMessages')).toEqual([{ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: times[2] }])
    expect(await remaining(client)).toEqual(sent.slice(3))
    expect(vi.getTimerCount()).toBe(0)
  })

  it('accepts the current time as before, which clears the conversation out of the list', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T00:00:00Z') })
    const { server, client } = setup({ client: { now: () => Date.now() } })
    sendMany(server, 3, { from: 'bob', to: 'alice' })
    // The server stamps messages sent within one ms 1 ms apart, so the last one is 2 ms ahead of the clock.
    vi.advanceTimersByTime(2)
    await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', before: Date.now() })
    expect(await remaining(client)).toEqual([])
    expect((await client.getConversations()).conversations).toEqual([])
  })
})

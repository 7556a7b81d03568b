import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoamingServer } from '../../src/simulator/createRoamingServer'
import { ErrorEvent } from '../../src/simulator/ErrorEvent'
import type { SimulatedConnection } from '../../src/simulator/SimulatedConnection'
import { rejectionOf, sendMany, setup, ticks, track } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** How a call failed: a synchronous throw or a rejection, and with what. */
async function outcome(call: () => unknown): Promise<{ how: 'throw' | 'reject' | 'resolve'; error?: any }> {
  let p: unknown
  try {
    p = call()
  } catch (error) {
    return { how: 'throw', error }
  }
  try {
    await p
    return { how: 'resolve' }
  } catch (error) {
    return { how: 'reject', error }
  }
}

const notLogin = (e: unknown) => {
  expect(e).toBeInstanceOf(ErrorEvent)
  expect(e).not.toBeInstanceOf(Error)
  expect({ ...(e as object) }).toEqual({ type: 39, message: 'not login' })
  // Own fields exactly as the SDK's ErrorEvent constructor sets them.
  expect(Object.keys(e as object)).toEqual(['type', 'message', 'data'])
  expect((e as ErrorEvent).data).toBeUndefined()
}

describe('identity, errors and limits (§6 items 24–26, §4.1)', () => {
  it('§6.24 user ids are case-insensitive by default (mixedCaseLogin "lowercase"): Alice sees alice\'s data', async () => {
    const { server } = setup()
    sendMany(server, 'Bob', 'alice', 2)
    const mixed = server.connect('Alice')
    expect(mixed.user).toBe('Alice') // the SDK does not lowercase what the app passed
    const list = await mixed.getServerConversations({})
    expect(list.data.conversations.map((c) => c.conversationId)).toEqual(['bob'])
    const history = await mixed.getHistoryMessages({ targetId: 'BOB', chatType: 'singleChat' })
    expect(history.messages.map((m) => [m.from, m.to])).toEqual([['bob', 'alice'], ['bob', 'alice']])
    await mixed.removeHistoryMessages({ targetId: 'BoB', chatType: 'singleChat', messageIds: [history.messages[0]?.id as string] })
    const lower = server.connect('alice')
    expect((await lower.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })).messages).toHaveLength(1)
  })

  it('§6.24 with mixedCaseLogin "emptyList" a mixed-case login id is a different user and sees an empty list', async () => {
    const { server } = setup({ mixedCaseLogin: 'emptyList' })
    sendMany(server, 'bob', 'alice', 2)
    const mixed = server.connect('Alice')
    expect(await mixed.getServerConversations({})).toEqual({ type: 0, data: { conversations: [], cursor: '' } })
    expect((await mixed.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })).messages).toEqual([])
    expect((await server.connect('alice').getServerConversations({})).data.conversations).toHaveLength(1)
  })

  it('§6.25 logged out: every roaming call fails with ErrorEvent{type:39, message:"not login"} (not an Error), as a rejection', async () => {
    const { server } = setup()
    sendMany(server, 'bob', 'alice', 2)
    const conn = server.connect('alice', { open: false })
    expect(conn.isOpened()).toBe(false)
    const calls: Array<[string, (c: SimulatedConnection) => unknown]> = [
      ['getServerConversations', (c) => c.getServerConversations({})],
      ['getServerPinnedConversations', (c) => c.getServerPinnedConversations({})],
      ['getServerConversationsByFilter', (c) => c.getServerConversationsByFilter({ filter: { mark: 0 } })],
      ['getConversationlist', (c) => c.getConversationlist()],
      ['getHistoryMessages', (c) => c.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })],
      ['removeHistoryMessages', (c) => c.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: ['1'] })],
      ['deleteConversation', (c) => c.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true })],
      ['pinConversation', (c) => c.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })],
      ['addConversationMark', (c) => c.addConversationMark({ conversations: [], mark: 1 })],
      ['deleteAllMessagesAndConversations', (c) => c.deleteAllMessagesAndConversations()],
      ['send', (c) => c.send({ type: 'txt', to: 'bob', msg: 'x' })],
    ]
    for (const [name, call] of calls) {
      const result = await outcome(() => call(conn))
      expect([name, result.how]).toEqual([name, 'reject'])
      notLogin(result.error)
    }
    expect(server.requests).toHaveLength(0)
    // After open() the same calls work; after close() they fail again.
    await conn.open({ user: 'alice', accessToken: 't' })
    expect((await conn.getServerConversations({})).data.conversations).toHaveLength(1)
    conn.close()
    notLogin(await rejectionOf(conn.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })))
    // The fail callback of getHistoryMessages gets the same ErrorEvent.
    let failed: unknown
    await rejectionOf(conn.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', fail: (e) => { failed = e } }))
    await ticks()
    notLogin(failed)
  })

  it("§6.25 initWith 'appKey' (easemob-websdk): every logged-out call rejects with ErrorEvent{type:700, message:'appkey or token error'}", async () => {
    const { server } = setup({ initWith: 'appKey' })
    expect(server.settings.initWith).toBe('appKey')
    sendMany(server, 'bob', 'alice', 2)
    const conn = server.connect('alice', { open: false })
    const calls: Array<[string, (c: SimulatedConnection) => unknown]> = [
      ['getServerConversations', (c) => c.getServerConversations({})],
      ['getServerPinnedConversations', (c) => c.getServerPinnedConversations({})],
      ['getServerConversationsByFilter', (c) => c.getServerConversationsByFilter({ filter: { mark: 0 } })],
      ['getConversationlist', (c) => c.getConversationlist()],
      ['getHistoryMessages', (c) => c.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })],
      ['removeHistoryMessages', (c) => c.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: ['1'] })],
      ['deleteConversation', (c) => c.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true })],
      ['pinConversation', (c) => c.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })],
      ['addConversationMark', (c) => c.addConversationMark({ conversations: [], mark: 1 })],
      ['removeConversationMark', (c) => c.removeConversationMark({ conversations: [], mark: 1 })],
      ['deleteAllMessagesAndConversations', (c) => c.deleteAllMessagesAndConversations()],
      ['send', (c) => c.send({ type: 'txt', to: 'bob', msg: 'x' })],
    ]
    const appKeyError = (e: unknown) => {
      expect(e).toBeInstanceOf(ErrorEvent)
      expect(e).not.toBeInstanceOf(Error)
      expect({ ...(e as object) }).toEqual({ type: 700, message: 'appkey or token error' })
      expect(Object.keys(e as object)).toEqual(['type', 'message', 'data'])
    }
    for (const [name, call] of calls) {
      const result = await outcome(() => call(conn))
      expect([name, result.how]).toEqual([name, 'reject'])
      appKeyError(result.error)
    }
    // The error callback of the legacy list gets the same answer.
    let failed: unknown
    await rejectionOf(conn.getConversationlist({ error: (e: unknown) => { failed = e } }))
    await ticks()
    appKeyError(failed)
    // Argument checks still come first (a synchronous throw), and nothing reached the server.
    expect((await outcome(() => conn.deleteConversation({ channel: 'bob', chatType: 'chatRoom' as 'singleChat', deleteRoam: true }))).how).toBe('throw')
    expect(server.requests).toHaveLength(0)
    // It is a behaviour setting: back to 'appId' (the default) the same connection answers 39.
    server.configure({ initWith: 'appId' })
    notLogin(await rejectionOf(conn.getServerConversations({})))
    const { server: def } = setup()
    expect(def.settings.initWith).toBe('appId')
  })

  it('§6.25 historyHangsWhenLoggedOut reproduces agora-chat 1.4.0: getHistoryMessages never settles when logged out', async () => {
    const { server } = setup({ historyHangsWhenLoggedOut: true })
    const conn = server.connect('alice', { open: false })
    const t = track(conn.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))
    await ticks(50)
    expect(t.state).toBe('pending')
    // Validation still comes first, and other methods still reject.
    expect((await outcome(() => conn.getHistoryMessages({ targetId: '', chatType: 'singleChat' }))).error).toBeInstanceOf(Error)
    notLogin(await rejectionOf(conn.getServerConversations({})))
    const { server: def } = setup()
    expect(def.settings.historyHangsWhenLoggedOut).toBe(false)
  })

  it('§4.1 which check comes first, and sync throw vs rejection, per method', async () => {
    const { server } = setup()
    const out = server.connect('alice', { open: false })
    const ok = server.connect('bob')
    // getServer*Conversations: the login check first (reject), then invalid params throw synchronously.
    let r = await outcome(() => out.getServerConversations({ pageSize: 'x' as unknown as number }))
    expect(r.how).toBe('reject'); notLogin(r.error)
    r = await outcome(() => ok.getServerConversations({ pageSize: 'x' as unknown as number }))
    expect(r.how).toBe('throw'); expect(r.error).toBeInstanceOf(Error)
    r = await outcome(() => ok.getServerPinnedConversations({ cursor: 1 as unknown as string }))
    expect(r.how).toBe('throw'); expect(r.error.message).toBe('Invalid parameter cursor: 1')
    // pinConversation: login first; invalid params reject.
    r = await outcome(() => out.pinConversation({ conversationId: '', conversationType: 'singleChat', isPinned: true }))
    expect(r.how).toBe('reject'); notLogin(r.error)
    r = await outcome(() => ok.pinConversation({ conversationId: 'x', conversationType: 'singleChat', isPinned: 'yes' as unknown as boolean }))
    expect(r.how).toBe('reject'); expect(r.error).toBeInstanceOf(Error)
    // getHistoryMessages: validation first, rejected Error.
    r = await outcome(() => out.getHistoryMessages({ targetId: '', chatType: 'singleChat' }))
    expect(r.how).toBe('reject'); expect(r.error).toBeInstanceOf(Error); expect(r.error.message).toBe('"Invalid parameter": "targetId"')
    // removeHistoryMessages: validation first, rejected Error.
    r = await outcome(() => out.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: Array.from({ length: 21 }, String) }))
    expect(r.how).toBe('reject'); expect(r.error).toBeInstanceOf(Error)
    // deleteConversation: validation first, synchronous throw.
    r = await outcome(() => out.deleteConversation({ channel: 'bob', chatType: 'groupChat', deleteRoam: 1 as unknown as boolean }))
    expect(r.how).toBe('throw'); expect(r.error.message).toBe('Invalid parameter deleteRoam: 1')
    // getConversationlist: no validation at all.
    r = await outcome(() => ok.getConversationlist({ pageNum: -1 as number, pageSize: 'x' as unknown as number }))
    expect(r.how).toBe('resolve')
  })

  it('§6.26 rate limit: beyond maxPerSecond requests answer {type:500, message:"Server is busy."} (answer "busy")', async () => {
    // The system clock (the default), read at call time, under fake timers.
    vi.useFakeTimers({ now: 1_700_000_000_000 })
    const real = createRoamingServer({ rateLimit: { maxPerSecond: 3, answer: 'busy' } })
    real.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    const alice = real.connect('alice')
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => alice.getServerConversations({})))
    expect(results.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected'])
    const busy = (results[3] as PromiseRejectedResult).reason
    expect(busy).not.toBeInstanceOf(Error)
    expect(busy).toEqual({ type: 500, message: 'Server is busy.', data: '{"error":"server_busy","error_description":"Server is busy."}' })
    expect(real.requests.map((q) => q.outcome)).toEqual(['ok', 'ok', 'ok', 'throttled', 'throttled'])
    // A rolling second later the budget is back.
    await vi.advanceTimersByTimeAsync(1001)
    await expect(alice.getServerConversations({})).resolves.toMatchObject({ type: 0 })
  })

  it('§6.26 rate limit with answer "maxLimit": {type:50, message: the raw JSON body}, no data', async () => {
    const { server, clock } = setup({ rateLimit: { maxPerSecond: 2, answer: 'maxLimit' } })
    const alice = server.connect('alice')
    await alice.getServerConversations({})
    await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })
    const limited = await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: 5 }))
    // As the real SDK: the whole JSON body is the message, and there is no `data`.
    expect(limited).toEqual({ type: 50, message: '{"error":"resource_limited","error_description":"The request has reached the maximum limit"}' })
    expect(Object.keys(limited as object).sort()).toEqual(['message', 'type'])
    expect(JSON.parse((limited as { message: string }).message)).toMatchObject({ error_description: 'The request has reached the maximum limit' })
    // The limit is per app key: another user's requests count toward it too.
    const bob = server.connect('bob')
    expect((await rejectionOf(bob.getServerConversations({}))).type).toBe(50)
    clock.t += 1000
    await expect(bob.getServerConversations({})).resolves.toMatchObject({ type: 0 })
    server.configure({ rateLimit: null })
    const many = await Promise.all(Array.from({ length: 20 }, () => bob.getServerConversations({})))
    expect(many).toHaveLength(20)
  })

  it('§6.26 timeout: {type:-1, message:"Request Timeout"} after 15 s (requestTimeoutMs)', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 })
    const server = createRoamingServer({ network: 'timeout' })
    const alice = server.connect('alice')
    const t = track(alice.getServerConversations({}))
    await vi.advanceTimersByTimeAsync(14_999)
    expect(t.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(t.state).toBe('rejected')
    expect(t.error).toMatchObject({ type: -1, message: 'Request Timeout', errorType: 'timeout_error' })
    expect(server.requests[0]?.outcome).toBe('timeout')
    server.configure({ requestTimeoutMs: 500 })
    const t2 = track(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))
    await vi.advanceTimersByTimeAsync(500)
    expect((t2.error as { type: number }).type).toBe(-1)
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import { RoamingArgumentError, RoamingError, SdkCode, toRoamingError } from '../../src/client/RoamingError'
import type { SdkConnection } from '../../src/client/sdkTypes'
import type { RoamingClient } from '../../src/client/types'
import { ErrorEvent } from '../../src/testing'
import { sendMany, setup, wrapConnection } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** One valid call of every client method, with the SDK method it makes. */
const CALLS: Array<{ sdk: keyof SdkConnection; op: string; run: (c: RoamingClient) => Promise<unknown> }> = [
  { sdk: 'getServerConversations', op: 'getConversations', run: (c) => c.getConversations() },
  { sdk: 'getServerPinnedConversations', op: 'getPinnedConversations', run: (c) => c.getPinnedConversations({ pageSize: 5 }) },
  { sdk: 'getServerConversationsByFilter', op: 'getMarkedConversations', run: (c) => c.getMarkedConversations({ mark: 2 }) },
  { sdk: 'deleteAllMessagesAndConversations', op: 'deleteAllConversations', run: (c) => c.deleteAllConversations() },
  { sdk: 'getConversationlist', op: 'getLegacyConversations', run: (c) => c.getLegacyConversations({ pageNum: 1, pageSize: 10 }) },
  { sdk: 'getHistoryMessages', op: 'getHistory', run: (c) => c.getHistory({ conversationId: 'bob', chatType: 'singleChat' }) },
  { sdk: 'removeHistoryMessages', op: 'removeMessages', run: (c) => c.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: ['1'] }) },
  { sdk: 'removeHistoryMessages', op: 'removeMessages', run: (c) => c.removeMessages({ conversationId: 'bob', chatType: 'singleChat', before: 1000 }) },
  { sdk: 'deleteConversation', op: 'deleteConversation', run: (c) => c.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: false }) },
  { sdk: 'pinConversation', op: 'pinConversation', run: (c) => c.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }) },
]

/** Calls `run` and checks that it returned a promise instead of throwing. */
function callWithoutThrowing(run: () => Promise<unknown>): Promise<unknown> {
  let result: unknown
  expect(() => { result = run() }).not.toThrow()
  expect(result).toBeInstanceOf(Promise)
  return result as Promise<unknown>
}

async function rejection(promise: Promise<unknown>): Promise<RoamingError> {
  const error = await promise.then(() => { throw new Error('expected a rejection') }, (e: unknown) => e)
  expect(error).toBeInstanceOf(RoamingError)
  return error as RoamingError
}

describe('synchronous SDK throws become rejections', () => {
  it.each(CALLS)('$sdk throwing an Error synchronously → rejected RoamingError (via $op)', async ({ sdk, op, run }) => {
    vi.useFakeTimers()
    const { server, conn } = setup()
    const thrown = new Error(`Invalid parameter pageSize: 5`)
    const client = createRoamingClient(wrapConnection(conn, { [sdk]: () => { throw thrown } }))
    const error = await rejection(callWithoutThrowing(() => run(client)))
    expect(error).toMatchObject({ name: 'RoamingError', code: -3, retryable: false, operation: op })
    expect(error.cause).toBe(thrown)
    expect(error.message).toContain('Invalid parameter pageSize: 5')
    expect(error).not.toBeInstanceOf(RoamingArgumentError)
    expect(server.requests).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('maps a synchronously thrown ErrorEvent by its type, and a thrown string to 999', async () => {
    const { conn } = setup()
    const event = new ErrorEvent({ type: 39, message: 'not login' })
    const a = createRoamingClient(wrapConnection(conn, { deleteConversation: () => { throw event } }))
    const e1 = await rejection(callWithoutThrowing(() => a.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: true })))
    expect(e1).toMatchObject({ code: 39, retryable: false, message: 'deleteConversation: not login' })
    expect(e1.cause).toBe(event)

    const b = createRoamingClient(wrapConnection(conn, { getServerConversations: () => { throw 'weird' } }))
    const e2 = await rejection(callWithoutThrowing(() => b.getConversations()))
    expect(e2).toMatchObject({ code: 999, retryable: false, operation: 'getConversations' })
    expect(e2.cause).toBe('weird')
  })

  it('the real simulated deleteConversation throws synchronously, the adapter still rejects', async () => {
    const { server, conn } = setup()
    // The SDK itself throws here (spec §4.1): this is what the adapter must absorb.
    expect(() => conn.deleteConversation({ channel: 'bob', chatType: 'chatRoom' as 'singleChat', deleteRoam: true })).toThrow('Invalid parameter chatType: chatRoom')
    expect(() => conn.deleteConversation({ channel: 5 as unknown as string, chatType: 'singleChat', deleteRoam: true })).toThrow('Invalid parameter channel: 5')
    const client = createRoamingClient(wrapConnection(conn, {
      deleteConversation: (p) => conn.deleteConversation({ ...p, chatType: 'chatRoom' as 'singleChat' }),
    }))
    const error = await rejection(callWithoutThrowing(() => client.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: true })))
    expect(error).toMatchObject({ code: -3, retryable: false, operation: 'deleteConversation' })
    expect((error.cause as Error).message).toBe('Invalid parameter chatType: chatRoom')
    expect(server.requests).toEqual([])
  })

  it('the simulated deleteConversation accepts channel "" as the real SDK does (typeof check only): the request is sent', async () => {
    const { server, conn } = setup()
    await expect(conn.deleteConversation({ channel: '', chatType: 'singleChat', deleteRoam: true })).resolves.toMatchObject({ type: 0 })
    expect(server.requests.map((r) => [r.method, (r.params as { channel: string }).channel, r.outcome])).toEqual([['deleteConversation', '', 'ok']])
  })
})

describe('the three error shapes become one RoamingError', () => {
  it('plain Error from the SDK validation → code -3, not retryable, original cause', async () => {
    const { conn } = setup()
    const client = createRoamingClient(wrapConnection(conn, { getHistoryMessages: (o) => conn.getHistoryMessages({ ...o, targetId: '' }) }))
    const error = await rejection(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
    expect(error).toMatchObject({ name: 'RoamingError', code: -3, retryable: false, operation: 'getHistory' })
    expect(error.cause).toBeInstanceOf(Error)
    expect((error.cause as Error).message).toBe('"Invalid parameter": "targetId"')
  })

  it.each(CALLS)('ErrorEvent "not login" after conn.close() → code 39 ($op)', async ({ op, run }) => {
    vi.useFakeTimers()
    const { server, conn, client } = setup()
    conn.close()
    const error = await rejection(callWithoutThrowing(() => run(client)))
    expect(error).toMatchObject({ code: 39, retryable: false, operation: op, message: `${op}: not login` })
    expect(error.cause).toBeInstanceOf(ErrorEvent)
    expect(error.cause).not.toBeInstanceOf(Error)
    expect(error.cause).toMatchObject({ type: 39, message: 'not login' })
    expect(server.requests).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rate limit "busy" → 500, retryable, the plain object as cause', async () => {
    vi.useFakeTimers()
    const { server, client } = setup({ server: { rateLimit: { maxPerSecond: 2, answer: 'busy' } } })
    await client.getConversations()
    await client.getConversations()
    const error = await rejection(client.getConversations())
    expect(error).toMatchObject({ code: 500, retryable: true, operation: 'getConversations', message: 'getConversations: Server is busy.' })
    // As on the real SDK, `data` is the raw response body, a string.
    expect(error.cause).toEqual({ type: 500, message: 'Server is busy.', data: '{"error":"server_busy","error_description":"Server is busy."}' })
    expect(Object.getPrototypeOf(error.cause)).toBe(Object.prototype)
    expect(server.requests.map((r) => r.outcome)).toEqual(['ok', 'ok', 'throttled'])
    // A second later the window has moved on.
    vi.advanceTimersByTime(1001)
    await expect(client.getConversations()).resolves.toMatchObject({ nextCursor: null })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rate limit "maxLimit" → 50, retryable', async () => {
    vi.useFakeTimers()
    const { server, client } = setup({ server: { rateLimit: { maxPerSecond: 1, answer: 'maxLimit' } } })
    sendMany(server, 2, { from: 'bob', to: 'alice' })
    await client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })
    const error = await rejection(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
    expect(error).toMatchObject({ code: 50, retryable: true, operation: 'getHistory' })
    // The SDK's message is the raw JSON body and there is no `data`; the adapter shows the body's description.
    expect(error.cause).toEqual({ type: 50, message: '{"error":"resource_limited","error_description":"The request has reached the maximum limit"}' })
    expect(error.message).toBe('getHistory: The request has reached the maximum limit')
  })

  it('network offline → -2, retryable', async () => {
    const { server, client } = setup()
    server.configure({ network: 'offline' })
    const error = await rejection(client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }))
    expect(error).toMatchObject({ code: -2, retryable: true, operation: 'pinConversation' })
    expect(error.cause).toMatchObject({ type: -2, errorType: 'onerror' })
    expect(server.requests.map((r) => r.outcome)).toEqual(['offline'])
  })

  it("network timeout → -1 after the SDK's 15 s, retryable", async () => {
    vi.useFakeTimers()
    const { server, client } = setup()
    server.configure({ network: 'timeout' })
    let settled: unknown = 'pending'
    const call = client.getConversations().then(() => 'resolved', (e: unknown) => e)
    void call.then((v) => { settled = v })
    await vi.advanceTimersByTimeAsync(14_999)
    expect(settled).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    const error = (await call) as RoamingError
    expect(error).toBeInstanceOf(RoamingError)
    expect(error).toMatchObject({ code: -1, retryable: true, operation: 'getConversations', message: 'getConversations: Request Timeout' })
    // The SDK's own timeout object, not the adapter's bound (which has no cause).
    expect(error.cause).toMatchObject({ type: -1, errorType: 'timeout_error' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it.each([
    ['ajax', 17, false, ''],
    ['busy', 500, true, 'Server is busy.'],
    ['unknown', -2, true, 'Request Unknow Error'],
  ] as const)("failure '%s' → %i (retryable %s)", async (failure, code, retryable, text) => {
    const { server, client } = setup({ server: { failureRate: 1, failure } })
    const error = await rejection(client.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: false }))
    expect(error).toMatchObject({ code, retryable, operation: 'deleteConversation' })
    expect(error.message).toBe(`deleteConversation: ${text || 'SDK error 17'}`)
    expect((error.cause as { type: number }).type).toBe(code)
    expect(server.requests.map((r) => r.outcome)).toEqual(['failed'])
  })

  it('a server-side 400 (forged cursor, pinned limit) → 17 with the description', async () => {
    const { server, client } = setup({ server: { pinnedLimit: 1 } })
    sendMany(server, 1, { from: 'bob', to: 'alice' })
    sendMany(server, 1, { from: 'carol', to: 'alice' })
    await expect(client.getConversations({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 17, retryable: false, message: 'getConversations: invalid cursor' })
    await client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true })
    await expect(client.pinConversation({ conversationId: 'carol', chatType: 'singleChat', isPinned: true }))
      .rejects.toMatchObject({ code: 17, message: 'pinConversation: pinned conversation count exceeds the limit' })
  })

  it('the same call succeeds once the fault is gone (nothing is cached)', async () => {
    const { server, client } = setup()
    sendMany(server, 3, { from: 'bob', to: 'alice' })
    server.configure({ network: 'offline' })
    await expect(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })).rejects.toMatchObject({ code: -2 })
    server.configure({ network: 'online' })
    expect((await client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })).messages).toHaveLength(3)
  })
})

describe('toRoamingError: plain Errors and raw JSON messages', () => {
  it.each([
    ['Invalid parameter pageSize: 5', -3],
    ['"Invalid parameter": "targetId"', -3],
    ['messageIds or beforeTimeStamp field is required.', -3],
    ['sync', 999],
    ["Cannot read properties of undefined (reading 'msgs')", 999],
  ] as const)('a plain Error %j → code %i, not retryable, cause kept', (text, code) => {
    const thrown = text.startsWith('Cannot') ? new TypeError(text) : new Error(text)
    const error = toRoamingError(thrown, 'getHistory')
    expect(error).toBeInstanceOf(RoamingError)
    expect(error).toMatchObject({ code, retryable: false, operation: 'getHistory', message: `getHistory: ${text}` })
    expect(error.cause).toBe(thrown)
  })

  it('a SDK error thrown synchronously that is no parameter check (a TypeError) → 999 through the client', async () => {
    const { server, conn } = setup()
    const thrown = new TypeError("Cannot read properties of undefined (reading 'data')")
    const client = createRoamingClient(wrapConnection(conn, { getServerConversations: () => { throw thrown } }))
    const error = await rejection(callWithoutThrowing(() => client.getConversations()))
    expect(error).toMatchObject({ code: 999, retryable: false, operation: 'getConversations' })
    expect(error.cause).toBe(thrown)
    expect(server.requests).toEqual([])
  })

  it('code 50 with the raw JSON body as message → the message is its error_description; the cause is unchanged', () => {
    const cause = { type: 50, message: '{"error":"resource_limited","error_description":"The request has reached the maximum limit","timestamp":1,"duration":0}' }
    const error = toRoamingError(cause, 'pinConversation')
    expect(error).toMatchObject({ code: 50, retryable: true, operation: 'pinConversation', message: 'pinConversation: The request has reached the maximum limit' })
    expect(error.cause).toBe(cause)
    expect(cause.message).toMatch(/^\{"error":"resource_limited"/)
  })

  it.each([
    ['not JSON', 'The request has reached the maximum limit', 'The request has reached the maximum limit'],
    ['JSON that does not parse', '{"error":"resource_limited",', '{"error":"resource_limited",'],
    ['JSON without error_description', '{"error":"resource_limited"}', '{"error":"resource_limited"}'],
    ['an empty error_description', '{"error":"x","error_description":""}', '{"error":"x","error_description":""}'],
    ['a non-string error_description', '{"error":"x","error_description":5}', '{"error":"x","error_description":5}'],
  ])('code 50 with %s → the message is kept as is', (_, message, expected) => {
    expect(toRoamingError({ type: 50, message }, 'getConversations').message).toBe(`getConversations: ${expected}`)
  })

  it('an empty message falls back to "SDK error <code>"', () => {
    expect(toRoamingError({ type: 50, message: '' }, 'getConversations').message).toBe('getConversations: SDK error 50')
  })

  it('new codes: 700 (not logged in, appKey init) and 28 are not retryable; SdkCode names them', () => {
    expect(SdkCode.REST_PARAMS_STATUS).toBe(700)
    expect(SdkCode.TOKEN_NOT_ASSIGNED).toBe(28)
    expect(toRoamingError({ type: 700, message: 'appkey or token error' }, 'getHistory')).toMatchObject({ code: 700, retryable: false, message: 'getHistory: appkey or token error' })
    expect(toRoamingError({ type: 28, message: 'token not assign error' }, 'getHistory')).toMatchObject({ code: 28, retryable: false })
  })
})

describe("the simulator's initWith: 'appKey' (easemob) through the client", () => {
  it.each(CALLS)('logged out → 700 "appkey or token error", not retryable ($op)', async ({ op, run }) => {
    vi.useFakeTimers()
    const { server, conn, client } = setup({ server: { initWith: 'appKey' } })
    conn.close()
    const error = await rejection(callWithoutThrowing(() => run(client)))
    expect(error).toMatchObject({ code: 700, retryable: false, operation: op, message: `${op}: appkey or token error` })
    expect(error.cause).toBeInstanceOf(ErrorEvent)
    expect(error.cause).toMatchObject({ type: 700, message: 'appkey or token error' })
    expect(server.requests).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })
})

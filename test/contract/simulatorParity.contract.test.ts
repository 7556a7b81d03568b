/**
 * The simulator (`createRoamingServer`, src/testing.ts) against the real SDKs: for the same calls, the same
 * result envelopes, error shapes, sync-throw-vs-rejection behaviour and event payloads? Where they differ, the
 * test asserts the ACTUAL behaviour of each and says so in a comment (the report lists the fixes).
 */
import { createRoamingClient } from '../../src/index'
import type { RoamingClient, RoamingError, SdkConnection } from '../../src/index'
import { createRoamingServer, type RoamingServer } from '../../src/testing'
import { captureUnhandledRejections, rejection, settle } from './async'
import { BOB_UP_PAGE, LAST_FROM_BOB } from './fixtures'
import {
  SDKS, channelInfo, fakeLogin, flush, historyAnswer, installNetwork, json, newConnection, restError, restMeta,
  type RealConnection, type Reply,
} from './harness'

/** The structure of a value: object keys (sorted) with the structure of each, array element structure, typeof. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])]
  if (value === null) return 'null'
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]))
  }
  return typeof value
}
const keys = (value: unknown) => Object.keys(value as object).sort()

type Outcome = { kind: 'throws' | 'rejects' | 'resolves' | 'pending'; value?: unknown }
async function outcome(call: () => unknown): Promise<Outcome> {
  let result: unknown
  try {
    result = call()
  } catch (error) {
    return { kind: 'throws', value: error }
  }
  const s = settle(Promise.resolve(result))
  await flush(50)
  if (!s.settled) return { kind: 'pending' }
  try {
    return { kind: 'resolves', value: await s.value() }
  } catch {
    return { kind: 'rejects', value: await s.error() }
  }
}

describe.each(SDKS)('simulator vs the real $name', (sdk) => {
  let real: RealConnection
  let net: ReturnType<typeof installNetwork>
  let server: RoamingServer

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_100_000 })
    real = newConnection(sdk)
    fakeLogin(real, sdk, 'alice')
    net = installNetwork(() => json({}))
    server = createRoamingServer({ seed: 1, appKey: sdk.appKey })
    server.createGroup('g1', ['alice', 'carol'])
  })
  afterEach(() => {
    net.restore()
    window.dispatchEvent(new Event('beforeunload'))
    vi.clearAllTimers()
    vi.useRealTimers()
  })

  const simConn = (user = 'alice') => server.connect(user)
  const adapt = (c: unknown) => createRoamingClient(c as SdkConnection, { warn: () => {} })

  // -------------------------------------------------------------------------------------------------------------
  describe('result envelopes (raw SDK level)', () => {
    test('getServerConversations: { type, data: { conversations, cursor } }; item and lastMessage keys', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'hello', ext: { k: '1' } })
      const sim = (await simConn().getServerConversations({ pageSize: 20 })) as unknown as { data: { conversations: Array<Record<string, unknown>> } }
      net.respond(() => json({ data: { cursor: '', channel_infos: [channelInfo({ id: 'bob', unread: 1, last: LAST_FROM_BOB })] } }))
      const got = (await real.getServerConversations({ pageSize: 20 })) as typeof sim

      expect(keys(sim)).toEqual(keys(got))
      expect(keys(sim.data)).toEqual(['conversations', 'cursor'])
      expect(keys(got.data)).toEqual(['conversations', 'cursor'])
      expect(shape(sim.data.conversations[0]!.lastMessage)).toEqual(shape(got.data.conversations[0]!.lastMessage))
      // Both set `marks` only when the server has marks for the conversation.
      expect(keys(got.data.conversations[0])).toEqual(['conversationId', 'conversationType', 'isPinned', 'lastMessage', 'pinnedTime', 'unReadCount'])
      expect(keys(sim.data.conversations[0])).toEqual(keys(got.data.conversations[0]))
      expect(shape(sim.data.conversations[0])).toEqual(shape(got.data.conversations[0]))
    })

    test('getServerConversations with marks: both give `marks` as an array of numbers', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'hello', ext: { k: '1' } })
      const s = simConn()
      await s.addConversationMark({ conversations: [{ conversationId: 'bob', conversationType: 'singleChat' }], mark: 4 })
      const sim = (await s.getServerConversations({ pageSize: 20 })) as unknown as { data: { conversations: Array<Record<string, unknown>> } }
      net.respond(() => json({ data: { cursor: '', channel_infos: [channelInfo({ id: 'bob', unread: 1, last: LAST_FROM_BOB, marks: ['mark_4'] })] } }))
      const got = (await real.getServerConversations({ pageSize: 20 })) as typeof sim
      expect(keys(sim.data.conversations[0])).toEqual(['conversationId', 'conversationType', 'isPinned', 'lastMessage', 'marks', 'pinnedTime', 'unReadCount'])
      expect(keys(got.data.conversations[0])).toEqual(keys(sim.data.conversations[0]))
      expect(sim.data.conversations[0]!.marks).toEqual([4])
      expect(got.data.conversations[0]!.marks).toEqual(sim.data.conversations[0]!.marks)
    })

    test('getServerConversationsByFilter: the same envelope and item keys as the list', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'hello' })
      server.sendMessage({ from: 'dave', to: 'alice', text: 'hi' })
      const s = simConn()
      await s.addConversationMark({ conversations: [{ conversationId: 'bob', conversationType: 'singleChat' }], mark: 4 })
      const sim = (await s.getServerConversationsByFilter({ filter: { mark: 4 } })) as unknown as { data: { conversations: Array<Record<string, unknown>> } }
      net.respond(() => json({ data: { cursor: '', channel_infos: [channelInfo({ id: 'bob', last: LAST_FROM_BOB, marks: ['mark_4'] })] } }))
      const got = (await real.getServerConversationsByFilter({ filter: { mark: 4 } })) as typeof sim
      expect(keys(sim)).toEqual(keys(got))
      expect(keys(sim.data)).toEqual(keys(got.data))
      expect(sim.data.conversations.map((c) => c.conversationId)).toEqual(['bob'])
      expect(keys(sim.data.conversations[0])).toEqual(keys(got.data.conversations[0]))
      expect(got.data.conversations[0]!.marks).toEqual([4])
    })

    test('getHistoryMessages: a bare { cursor, messages, isLast }; txt and custom bodies have the same keys', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'older' })
      server.sendMessage({ from: 'alice', to: 'bob', type: 'custom', customEvent: 'ev' })
      server.sendMessage({ from: 'bob', to: 'alice', text: 'newest', ext: { k: 'v' } })
      const sim = (await simConn().getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 2 })) as unknown as { cursor?: string; messages: Array<Record<string, unknown>>; isLast: boolean }
      net.respond(() => json(historyAnswer(real.root, sdk.appKey, BOB_UP_PAGE.slice(0, 2), 'nk', false)))
      const got = (await real.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 2 })) as typeof sim

      expect(keys(sim)).toEqual(['cursor', 'isLast', 'messages'])
      expect(keys(got)).toEqual(['cursor', 'isLast', 'messages'])
      expect(sim.messages.map((m) => m.type)).toEqual(['txt', 'custom'])
      expect(got.messages.map((m) => m.type)).toEqual(['txt', 'custom'])
      expect(shape(sim.messages[0])).toEqual(shape(got.messages[0]))
      expect(shape(sim.messages[1])).toEqual(shape(got.messages[1]))
    })

    test('last page: both give cursor undefined and isLast true', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'only' })
      const sim = (await simConn().getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 20 })) as unknown as Record<string, unknown>
      net.respond(() => json(historyAnswer(real.root, sdk.appKey, BOB_UP_PAGE.slice(0, 1), undefined, true)))
      const got = (await real.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 20 })) as unknown as Record<string, unknown>
      expect([sim.cursor, sim.isLast]).toEqual([undefined, true])
      expect([got.cursor, got.isLast]).toEqual([undefined, true])
      expect('cursor' in sim && 'cursor' in got).toBe(true)
    })

    test('image bodies: the real SDK adds secret/thumb_secret/file_length and rewrites the URL; the simulator does not', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://cdn.example.test/a.png', width: 640, height: 480 })
      const sim = (await simConn().getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })) as unknown as { messages: Array<Record<string, unknown>> }
      net.respond(() => json(historyAnswer(real.root, sdk.appKey, [BOB_UP_PAGE[2]!], undefined, true)))
      const got = (await real.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })) as typeof sim
      expect(keys(got.messages[0])).toEqual(['chatType', 'ext', 'file_length', 'from', 'height', 'id', 'onlineState', 'secret', 'thumb', 'thumb_secret', 'time', 'to', 'type', 'url', 'width'])
      expect(keys(sim.messages[0])).toEqual(['chatType', 'ext', 'from', 'height', 'id', 'onlineState', 'time', 'to', 'type', 'url', 'width'])
    })

    test('pinConversation { type:0, data:{ isPinned, pinnedTime } }; removeHistoryMessages undefined; deleteConversation raw JSON + type 0', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
      const s = simConn()
      net.respond((r) => (r.path.endsWith('/top') ? json({ data: { is_top: true, update_top_status_time: 5 } })
        : json({ action: 'delete', data: { result: 'ok' }, timestamp: 1, duration: 1, path: '/user/alice/user_channel', uri: 'u', entities: [], organization: 'org1', application: 'app1', applicationName: 'app1' })))

      const simPin = await s.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
      const realPin = await real.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
      expect(shape(simPin)).toEqual(shape(realPin))
      expect(shape(realPin)).toEqual({ type: 'number', data: { isPinned: 'boolean', pinnedTime: 'number' } })

      await expect(s.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: ['1'] })).resolves.toBeUndefined()
      await expect(real.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: ['1'] })).resolves.toBeUndefined()

      const simDel = await s.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
      const realDel = await real.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
      expect(keys(simDel)).toEqual(keys(realDel))
      expect(realDel).toMatchObject({ type: 0, data: { result: 'ok' } })
    })

    test('getConversationlist (legacy): channel_infos entries { channel_id, lastMessage, unread_num }; custom customExts stay an array on both', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', type: 'custom', customEvent: 'card', customExts: { name: 'Ann', age: '7' }, ext: { k: '1' } })
      const sim = (await simConn().getConversationlist({ pageNum: 1, pageSize: 20 })) as { data: { channel_infos: Array<Record<string, any>> } }
      const meta = restMeta({ ...LAST_FROM_BOB, kind: 'custom', customEvent: 'card' })
      const payload = JSON.parse(meta.payload)
      payload.bodies[0].customExts = [{ name: 'Ann' }, { age: '7' }]
      net.respond(() => json({ data: { channel_infos: [{ channel_id: `${sdk.appKey}_bob@easemob.com`, meta: { ...meta, payload: JSON.stringify(payload) }, unread_num: 1 }] } }))
      const got = (await real.getConversationlist({ pageNum: 1, pageSize: 20 })) as typeof sim
      expect(keys(sim.data.channel_infos[0])).toEqual(keys(got.data.channel_infos[0]))
      expect(sim.data.channel_infos[0]!.channel_id).toBe(`${sdk.appKey}_bob@easemob.com`)
      // Both leave the legacy customExts as the server's array of one-key objects.
      expect(got.data.channel_infos[0]!.lastMessage.customExts).toEqual([{ name: 'Ann' }, { age: '7' }])
      expect(sim.data.channel_infos[0]!.lastMessage.customExts).toEqual(got.data.channel_infos[0]!.lastMessage.customExts)
      // Same body otherwise, except `params`: the simulator's custom body always has `params: {}`; the real SDK's
      // REST meta parse copies only what the payload holds (the fixture's payload has no `params`).
      const { params, ...simLast } = sim.data.channel_infos[0]!.lastMessage
      expect(params).toEqual({})
      expect('params' in got.data.channel_infos[0]!.lastMessage).toBe(false)
      expect(shape(simLast)).toEqual(shape(got.data.channel_infos[0]!.lastMessage))
      // Through the adapter, both become the same merged object.
      const a = await adapt(real).getLegacyConversations({ pageNum: 1, pageSize: 20 })
      const b = await adapt(simConn()).getLegacyConversations({ pageNum: 1, pageSize: 20 })
      const exts = (p: typeof a) => { const m = p.conversations[0]?.lastMessage; return m && 'customExts' in m ? m.customExts : undefined }
      expect(exts(a)).toEqual({ name: 'Ann', age: '7' })
      expect(exts(b)).toEqual(exts(a))
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('the adapter on both gives the same domain shapes', () => {
    async function both(call: (c: RoamingClient) => Promise<unknown>, reply: Reply, seed: () => void) {
      seed()
      const sim = await call(adapt(simConn()))
      net.respond(() => reply)
      const got = await call(adapt(real))
      return { sim, got }
    }

    test('getConversations', async () => {
      const { sim, got } = await both((c) => c.getConversations(),
        json({ data: { cursor: '', channel_infos: [channelInfo({ id: 'bob', unread: 1, last: LAST_FROM_BOB })] } }),
        () => { server.sendMessage({ from: 'bob', to: 'alice', text: 'hello', ext: { k: '1' } }) })
      expect(shape(sim)).toEqual(shape(got))
    })

    test('getHistory up: ascending, same message shapes', async () => {
      const { sim, got } = await both((c) => c.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 3 }),
        json(historyAnswer(real.root, sdk.appKey, BOB_UP_PAGE, undefined, true)),
        () => {
          server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://cdn.example.test/a.png', width: 640, height: 480, thumb: 't' })
          server.sendMessage({ from: 'alice', to: 'bob', type: 'custom', customEvent: 'ev' })
          server.sendMessage({ from: 'bob', to: 'alice', text: 'newest', ext: { k: 'v' } })
        })
      expect(shape(sim)).toEqual(shape(got))
      const times = (p: unknown) => (p as { messages: Array<{ time: number }> }).messages.map((m) => m.time)
      expect(times(sim)).toEqual([...times(sim)].sort((a, b) => a - b))
      expect(times(got)).toEqual([...times(got)].sort((a, b) => a - b))
    })

    test('pinConversation', async () => {
      const { sim, got } = await both((c) => c.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }),
        json({ data: { is_top: true, update_top_status_time: 5 } }), () => { server.sendMessage({ from: 'bob', to: 'alice', text: 'x' }) })
      expect(shape(sim)).toEqual(shape(got))
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('error shapes', () => {
    /** The raw SDK error of `getServerConversations` under a failure, from both. */
    async function rawErrors(configure: Parameters<RoamingServer['configure']>[0], reply: Reply, advance = 0) {
      server.configure(configure)
      const s = settle(simConn().getServerConversations({ pageSize: 20 }))
      net.respond(() => reply)
      const r = settle(real.getServerConversations({ pageSize: 20 }))
      await vi.advanceTimersByTimeAsync(advance)
      return { sim: await s.error<Record<string, unknown>>(), got: await r.error<Record<string, unknown>>() }
    }

    test('server busy (429/503): same type and message; data is the raw JSON body STRING on both', async () => {
      const { sim, got } = await rawErrors({ failureRate: 1, failure: 'busy' }, restError(429, 'busy', 'Too many requests'))
      expect([sim.type, sim.message]).toEqual([500, 'Server is busy.'])
      expect([got.type, got.message]).toEqual([500, 'Server is busy.'])
      expect(keys(sim)).toEqual(keys(got))
      expect(typeof got.data).toBe('string')
      expect(typeof sim.data).toBe('string')
      expect(keys(JSON.parse(sim.data as string))).toEqual(['error', 'error_description'])
      expect(JSON.parse(got.data as string)).toMatchObject({ error: 'busy', error_description: 'Too many requests' })
    })

    test('maximum limit: on both the message is the raw JSON body and there is no data; the adapter shows the description', async () => {
      server.configure({ rateLimit: { maxPerSecond: 1, answer: 'maxLimit' } })
      const s = simConn()
      await s.getServerConversations({ pageSize: 20 }) // the first request of the second passes
      const sim = await rejection<Record<string, unknown>>(s.getServerConversations({ pageSize: 20 }))
      net.respond(() => restError(429, 'limit', 'The request has reached the maximum limit'))
      const got = await rejection<Record<string, unknown>>(real.getServerConversations({ pageSize: 20 }))
      expect([sim.type, got.type]).toEqual([50, 50])
      expect(JSON.parse(sim.message as string)).toMatchObject({ error_description: 'The request has reached the maximum limit' })
      expect(JSON.parse(got.message as string)).toMatchObject({ error_description: 'The request has reached the maximum limit' })
      expect(keys(sim)).toEqual(['message', 'type'])
      expect(keys(got)).toEqual(['message', 'type'])
      // Through the adapter: the same code and the same message (the body's description).
      const a = await rejection<RoamingError>(adapt(real).getConversations())
      const b = await rejection<RoamingError>(adapt(s).getConversations())
      expect([a.code, b.code]).toEqual([50, 50])
      expect([a.retryable, b.retryable]).toEqual([true, true])
      expect(a.message).toBe('getConversations: The request has reached the maximum limit')
      expect(b.message).toBe(a.message)
    })

    test('HTTP 500 → type 17 message "" on both; data is the raw JSON body string on both', async () => {
      const { sim, got } = await rawErrors({ failureRate: 1, failure: 'ajax' }, restError(500, 'x', 'y'))
      expect([sim.type, sim.message, got.type, got.message]).toEqual([17, '', 17, ''])
      expect(keys(sim)).toEqual(keys(got))
      expect(typeof got.data).toBe('string')
      expect(typeof sim.data).toBe('string')
      expect(JSON.parse(sim.data as string)).toEqual({ error: 'bad_request', error_description: '' })
      expect(JSON.parse(got.data as string)).toMatchObject({ error: 'x', error_description: 'y' })
    })

    test('timeout: -1 "Request Timeout" errorType timeout_error on both; only the real one carries the xhr', async () => {
      const { sim, got } = await rawErrors({ network: 'timeout' }, 'timeout', 15_000)
      expect(sim).toEqual({ type: -1, message: 'Request Timeout', errorType: 'timeout_error' })
      expect(got).toMatchObject({ type: -1, message: 'Request Timeout', errorType: 'timeout_error' })
      expect(keys(got)).toEqual(['errorType', 'message', 'type', 'xhr'])
    })

    test('offline: -2 "Request Unknow Error" on both; only the real one carries the xhr', async () => {
      const { sim, got } = await rawErrors({ network: 'offline' }, 'error')
      expect(sim).toEqual({ type: -2, message: 'Request Unknow Error', errorType: 'onerror' })
      expect(keys(got)).toEqual(['errorType', 'message', 'type', 'xhr'])
    })

    test('not logged in: with initWith as the app creates the connection, the simulator answers as the real SDK (39 appId, 700 appKey)', async () => {
      const initWith = 'appKey' in sdk.init ? 'appKey' : 'appId'
      expect(initWith).toBe(sdk.name === 'easemob-websdk' ? 'appKey' : 'appId')
      server.configure({ initWith })
      const freshReal = newConnection(sdk)
      const freshSim = server.connect('alice', { open: false })
      const got = await rejection<Record<string, unknown>>(freshReal.getServerConversations({}))
      const sim = await rejection<Record<string, unknown>>(freshSim.getServerConversations({}))
      const expected = sdk.notLoggedInCode === 39 ? { type: 39, message: 'not login' } : { type: 700, message: 'appkey or token error' }
      expect(got).toMatchObject(expected)
      expect(sim).toMatchObject(expected)
      expect([sim.type, sim.message]).toEqual([got.type, got.message])
      // Both are class instances that are not Errors, with the same own keys.
      expect(got).not.toBeInstanceOf(Error)
      expect(sim).not.toBeInstanceOf(Error)
      expect(keys(sim)).toEqual(keys(got)) // both have an own `data: undefined`
      expect(keys(got)).toEqual(['data', 'message', 'type'])
      const a = await rejection<RoamingError>(adapt(freshReal).getConversations())
      const b = await rejection<RoamingError>(adapt(freshSim).getConversations())
      expect(a.code).toBe(sdk.notLoggedInCode)
      expect(b.code).toBe(a.code)
      expect(b.message).toBe(a.message)
      expect([a.retryable, b.retryable]).toEqual([false, false])
      // No socket yet: `isOpened()` is false on both; logged out (the run-time `logOut`, no `disconnectedReason`), so
      // the adapter's state is a stop, a logout.
      expect([freshReal.isOpened(), freshSim.isOpened()]).toEqual([false, false])
      expect([freshReal.logOut, freshSim.logOut, freshReal.disconnectedReason, freshSim.disconnectedReason]).toEqual([true, true, undefined, undefined])
      expect([adapt(freshReal).connectionState?.(), adapt(freshSim).connectionState?.()]).toEqual(['loggedOut', 'loggedOut'])
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('sync throw vs rejection vs hang', () => {
    test('the same outcome kind for bad arguments and for logged-out calls, except where noted', async () => {
      net.respond(() => json({ data: { result: 'ok' } }))
      const loggedOutReal = newConnection(sdk)
      const s = simConn()
      const loggedOutSim = server.connect('alice', { open: false })
      const cases: Array<[string, (c: any) => unknown, 'in' | 'out']> = [
        ['getServerConversations bad pageSize', (c) => c.getServerConversations({ pageSize: '5' }), 'in'],
        ['getServerConversations logged out', (c) => c.getServerConversations({ pageSize: '5' }), 'out'],
        ['pinConversation bad isPinned', (c) => c.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: 1 }), 'in'],
        ['pinConversation logged out', (c) => c.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true }), 'out'],
        ['getHistoryMessages bad targetId', (c) => c.getHistoryMessages({ targetId: '', chatType: 'singleChat' }), 'in'],
        ['removeHistoryMessages 21 ids', (c) => c.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: Array.from({ length: 21 }, (_, i) => String(i)) }), 'in'],
        ['removeHistoryMessages beforeTimeStamp 0', (c) => c.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: 0 }), 'in'],
        ['removeHistoryMessages logged out', (c) => c.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: 5 }), 'out'],
        ['deleteConversation bad deleteRoam', (c) => c.deleteConversation({ channel: 'bob', chatType: 'singleChat' }), 'in'],
        ['deleteConversation chatRoom', (c) => c.deleteConversation({ channel: 'bob', chatType: 'chatRoom', deleteRoam: true }), 'in'],
        ['deleteConversation logged out', (c) => c.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true }), 'out'],
        ['getConversationlist logged out', (c) => c.getConversationlist({}), 'out'],
        ['getServerConversationsByFilter no mark', (c) => c.getServerConversationsByFilter({ pageSize: 5, filter: {} }), 'in'],
        ['getServerConversationsByFilter logged out', (c) => c.getServerConversationsByFilter({ filter: { mark: 1 } }), 'out'],
        ['deleteAllMessagesAndConversations logged out', (c) => c.deleteAllMessagesAndConversations(), 'out'],
      ]
      const table: Record<string, [string, string]> = {}
      const { unhandled } = await captureUnhandledRejections(async () => {
        for (const [name, call, who] of cases) {
          const r = await outcome(() => call(who === 'in' ? real : loggedOutReal))
          const m = await outcome(() => call(who === 'in' ? s : loggedOutSim))
          table[name] = [r.kind, m.kind]
        }
      })
      expect(unhandled).toEqual([])
      expect(table).toEqual({
        'getServerConversations bad pageSize': ['throws', 'throws'],
        'getServerConversations logged out': ['rejects', 'rejects'],
        'pinConversation bad isPinned': ['rejects', 'rejects'],
        'pinConversation logged out': ['rejects', 'rejects'],
        'getHistoryMessages bad targetId': ['rejects', 'rejects'],
        'removeHistoryMessages 21 ids': ['rejects', 'rejects'],
        'removeHistoryMessages beforeTimeStamp 0': ['rejects', 'rejects'],
        'removeHistoryMessages logged out': ['rejects', 'rejects'],
        'deleteConversation bad deleteRoam': ['throws', 'throws'],
        'deleteConversation chatRoom': ['throws', 'throws'],
        'deleteConversation logged out': ['rejects', 'rejects'],
        'getConversationlist logged out': ['rejects', 'rejects'],
        'getServerConversationsByFilter no mark': ['throws', 'throws'],
        'getServerConversationsByFilter logged out': ['rejects', 'rejects'],
        'deleteAllMessagesAndConversations logged out': ['rejects', 'rejects'],
      })
    })

    test('deleteConversation with channel "": both send it (typeof check only) and resolve; a non-string throws on both', async () => {
      net.respond(() => json({ data: { result: 'ok' } }))
      const r = await outcome(() => real.deleteConversation({ channel: '', chatType: 'singleChat', deleteRoam: true }))
      const m = await outcome(() => simConn().deleteConversation({ channel: '', chatType: 'singleChat', deleteRoam: true }))
      expect(r.kind).toBe('resolves')
      expect(net.requests[0]?.json).toEqual({ channel: '', type: 'chat', delete_roam: true })
      expect(m.kind).toBe('resolves')
      expect(server.requests.map((q) => [q.method, (q.params as { channel: string }).channel, q.outcome])).toEqual([['deleteConversation', '', 'ok']])
      expect(r.value).toEqual({ type: 0, data: { result: 'ok' } })
      expect(m.value).toMatchObject({ type: 0, data: { result: 'ok' } })
      const rn = await outcome(() => real.deleteConversation({ channel: 5, chatType: 'singleChat', deleteRoam: true }))
      const mn = await outcome(() => simConn().deleteConversation({ channel: 5 as unknown as string, chatType: 'singleChat', deleteRoam: true }))
      expect([rn.kind, mn.kind]).toEqual(['throws', 'throws'])
      expect((mn.value as Error).message).toBe((rn.value as Error).message)
    })

    test('getHistoryMessages logged out: agora hangs (simulator only with historyHangsWhenLoggedOut), easemob rejects', async () => {
      const loggedOutReal = newConnection(sdk)
      server.configure({ historyHangsWhenLoggedOut: sdk.historyHangsWhenLoggedOut })
      const loggedOutSim = server.connect('alice', { open: false })
      const { result } = await captureUnhandledRejections(async () => ({
        r: await outcome(() => loggedOutReal.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })),
        m: await outcome(() => loggedOutSim.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })),
      }))
      const expected = sdk.historyHangsWhenLoggedOut ? 'pending' : 'rejects'
      expect([result.r.kind, result.m.kind]).toEqual([expected, expected])
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('multi-device and live event payloads', () => {
    test('deleteRoaming / deleteConversation / pin payloads of the simulator have the keys the real SDK builds', async () => {
      server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
      const phone = simConn()
      const laptop = simConn()
      const seen: Array<Record<string, unknown>> = []
      laptop.addEventHandler('t', { onMultiDeviceEvent: (e: Record<string, unknown>) => seen.push(e) })
      await phone.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: ['1'] })
      await phone.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
      await phone.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
      await flush(50)
      // The real payloads, as the SDK's `I()` (roaming_delete notify) and `C()` (conv notify) build them.
      const realDeleteRoaming = { operation: 'deleteRoaming', conversationId: 'bob', chatType: 'singleChat', resource: 'r' }
      const realConv = { operation: 'deleteConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: 1 }
      expect(seen.map((e) => e.operation)).toEqual(['deleteRoaming', 'pinnedConversation', 'deleteConversation'])
      expect(keys(seen[0])).toEqual(keys(realDeleteRoaming))
      expect(keys(seen[1])).toEqual(keys(realConv))
      expect(keys(seen[2])).toEqual(keys(realConv))
      expect(seen[0]!.resource).toBe(phone.clientResource)
    })

    test('a live text message: the simulator body has the keys of the real SDK’s parsed body; per-type then onMessage', async () => {
      const laptop = simConn()
      const order: string[] = []
      let simBody: Record<string, unknown> | undefined
      laptop.addEventHandler('t', {
        onTextMessage: () => order.push('onTextMessage'),
        onMessage: (batch: Array<Record<string, unknown>>) => { order.push('onMessage'); simBody = batch[0] },
      })
      server.sendMessage({ from: 'bob', to: 'alice', text: 'live', ext: { k: 'v' } })
      await flush(50)
      net.respond(() => json(historyAnswer(real.root, sdk.appKey, [BOB_UP_PAGE[0]!], undefined, true)))
      const realBody = ((await real.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })) as { messages: unknown[] }).messages[0]
      expect(order).toEqual(['onTextMessage', 'onMessage'])
      expect(shape(simBody)).toEqual(shape(realBody))
    })
  })
})

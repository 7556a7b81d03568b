/**
 * Issue 8: contract tests of `createRoamingClient` over REAL `agora-chat` 1.4.0 and `easemob-websdk` 4.21.1
 * connections. Only the network is fake (an `XMLHttpRequest` class answering as the REST server would,
 * `shared/spec/agora-sdk.md` §3–§4); every request below is the one the real SDK built, and every result went
 * through the real SDK's parsing (JSON, REST metas, protobuf history metas) before reaching the adapter.
 */
import { SdkCode } from '../../src/client/RoamingError'
import { createRoamingClient, RemovePartialError, RoamingArgumentError, RoamingError } from '../../src/index'
import type { RoamingClient, RoamingEvent, SdkConnection } from '../../src/index'
import { createRoamingServer } from '../../src/testing'
import { BOB_DOWN_PAGE, BOB_UP_PAGE, IDS_45, LAST_FROM_BOB, LAST_IN_G1 } from './fixtures'
import {
  API_URL, SDKS, channelInfo, fakeLogin, historyAnswer, installNetwork, json, newConnection, restError, restMeta,
  type RealConnection, type SentRequest,
} from './harness'
import { captureUncaughtExceptions, captureUnhandledRejections, rejection, settle } from './async'

const BASE = '/org1/app1'

describe.each(SDKS)('createRoamingClient over the real $name', (sdk) => {
  let conn: RealConnection
  let net: ReturnType<typeof installNetwork>
  let client: RoamingClient

  const adapt = (c: RealConnection, options?: Parameters<typeof createRoamingClient>[1]) =>
    createRoamingClient(c as unknown as SdkConnection, options)

  beforeEach(() => {
    vi.useFakeTimers()
    conn = newConnection(sdk)
    fakeLogin(conn, sdk, 'alice')
    net = installNetwork(() => json({}))
    client = adapt(conn, { warn: () => {} })
  })

  afterEach(() => {
    net.restore()
    // The SDK clears its 60 s governor interval on `beforeunload` (it is created once per loaded SDK module).
    window.dispatchEvent(new Event('beforeunload'))
    vi.clearAllTimers()
    vi.useRealTimers()
  })

  const only = (): SentRequest => {
    expect(net.requests).toHaveLength(1)
    return net.requests[0] as SentRequest
  }

  // -------------------------------------------------------------------------------------------------------------
  describe('conversation lists', () => {
    test('getConversations: first page, then the next by cursor; the real SDK request and the domain page', async () => {
      net.respond(() => json({
        action: 'get', timestamp: 1, duration: 1,
        data: {
          cursor: 'cursor-2',
          channel_infos: [
            channelInfo({ id: 'bob', unread: 2, last: LAST_FROM_BOB }),
            channelInfo({ id: 'g1', group: true, pinnedAt: 1_700_000_000_001, marks: ['mark_0', 'mark_3'], last: LAST_IN_G1 }),
          ],
        },
      }))
      const page = await client.getConversations({ pageSize: 2 })

      const req = only()
      expect(req.method).toBe('GET')
      expect(req.url.startsWith(`${API_URL}${BASE}/sdk/user/alice/user_channels/list?`)).toBe(true)
      expect(req.path).toBe(`${BASE}/sdk/user/alice/user_channels/list`)
      const { _v, ...query } = req.query
      expect(_v).toMatch(/^\d+$/) // the SDK's GET cache-buster
      expect(query).toEqual({
        limit: '2', cursor: '', need_mark: 'true',
        // easemob sends its `includeEmptyConversations` flag (default false) as `needEmptySession`.
        ...(sdk.name === 'easemob-websdk' ? { needEmptySession: 'false' } : {}),
      })
      expect(req.headers.Authorization).toBe('Bearer fake-token')
      expect(req.body).toBeNull()
      expect(req.timeout).toBe(15_000)

      expect(page).toEqual({
        nextCursor: 'cursor-2',
        conversations: [
          {
            conversationId: 'bob', chatType: 'singleChat', isPinned: false, pinnedTime: 0, unreadCount: 2, marks: [],
            lastMessage: {
              id: '1234567890', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice',
              time: 1_700_000_000_000, ext: { k: '1' }, type: 'txt', text: 'hello',
            },
          },
          {
            conversationId: 'g1', chatType: 'groupChat', isPinned: true, pinnedTime: 1_700_000_000_001, unreadCount: 0, marks: [0, 3],
            lastMessage: {
              id: '1234567891', conversationId: 'g1', chatType: 'groupChat', from: 'carol', to: 'g1',
              time: 1_699_999_999_000, ext: {}, type: 'txt', text: 'in the group',
            },
          },
        ],
      })

      // Next page by cursor: the last one (the server omits the cursor; the SDK turns that into '').
      net.requests.length = 0
      net.respond(() => json({ data: { channel_infos: [channelInfo({ id: 'carol' })] } }))
      const next = await client.getConversations({ pageSize: 2, cursor: page.nextCursor })
      expect(only().query.cursor).toBe('cursor-2')
      expect(next).toEqual({
        nextCursor: null,
        conversations: [{ conversationId: 'carol', chatType: 'singleChat', isPinned: false, pinnedTime: 0, unreadCount: 0, marks: [], lastMessage: null }],
      })
    })

    test('getConversations: the default pageSize is sent as limit=20; a short page ends the list even with a cursor', async () => {
      net.respond(() => json({ data: { cursor: 'more?', channel_infos: [channelInfo({ id: 'bob', last: LAST_FROM_BOB })] } }))
      const page = await client.getConversations()
      expect(only().query.limit).toBe('20')
      expect(page.nextCursor).toBeNull()
    })

    test('getPinnedConversations: same endpoint with is_top=true', async () => {
      net.respond(() => json({ data: { cursor: '', channel_infos: [channelInfo({ id: 'g1', group: true, pinnedAt: 1_700_000_000_500 })] } }))
      const page = await client.getPinnedConversations({ pageSize: 10, cursor: 'p1' })
      const req = only()
      expect(req.method).toBe('GET')
      expect(req.path).toBe(`${BASE}/sdk/user/alice/user_channels/list`)
      expect(req.query).toMatchObject({ limit: '10', cursor: 'p1', is_top: 'true', need_mark: 'true' })
      expect(page).toEqual({
        nextCursor: null,
        conversations: [{ conversationId: 'g1', chatType: 'groupChat', isPinned: true, pinnedTime: 1_700_000_000_500, unreadCount: 0, marks: [], lastMessage: null }],
      })
    })

    test('getMarkedConversations: GET …/user_channels/mark/search with mark=mark_4, limit 10 by default; the list envelope', async () => {
      net.respond(() => json({ data: { cursor: 'm2', channel_infos: [channelInfo({ id: 'g1', group: true, marks: ['mark_4'], last: LAST_IN_G1 })] } }))
      const page = await client.getMarkedConversations({ mark: 4, pageSize: 1 })
      const req = only()
      expect(req.method).toBe('GET')
      expect(req.path).toBe(`${BASE}/sdk/user/alice/user_channels/mark/search`)
      expect(req.query).toMatchObject({ limit: '1', cursor: '', need_mark: 'true', mark: 'mark_4' })
      expect(page.nextCursor).toBe('m2')
      expect(page.conversations.map((c) => [c.conversationId, c.chatType, c.marks])).toEqual([['g1', 'groupChat', [4]]])

      net.requests.length = 0
      net.respond(() => json({ data: { cursor: '', channel_infos: [] } }))
      expect(await client.getMarkedConversations({ mark: 0, cursor: 'm2' })).toEqual({ conversations: [], nextCursor: null })
      expect(only().query).toMatchObject({ limit: '10', cursor: 'm2', mark: 'mark_0' })
    })

    test('deleteAllConversations: POST …/sdk/message/roaming/user/alice/delete/all with the resource; resolves undefined', async () => {
      net.respond(() => json({ data: { result: 'ok' } }))
      await expect(client.deleteAllConversations()).resolves.toBeUndefined()
      const req = only()
      expect(req.method.toUpperCase()).toBe('POST')
      expect(req.path).toBe(`${BASE}/sdk/message/roaming/user/alice/delete/all`)
      expect(req.query).toEqual({ resource: 'web_device_a' })
    })

    test('getLegacyConversations: the paged endpoint with pageNum/pageSize; channel ids parsed', async () => {
      net.respond(() => json({
        action: 'get', path: '/users/alice/user_channels/page', timestamp: 1, duration: 1,
        data: {
          channel_infos: [
            { channel_id: 'org1#app1_bob@easemob.com', meta: restMeta(LAST_FROM_BOB), unread_num: 2 },
            { channel_id: 'org1#app1_g1@conference.easemob.com', meta: {}, unread_num: 0 },
          ],
        },
      }))
      const page = await client.getLegacyConversations({ pageNum: 2, pageSize: 2 })
      const req = only()
      expect(req.method).toBe('GET')
      expect(req.path).toBe(`${BASE}/users/alice/user_channels/page`)
      expect(req.query).toMatchObject({ pageNum: '2', pageSize: '2' })
      expect(page.hasMore).toBe(true)
      expect(page.conversations.map((c) => [c.conversationId, c.chatType, c.unreadCount, c.lastMessage?.id ?? null])).toEqual([
        ['bob', 'singleChat', 2, '1234567890'],
        ['g1', 'groupChat', 0, null],
      ])
    })

    test('getLegacyConversations: the raw customExts ARRAY of the legacy list (SDK formatCustomExts:false) is merged into an object', async () => {
      // The legacy list parses metas with `{ formatCustomExts: false }` (Agora-chat.js, function A near the
      // `/user_channels/page` request), so `customExts` stays the server's array of one-key objects. The adapter's
      // `toMessage` merges it, as `CustomMessage.customExts` is typed `Record<string, unknown>`.
      const custom = { ...LAST_FROM_BOB, kind: 'custom' as const, customEvent: 'card' }
      const meta = restMeta(custom)
      const payload = JSON.parse(meta.payload)
      payload.bodies[0].customExts = [{ name: 'Ann' }, { age: '7' }]
      net.respond(() => json({ data: { channel_infos: [{ channel_id: 'org1#app1_bob@easemob.com', meta: { ...meta, payload: JSON.stringify(payload) }, unread_num: 0 }] } }))
      const page = await client.getLegacyConversations({ pageNum: 1, pageSize: 20 })
      const last = page.conversations[0]?.lastMessage
      expect(last?.type).toBe('custom')
      // The SDK still hands the adapter the array (checked on the raw SDK result) …
      net.requests.length = 0
      const raw = (await conn.getConversationlist({ pageNum: 1, pageSize: 20 })) as { data: { channel_infos: Array<{ lastMessage: { customExts: unknown } }> } }
      expect(raw.data.channel_infos[0]!.lastMessage.customExts).toEqual([{ name: 'Ann' }, { age: '7' }])
      // … and the adapter gives one object, not an array.
      expect(last && 'customExts' in last ? last.customExts : undefined).toEqual({ name: 'Ann', age: '7' })
      expect(Array.isArray(last && 'customExts' in last ? last.customExts : undefined)).toBe(false)

      // The same message through the cursor list is merged into an object by the SDK (`formatCustomExts` true).
      net.requests.length = 0
      net.respond(() => json({ data: { channel_infos: [{ ...channelInfo({ id: 'bob' }), meta: { ...meta, payload: JSON.stringify(payload) } }] } }))
      const listed = (await client.getConversations()).conversations[0]?.lastMessage
      expect(listed && 'customExts' in listed ? listed.customExts : undefined).toEqual({ name: 'Ann', age: '7' })
    })

    test('pinConversation true: POST …/user_channel/top with a JSON body; false: DELETE with the query', async () => {
      net.respond(() => json({ data: { is_top: true, update_top_status_time: 1_700_000_000_900 } }))
      await expect(client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }))
        .resolves.toEqual({ isPinned: true, pinnedTime: 1_700_000_000_900 })
      let req = only()
      expect(req.method).toBe('POST')
      expect(req.path).toBe(`${BASE}/sdk/user/alice/user_channel/top`)
      expect(req.query).toEqual({ resource: 'web_device_a' })
      expect(req.json).toEqual({ type: 'chat', to: 'bob' })

      net.requests.length = 0
      net.respond(() => json({ data: { is_top: false, update_top_status_time: 1_700_000_001_000 } }))
      await expect(client.pinConversation({ conversationId: 'g1', chatType: 'groupChat', isPinned: false }))
        .resolves.toEqual({ isPinned: false, pinnedTime: 0 })
      req = only()
      expect(req.method).toBe('DELETE')
      expect(req.path).toBe(`${BASE}/sdk/user/alice/user_channel/top`)
      expect(req.query).toEqual({ type: 'groupChat', to: 'g1', resource: 'web_device_a' })
      expect(req.body).toBeNull()
    })

    test('setConversationMark true: POST …/user_channels/mark with mark_3 and the target; false: DELETE, the same body', async () => {
      net.respond(() => json({ data: { ignore: [] } }))
      await expect(client.setConversationMark({ conversationId: 'bob', chatType: 'singleChat', mark: 3, marked: true })).resolves.toBeUndefined()
      let req = only()
      expect(req.method.toUpperCase()).toBe('POST')
      expect(req.path).toBe(`${BASE}/sdk/user/alice/user_channels/mark`)
      expect(req.query).toEqual({ resource: 'web_device_a' })
      expect(req.json).toEqual({ mark: 'mark_3', targets: [{ to: 'bob', type: 'chat' }] })

      net.requests.length = 0
      net.respond(() => json({ data: { ignore: [] } }))
      await expect(client.setConversationMark({ conversationId: 'g1', chatType: 'groupChat', mark: 19, marked: false })).resolves.toBeUndefined()
      req = only()
      expect(req.method.toUpperCase()).toBe('DELETE')
      expect(req.json).toEqual({ mark: 'mark_19', targets: [{ to: 'g1', type: 'groupchat' }] })
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('history (protobuf metas encoded with the SDK’s own schema)', () => {
    test('up with a cursor: POST …/messageroaming; the newest-first page comes back ascending', async () => {
      net.respond(() => json(historyAnswer(conn.root, sdk.appKey, BOB_UP_PAGE, '1100000000000000001', false)))
      const page = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 3, cursor: '1100000000000000004' })
      const req = only()
      expect(req.method).toBe('POST')
      expect(req.path).toBe(`${BASE}/users/alice/messageroaming`)
      expect(req.query).toEqual({})
      expect(req.headers['Content-Type']).toBe('application/json')
      expect(req.json).toEqual({
        queue: 'bob@easemob.com', start: '1100000000000000004', pull_number: 3, is_positive: false,
        msgType: '', end: -1, startTime: null, endTime: null, userId: null,
      })
      expect(page.isLast).toBe(false)
      expect(page.nextCursor).toBe('1100000000000000001')
      expect(page.messages.map((m) => m.id)).toEqual(['1100000000000000001', '1100000000000000002', '1100000000000000003'])
      expect(page.messages.map((m) => m.time)).toEqual([1_700_000_000_100, 1_700_000_000_200, 1_700_000_000_300])
      expect(page.messages).toEqual([
        {
          id: '1100000000000000001', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice', time: 1_700_000_000_100,
          // The SDK rewrites the file URL onto its REST host (`zK()`), adding `em-redirect=true`.
          ext: {}, type: 'img', url: `${API_URL}/a.png?em-redirect=true`,
          thumbnailUrl: expect.stringContaining('thumbnail=true'), width: 640, height: 480,
        },
        {
          id: '1100000000000000002', conversationId: 'bob', chatType: 'singleChat', from: 'alice', to: 'bob', time: 1_700_000_000_200,
          ext: {}, type: 'custom', customEvent: 'ev', customExts: {},
        },
        {
          id: '1100000000000000003', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice', time: 1_700_000_000_300,
          ext: { k: 'v' }, type: 'txt', text: 'newest',
        },
      ])
    })

    test('down with a cursor: is_positive true; ascending kept; the last page has no next_key', async () => {
      net.respond(() => json(historyAnswer(conn.root, sdk.appKey, BOB_DOWN_PAGE, undefined, true)))
      const page = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', direction: 'down', pageSize: 20, cursor: '1100000000000000000' })
      expect(only().json).toMatchObject({ queue: 'bob@easemob.com', start: '1100000000000000000', pull_number: 20, is_positive: true })
      expect(page.messages.map((m) => m.id)).toEqual(['1100000000000000001', '1100000000000000002', '1100000000000000003'])
      expect(page).toMatchObject({ isLast: true, nextCursor: null })
    })

    test('first page: no cursor given → the SDK sends start -1; a group queue and search options', async () => {
      net.respond(() => json(historyAnswer(conn.root, sdk.appKey, [LAST_IN_G1], undefined, true)))
      const page = await client.getHistory({
        conversationId: 'g1', chatType: 'groupChat', search: { from: 'carol', msgTypes: ['txt', 'img'], startTime: 5, endTime: 9 },
      })
      expect(only().json).toEqual({
        queue: 'g1@conference.easemob.com', start: -1, pull_number: 20, is_positive: false, msgType: 'txt,img', end: -1,
        startTime: 5, endTime: 9, userId: 'carol',
      })
      expect(page.messages).toEqual([{
        id: '1234567891', conversationId: 'g1', chatType: 'groupChat', from: 'carol', to: 'g1', time: 1_699_999_999_000, ext: {}, type: 'txt', text: 'in the group',
      }])
    })

    test('an end time alone: the SDK refuses endTime without a numeric startTime, so the client sends startTime 0', async () => {
      // Asked directly, the SDK's own check (it reads startTime's type for endTime) refuses the search outright.
      await expect(Promise.resolve().then(() => conn.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', searchOptions: { endTime: 9 } })))
        .rejects.toThrow(/endTime/)
      net.respond(() => json(historyAnswer(conn.root, sdk.appKey, BOB_DOWN_PAGE, undefined, true)))
      const page = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', search: { msgTypes: ['img', 'txt'], endTime: 9 } })
      expect(only().json).toMatchObject({ msgType: 'txt,img', startTime: 0, endTime: 9 })
      expect(page.messages).toHaveLength(3)
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('removal and deletion', () => {
    test('removeMessages by 45 ids: 3 DELETE requests with msgIdList of 20, 20 and 5 ids', async () => {
      net.respond(() => json({ action: 'delete', data: { result: 'ok' } }))
      const progress: number[] = []
      const result = await client.removeMessages({
        conversationId: 'bob', chatType: 'singleChat', messageIds: IDS_45, onProgress: (p) => progress.push(p.done),
      })
      expect(result).toEqual({ removedIds: IDS_45, calls: 3 })
      expect(progress).toEqual([20, 40, 45])
      expect(net.requests).toHaveLength(3)
      const lists = net.requests.map((r) => {
        expect(r.method).toBe('DELETE')
        expect(r.path).toBe(`${BASE}/sdk/message/roaming/chat/user/alice`)
        expect(r.query.userId).toBe('bob')
        expect(r.query.resource).toBe('web_device_a')
        expect(r.body).toBeNull()
        return r.query.msgIdList?.split(',') ?? []
      })
      expect(lists.map((l) => l.length)).toEqual([20, 20, 5])
      expect(lists.flat()).toEqual(IDS_45)
    })

    test('removeMessages by ids in a group: the group endpoint and groupId', async () => {
      net.respond(() => json({}))
      await client.removeMessages({ conversationId: 'g1', chatType: 'groupChat', messageIds: ['1', '2'] })
      const req = only()
      expect(req.path).toBe(`${BASE}/sdk/message/roaming/group/user/alice`)
      expect(req.query).toEqual({ groupId: 'g1', msgIdList: '1,2', resource: 'web_device_a' })
    })

    test('removeMessages before a time: DELETE …/time?…&delTime=T&&resource=R', async () => {
      net.respond(() => json({}))
      const before = Date.now() - 1000
      await expect(client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', before })).resolves.toEqual({ removedIds: [], calls: 1 })
      const req = only()
      expect(req.method).toBe('DELETE')
      expect(req.path).toBe(`${BASE}/sdk/message/roaming/chat/user/alice/time`)
      expect(req.search).toBe(`?userId=bob&delTime=${before}&&resource=web_device_a`) // sic: the SDK's double '&'
    })

    test('removeMessages: a failing second chunk → RemovePartialError naming what is still on the server', async () => {
      let n = 0
      net.respond(() => (++n === 2 ? restError(429, 'too many', 'busy') : json({})))
      const error = await client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: IDS_45 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RemovePartialError)
      const partial = error as RemovePartialError
      expect(partial.removedIds).toEqual(IDS_45.slice(0, 20))
      expect(partial.failedIds).toEqual(IDS_45.slice(20))
      expect(partial.code).toBe(500)
      expect(partial.retryable).toBe(true)
      expect(net.requests).toHaveLength(2)
    })

    test.each([true, false])('deleteConversation deleteRoam=%s: DELETE …/user_channel with a JSON body', async (deleteRoam) => {
      net.respond(() => json({ action: 'delete', data: { result: 'ok' }, timestamp: 1_700_000_000_123, duration: 1, path: '/user/alice/user_channel' }))
      await expect(client.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam })).resolves.toEqual({ timestamp: 1_700_000_000_123 })
      const req = only()
      expect(req.method).toBe('DELETE')
      expect(req.path).toBe(`${BASE}/user/alice/user_channel`)
      expect(req.query).toEqual({ resource: 'web_device_a' })
      expect(req.json).toEqual({ channel: 'bob', type: 'chat', delete_roam: deleteRoam })
    })

    test('deleteConversation of a group: type groupChat', async () => {
      net.respond(() => json({ data: { result: 'ok' } }))
      await client.deleteConversation({ conversationId: 'g1', chatType: 'groupChat', deleteRoam: false })
      expect(only().json).toEqual({ channel: 'g1', type: 'groupChat', delete_roam: false })
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('error mapping over the real SDK', () => {
    const failing = async (call: () => Promise<unknown>): Promise<RoamingError> => {
      const error = await call().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RoamingError)
      return error as RoamingError
    }

    test('the codes of the SDK\'s forced logouts are the ones the adapter tells apart (its statusCode table)', async () => {
      const codes = sdk.module.statusCode
      expect([codes.WEBIM_CONNCTION_USER_LOGIN_ANOTHER_DEVICE, codes.WEBIM_CONNCTION_USER_REMOVED,
        codes.WEBIM_CONNCTION_USER_KICKED_BY_CHANGE_PASSWORD, codes.WEBIM_CONNCTION_USER_KICKED_BY_OTHER_DEVICE,
        codes.WEBIM_CONNCTION_DISCONNECTED]).toEqual([SdkCode.USER_LOGIN_ANOTHER_DEVICE, SdkCode.USER_REMOVED,
        SdkCode.USER_KICKED_BY_CHANGE_PASSWORD, SdkCode.USER_KICKED_BY_OTHER_DEVICE, 16])
      const events: RoamingEvent[] = []
      client.subscribe((e) => events.push(e))
      // What its onclose dispatches after the server's notice (`disconnectedReason`), and after failed reconnections;
      // each after a login (stopped already, the next close says nothing new).
      for (const type of [206, 207, 216, 217, 16]) {
        conn.eventHandler.dispatch('onDisconnected', { type, message: 'm' })
        conn.eventHandler.dispatch('onConnected', undefined)
      }
      expect(events.filter((e) => e.type === 'disconnected').map((e) => e.type === 'disconnected' && e.reason)).toEqual(
        ['loggedInElsewhere', 'userRemoved', 'passwordChanged', 'kickedByOtherDevice', 'failed'])
    })

    test('the SDK\'s own token timer: at expiry its onTokenExpired, then its close(); the client says why it stopped', async () => {
      const events: RoamingEvent[] = []
      client.subscribe((e) => events.push(e))
      // What its login runs with the token's lifetime (here 10 s): onTokenWillExpire at 80 %, onTokenExpired at 100 %.
      conn.tokenExpireTimeCountDown(10_000)
      await vi.advanceTimersByTimeAsync(9_999)
      expect(events).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(events).toEqual([{ type: 'disconnected', reconnecting: false, reason: 'tokenExpired' }])
      expect(conn.logOut).toBe(true)
      expect(client.connectionState?.()).toBe('tokenExpired')
      // A client that starts listening only now reads the SDK's logout from its run-time fields.
      expect(adapt(conn).connectionState?.()).toBe('loggedOut')
    })

    test('HTTP 429 → SERVER_BUSY 500, retryable; the cause is the SDK’s plain object with the raw body as data', async () => {
      net.respond(() => restError(429, 'too_many_requests', 'Too many requests'))
      const e = await failing(() => client.getConversations())
      expect(e).toMatchObject({ code: 500, retryable: true, operation: 'getConversations', message: 'getConversations: Server is busy.' })
      const cause = e.cause as Record<string, unknown>
      expect(Object.getPrototypeOf(cause)).toBe(Object.prototype)
      expect(Object.keys(cause).sort()).toEqual(['data', 'message', 'type']) // extraInfo deleted by the SDK
      expect(typeof cause.data).toBe('string')
    })

    test('HTTP 503 → SERVER_BUSY 500 too', async () => {
      net.respond(() => restError(503, 'service_unavailable', 'Service Unavailable'))
      expect(await failing(() => client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))).toMatchObject({ code: 500, retryable: true })
    })

    test.each([429, 503])('HTTP %i "The request has reached the maximum limit" → MAX_LIMIT 50; the raw JSON message is replaced by its description', async (status) => {
      net.respond(() => restError(status, 'resource_limited', 'The request has reached the maximum limit'))
      const e = await failing(() => client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }))
      expect(e).toMatchObject({ code: 50, retryable: true })
      const cause = e.cause as { type: number; message: string; data?: unknown }
      // The SDK puts the whole JSON body in `message` (not the description) and gives no `data`.
      expect(JSON.parse(cause.message)).toMatchObject({ error_description: 'The request has reached the maximum limit' })
      expect('data' in cause).toBe(false)
      // The adapter shows the body's `error_description`, not the raw JSON text; the cause keeps it unchanged.
      expect(e.message).toBe('pinConversation: The request has reached the maximum limit')
      expect(cause.message).toMatch(/^\{"error":"resource_limited","error_description":"The request has reached the maximum limit"/)
    })

    test('HTTP 500 → AJAX_ERROR 17 with an empty message; not retryable', async () => {
      net.respond(() => restError(500, 'internal_error', 'boom'))
      const e = await failing(() => client.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: true }))
      expect(e).toMatchObject({ code: 17, retryable: false, message: 'deleteConversation: SDK error 17' })
      expect(e.cause).toMatchObject({ type: 17, message: '' })
    })

    test('HTTP 500 with error_code 90005 → REQUEST_UNKNOWN -2, retryable', async () => {
      net.respond(() => restError(500, 'unknown', 'server unknown error', 90005))
      expect(await failing(() => client.getConversations())).toMatchObject({ code: -2, retryable: true })
    })

    test('HTTP 404 with error_code 91001 → CONVERSATION_NOT_EXIST 1400', async () => {
      net.respond(() => restError(404, 'conversation_not_found', 'conversation not exist', 91001))
      const e = await failing(() => client.pinConversation({ conversationId: 'zed', chatType: 'singleChat', isPinned: true }))
      expect(e).toMatchObject({ code: 1400, retryable: false, message: 'pinConversation: conversation not exist' })
    })

    test('HTTP 404 without a known error_code → AJAX_ERROR 17, message = raw response text', async () => {
      net.respond(() => restError(404, 'not_found', 'no such thing', 12345))
      const e = await failing(() => client.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: ['1'] }))
      expect(e.code).toBe(17)
      expect(JSON.parse((e.cause as { message: string }).message)).toMatchObject({ error_code: 12345 })
    })

    test('HTTP 400 → AJAX_ERROR 17 with the error_description; HTTP 401 OAuth → NO_PERMISSION 52', async () => {
      net.respond(() => restError(400, 'illegal_argument', 'pull_number must be <= 50'))
      expect(await failing(() => client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 50 })))
        .toMatchObject({ code: 17, message: 'getHistory: pull_number must be <= 50' })
      net.respond(() => restError(401, 'unauthorized', 'Unable to authenticate (OAuth)'))
      expect(await failing(() => client.getConversations())).toMatchObject({ code: 52, retryable: false })
    })

    test('XHR timeout (15 s, the SDK’s xhr.timeout) → REQUEST_TIMEOUT -1, retryable; cause carries errorType and xhr', async () => {
      net.respond(() => 'timeout')
      const pending = settle(client.getConversations())
      await vi.advanceTimersByTimeAsync(14_999)
      expect(pending.settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      const e = await pending.error<RoamingError>()
      expect(e).toBeInstanceOf(RoamingError)
      expect(e).toMatchObject({ code: -1, retryable: true, message: 'getConversations: Request Timeout' })
      expect(e.cause).toMatchObject({ type: -1, message: 'Request Timeout', errorType: 'timeout_error' })
      expect((e.cause as { xhr?: unknown }).xhr).toBeDefined()
      expect(only().timeout).toBe(15_000)
      // The SDK's status-0 follow-up (a setTimeout 0) sees its own timeout flag and does nothing more.
      await vi.advanceTimersByTimeAsync(10)
    })

    test('aborted request → REQUEST_ABORT -4, not retryable', async () => {
      net.respond(() => 'abort')
      const e = await failing(() => client.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
      expect(e).toMatchObject({ code: -4, retryable: false, message: 'getHistory: Request Abort' })
      expect(e.cause).toMatchObject({ type: -4, errorType: 'onabort' })
    })

    test('network error (onerror) → REQUEST_UNKNOWN -2, retryable', async () => {
      net.respond(() => 'error')
      const e = await failing(() => client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: false }))
      expect(e).toMatchObject({ code: -2, retryable: true, message: 'pinConversation: Request Unknow Error' })
    })

    test('a request the server never answers: the adapter gives up after timeoutMs with -1', async () => {
      const quick = adapt(conn, { timeoutMs: 100 })
      net.respond(() => 'hang')
      const pending = settle(quick.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: false }))
      await vi.advanceTimersByTimeAsync(100)
      expect(await pending.error()).toMatchObject({ code: -1, retryable: true, message: 'deleteConversation: no answer within 100 ms' })
    })

    test('a malformed 200 answer: the SDK’s parsing TypeError is mapped to SDK_RUNTIME_ERROR 999, not to -3', async () => {
      net.respond(() => json({ action: 'post' })) // no `data`
      const { result, unhandled } = await captureUnhandledRejections(() => rejection<RoamingError>(client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })))
      // The SDK also leaks the same TypeError once more as an unhandled rejection (its async `success` callback).
      expect(unhandled).toEqual([expect.any(TypeError)])
      // The SDK failing on a server answer (`Cannot read properties of undefined (reading 'msgs')`) is no argument
      // validation: `toRoamingError` keeps -3 for the SDK's own "Invalid parameter …" errors only.
      expect(result).toBeInstanceOf(RoamingError)
      expect(result).toMatchObject({ code: 999, retryable: false, operation: 'getHistory' })
      expect(result.message).toMatch(/^getHistory: Cannot read propert/)
      expect(result.cause).toBeInstanceOf(TypeError)
      expect(net.requests).toHaveLength(1)
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('not logged in', () => {
    let fresh: RealConnection
    let out: RoamingClient
    beforeEach(() => {
      fresh = newConnection(sdk)
      out = adapt(fresh, { timeoutMs: 50 })
    })

    test(`every call except history rejects with the SDK code (${sdk.notLoggedInCode}); nothing is sent`, async () => {
      const calls: Array<() => Promise<unknown>> = [
        () => out.getConversations(),
        () => out.getPinnedConversations(),
        () => out.getLegacyConversations({ pageNum: 1, pageSize: 10 }),
        () => out.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }),
        () => out.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: ['1'] }),
        () => out.removeMessages({ conversationId: 'bob', chatType: 'singleChat', before: 1 }),
        () => out.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: true }),
      ]
      for (const call of calls) {
        const e = (await call().catch((x: unknown) => x)) as RoamingError
        expect(e).toBeInstanceOf(RoamingError)
        expect(e.code).toBe(sdk.notLoggedInCode)
        expect(e.retryable).toBe(false)
        // The SDK's ErrorEvent: a class instance, not an Error.
        expect(e.cause).not.toBeInstanceOf(Error)
        expect(e.cause).toMatchObject({
          type: sdk.notLoggedInCode, message: sdk.notLoggedInCode === 39 ? 'not login' : 'appkey or token error',
        })
      }
      expect(net.requests).toHaveLength(0)
      expect(out.userId()).toBe('')
    })

    if (sdk.historyHangsWhenLoggedOut) {
      test('agora-chat 1.4.0 getHistoryMessages never settles (and leaks an unhandled ErrorEvent 39); the adapter rejects with -1 after timeoutMs', async () => {
        const { result, unhandled } = await captureUnhandledRejections(async () => {
          const pending = settle(out.getHistory({ conversationId: 'bob', chatType: 'singleChat' }))
          await vi.advanceTimersByTimeAsync(49)
          expect(pending.settled).toBe(false)
          await vi.advanceTimersByTimeAsync(1)
          return pending.error<RoamingError>()
        })
        expect(result).toBeInstanceOf(RoamingError)
        expect(result).toMatchObject({ code: -1, retryable: true, message: 'getHistory: no answer within 50 ms', operation: 'getHistory' })
        expect(unhandled).toEqual([expect.objectContaining({ type: 39, message: 'not login' })])
        expect(net.requests).toHaveLength(0)
      })
    } else {
      test('easemob getHistoryMessages rejects at once with the login error (no hang)', async () => {
        const e = (await out.getHistory({ conversationId: 'bob', chatType: 'singleChat' }).catch((x: unknown) => x)) as RoamingError
        expect(e).toMatchObject({ code: sdk.notLoggedInCode, retryable: false })
        expect(net.requests).toHaveLength(0)
      })
    }
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('the SDK’s own argument checks', () => {
    test('deleteConversation: the SDK throws synchronously, the adapter refuses the same input first (nothing reaches the SDK)', async () => {
      const spy = vi.spyOn(conn, 'deleteConversation')
      expect(() => conn.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: 'yes' })).toThrow('Invalid parameter deleteRoam: yes')
      expect(() => conn.deleteConversation({ channel: 'bob', chatType: 'chatRoom', deleteRoam: true })).toThrow('Invalid parameter chatType: chatRoom')
      spy.mockClear()
      const bad = { conversationId: 'bob', chatType: 'singleChat', deleteRoam: 'yes' } as unknown as Parameters<RoamingClient['deleteConversation']>[0]
      await expect(client.deleteConversation(bad)).rejects.toBeInstanceOf(RoamingArgumentError)
      expect(spy).not.toHaveBeenCalled()
      // No input the adapter accepts makes the SDK throw here: it checks the same three fields (string channel,
      // singleChat|groupChat, boolean deleteRoam) and the adapter's checks are stricter (non-empty, no blanks).
      expect(net.requests).toHaveLength(0)
    })

    test('getServerConversations: the SDK throws synchronously on a non-number pageSize (unreachable through the adapter)', () => {
      expect(() => conn.getServerConversations({ pageSize: '5' })).toThrow('Invalid parameter pageSize: 5')
      expect(net.requests).toHaveLength(0)
    })

    test('a value the adapter accepts but the SDK refuses: 21 ids with maxIdsPerCall 50 → the SDK’s plain Error → code -3', async () => {
      const wide = adapt(conn, { maxIdsPerCall: 50 })
      const e = (await wide.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: IDS_45.slice(0, 21) }).catch((x: unknown) => x)) as RoamingError
      expect(e).toBeInstanceOf(RoamingError)
      expect(e).not.toBeInstanceOf(RoamingArgumentError)
      expect(e).toMatchObject({ code: -3, retryable: false })
      expect(e.cause).toBeInstanceOf(Error)
      expect(e.message).toMatch(/^removeMessages: "Invalid parameter messageIds": /)
      expect(net.requests).toHaveLength(0)
    })
  })

  // -------------------------------------------------------------------------------------------------------------
  describe('live events through the SDK’s own handler registry', () => {
    /** A message body produced by the SDK's own protobuf parser (the one live messages go through too). */
    async function sdkBody(m: (typeof BOB_UP_PAGE)[number]) {
      net.respond(() => json(historyAnswer(conn.root, sdk.appKey, [m], undefined, true)))
      const page = await conn.getHistoryMessages({ targetId: 'x', chatType: m.chatType })
      net.requests.length = 0
      return (page as { messages: unknown[] }).messages[0] as Record<string, unknown>
    }

    test('subscribe registers one handler in conn.eventHandler.handlerData; unsubscribe removes it', () => {
      const before = Object.keys(conn.eventHandler.handlerData).length
      const stop = client.subscribe(() => {})
      const stop2 = client.subscribe(() => {})
      const ids = Object.keys(conn.eventHandler.handlerData)
      expect(ids).toHaveLength(before + 1)
      expect(ids.at(-1)).toMatch(/^roamkit-/)
      stop()
      expect(Object.keys(conn.eventHandler.handlerData)).toHaveLength(before + 1)
      stop2()
      expect(Object.keys(conn.eventHandler.handlerData)).toHaveLength(before)
    })

    test('deleteRoaming, deleteConversation, pin, mark and a text message reach the listeners as domain events', async () => {
      const events: RoamingEvent[] = []
      const other: string[] = []
      conn.addEventHandler('app', { onMultiDeviceEvent: (e: { operation: string }) => other.push(e.operation) })
      client.subscribe((e) => events.push(e))
      const text = await sdkBody(BOB_UP_PAGE[0]!)
      const mine = await sdkBody({ ...BOB_UP_PAGE[0]!, id: '1100000000000000009', from: 'alice', to: 'bob', text: 'sent on my phone' })

      // The payloads exactly as the SDK's notify handlers build them (`I()` for roaming_delete, `C()` for conv).
      conn.eventHandler.dispatch('onMultiDeviceEvent', { operation: 'deleteRoaming', conversationId: 'bob', chatType: 'singleChat', resource: 'web_device_b' })
      conn.eventHandler.dispatch('onMultiDeviceEvent', { operation: 'deleteRoaming', conversationId: 'room1', chatType: 'groupChat', resource: 'web_device_b' })
      conn.eventHandler.dispatch('onMultiDeviceEvent', { operation: 'deleteConversation', conversationId: 'g1', conversationType: 'groupChat', timestamp: 1_700_000_000_777 })
      conn.eventHandler.dispatch('onMultiDeviceEvent', { operation: 'pinnedConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: 1_700_000_000_778 })
      conn.eventHandler.dispatch('onMultiDeviceEvent', { operation: 'markConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: 1, conversationMark: 0 })
      conn.eventHandler.dispatch('onTextMessage', text)
      conn.eventHandler.dispatch('onMessage', [text, mine])

      expect(events).toEqual([
        { type: 'historyRemoved', conversationId: 'bob', chatType: 'singleChat' },
        { type: 'historyRemoved', conversationId: 'room1', chatType: 'groupChat' },
        { type: 'conversationDeleted', conversationId: 'g1', chatType: 'groupChat', timestamp: 1_700_000_000_777 },
        { type: 'conversationPinned', conversationId: 'bob', chatType: 'singleChat', isPinned: true, timestamp: 1_700_000_000_778 },
        { type: 'conversationMarked', conversationId: 'bob', chatType: 'singleChat', mark: 0, marked: true },
        {
          type: 'message',
          message: { id: '1100000000000000003', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice', time: 1_700_000_000_300, ext: { k: 'v' }, type: 'txt', text: 'newest' },
        },
        {
          type: 'message',
          message: { id: '1100000000000000009', conversationId: 'bob', chatType: 'singleChat', from: 'alice', to: 'bob', time: 1_700_000_000_300, ext: { k: 'v' }, type: 'txt', text: 'sent on my phone' },
        },
      ])
      // The app's own handler still gets everything (the adapter does not replace it).
      expect(other).toEqual(['deleteRoaming', 'deleteRoaming', 'deleteConversation', 'pinnedConversation', 'markConversation'])
    })

    test('a conversation read ack: from this user (another device) → conversationRead; from the peer (a read receipt) → nothing', () => {
      const events: RoamingEvent[] = []
      client.subscribe((e) => events.push(e))
      // The payload as the SDK's CHANNEL_ACK case builds it (always `singleChat`: a group's ack is dispatched to no one).
      conn.eventHandler.dispatch('onChannelMessage', { id: '1100000000000000021', type: 'channel', chatType: 'singleChat', from: 'alice', to: 'bob', time: 1_700_000_000_900, onlineState: 1 })
      conn.eventHandler.dispatch('onChannelMessage', { id: '1100000000000000022', type: 'channel', chatType: 'singleChat', from: 'bob', to: 'alice', time: 1_700_000_000_901, onlineState: 1 })
      expect(events).toEqual([{ type: 'conversationRead', conversationId: 'bob', chatType: 'singleChat' }])
    })

    test('the ack the adapter sends has the fields, and the values, of the SDK’s own message.create', async () => {
      const made = sdk.module.message.create({ type: 'channel', chatType: 'singleChat', to: 'bob' })
      // It also has `isChatThread`, `priority` and `deliverOnlineOnly`, all undefined for an ack.
      const defined = Object.entries(made).filter(([, v]) => v !== undefined).map(([k]) => k)
      expect(defined.sort()).toEqual(['chatType', 'from', 'id', 'time', 'to', 'type'])
      // What the adapter hands to `send` (a real send needs the socket): the simulator logs it as received.
      const server = createRoamingServer()
      await adapt(server.connect('alice') as unknown as RealConnection, { warn: () => {} }).markConversationRead({ conversationId: 'bob', chatType: 'singleChat' })
      const sent = server.requests.find((r) => r.method === 'send')!.params as Record<string, unknown>
      expect(Object.keys(sent).sort()).toEqual(defined)
      for (const k of ['type', 'chatType', 'to', 'from'] as const) expect(sent[k]).toBe(made[k])
      for (const k of ['id', 'time'] as const) expect(typeof sent[k]).toBe(typeof made[k])
      expect(sent.id).toMatch(/^\d+$/)
    })

    test('a throwing listener does not cut off the SDK handlers registered after the adapter', async () => {
      const seen: string[] = []
      client.subscribe(() => { throw new Error('listener bug') })
      conn.addEventHandler('later', { onMultiDeviceEvent: (e: { operation: string }) => seen.push(e.operation) })
      // The adapter rethrows a listener's error in a microtask (reported as uncaught): capture it here.
      const { uncaught } = await captureUncaughtExceptions(async () => {
        conn.eventHandler.dispatch('onMultiDeviceEvent', { operation: 'deleteRoaming', conversationId: 'bob', chatType: 'singleChat', resource: 'b' })
      })
      expect(uncaught).toEqual([expect.objectContaining({ message: 'listener bug' })])
      expect(seen).toEqual(['deleteRoaming'])
    })
  })
})

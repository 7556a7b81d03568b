import { describe, expect, it } from 'vitest'
import { sameUser, toConversation, toLegacyConversation, toMessage, toMultiDeviceEvent } from '../../src/client/normalize'
import { RemovePartialError, RoamingArgumentError, RoamingError, toRoamingError } from '../../src/client/RoamingError'
import { ErrorEvent } from '../../src/testing'

const base = { id: '1100000000000000001', time: 1_700_000_000_000, ext: {} }

describe('toMessage', () => {
  it('maps every message type', () => {
    expect(toMessage({ ...base, type: 'txt', chatType: 'singleChat', from: 'bob', to: 'alice', msg: 'hi', ext: { k: 'v' }, onlineState: 3 }, 'alice')).toEqual({
      id: base.id, type: 'txt', text: 'hi', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice', time: base.time, ext: { k: 'v' },
    })
    expect(toMessage({ ...base, type: 'img', chatType: 'singleChat', from: 'bob', to: 'alice', url: 'u', thumb: 't', width: 10, height: 0 }, 'alice'))
      .toEqual({ ...base, type: 'img', url: 'u', thumbnailUrl: 't', width: 10, conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice' })
    expect(toMessage({ ...base, type: 'file', chatType: 'singleChat', from: 'bob', to: 'alice', url: 'u', filename: 'f.pdf', file_length: 9 }, 'alice'))
      .toMatchObject({ type: 'file', url: 'u', filename: 'f.pdf', fileSize: 9 })
    expect(toMessage({ ...base, type: 'file', from: 'bob', to: 'alice' }, 'alice')).toEqual({
      ...base, type: 'file', url: '', filename: '', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice',
    })
    expect(toMessage({ ...base, type: 'custom', from: 'bob', to: 'alice', customEvent: 'poll', customExts: { a: 1 }, params: {} }, 'alice'))
      .toMatchObject({ type: 'custom', customEvent: 'poll', customExts: { a: 1 } })
    expect(toMessage({ ...base, type: 'loc', from: 'bob', to: 'alice', addr: 'Main St 1', lat: 1, lng: 2 }, 'alice')).toMatchObject({ type: 'loc', address: 'Main St 1' })
    expect(toMessage({ ...base, type: 'audio', from: 'bob', to: 'alice', url: 'a.mp3' }, 'alice')).toMatchObject({ type: 'audio', url: 'a.mp3' })
    expect(toMessage({ ...base, type: 'video', from: 'bob', to: 'alice' }, 'alice')).not.toHaveProperty('url')
    expect(toMessage({ ...base, type: 'combine', from: 'bob', to: 'alice' }, 'alice')).toMatchObject({ type: 'combine' })
    expect(toMessage({ ...base, type: 'cmd', from: 'bob', to: 'alice' }, 'alice')).toMatchObject({ type: 'cmd' })
  })

  it('returns null for acks, unknown types, missing ids and non-objects', () => {
    for (const type of ['read', 'delivery', 'channel', 'recall', 'mystery']) expect(toMessage({ ...base, type }, 'alice')).toBeNull()
    expect(toMessage({ ...base, id: '', type: 'txt' }, 'alice')).toBeNull()
    expect(toMessage({ time: 1, type: 'txt' }, 'alice')).toBeNull()
    expect(toMessage({ ...base, id: 5, type: 'txt' }, 'alice')).toBeNull()
    expect(toMessage(null, 'alice')).toBeNull()
    expect(toMessage('txt', 'alice')).toBeNull()
    expect(toMessage({}, 'alice')).toBeNull()
  })

  it('finds the conversation: the peer in single chats (either direction, any case), the group otherwise', () => {
    const conv = (body: object, me = 'alice') => toMessage({ ...base, type: 'txt', ...body }, me)?.conversationId
    expect(conv({ chatType: 'singleChat', from: 'bob', to: 'alice' })).toBe('bob')
    expect(conv({ chatType: 'singleChat', from: 'alice', to: 'bob' })).toBe('bob')
    expect(conv({ chatType: 'singleChat', from: 'alice', to: 'bob' }, 'Alice')).toBe('bob')
    expect(conv({ chatType: 'groupChat', from: 'bob', to: 'g1' })).toBe('g1')
    expect(conv({ chatType: 'groupChat', from: 'alice', to: 'g1' })).toBe('g1')
    expect(conv({ chatType: 'chatRoom', from: 'bob', to: 'r1' })).toBe('r1')
    // No chat type: a single chat.
    expect(toMessage({ ...base, type: 'txt', from: 'bob', to: 'alice' }, 'alice')).toMatchObject({ chatType: 'singleChat', conversationId: 'bob' })
    // A fallback (history) wins for the id and stands in for a missing chat type.
    expect(toMessage({ ...base, type: 'txt', from: 'bob', to: 'alice' }, 'alice', { conversationId: 'BOB', chatType: 'groupChat' }))
      .toMatchObject({ conversationId: 'BOB', chatType: 'groupChat' })
  })

  it('reads a string time as a number and defaults ext and sender', () => {
    const m = toMessage({ id: '7', type: 'txt', time: '1700000000123' }, 'alice')
    expect(m).toEqual({ id: '7', type: 'txt', text: '', conversationId: '', chatType: 'singleChat', from: '', to: '', time: 1_700_000_000_123, ext: {} })
  })
})

describe('toConversation / toLegacyConversation', () => {
  it('maps a server item and zeroes the pin time of an unpinned one', () => {
    expect(toConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: false, pinnedTime: 55, lastMessage: null, unReadCount: 4 }, 'alice'))
      .toEqual({ conversationId: 'bob', chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 4, marks: [] })
    const c = toConversation({
      conversationId: 'g1', conversationType: 'groupChat', isPinned: true, pinnedTime: 77, unReadCount: 0, marks: [1],
      lastMessage: { id: '9', type: 'txt', chatType: 'groupChat', from: 'bob', to: 'g1', time: 5, msg: 'x' },
    }, 'alice')
    expect(c).toMatchObject({ chatType: 'groupChat', isPinned: true, pinnedTime: 77, marks: [1], lastMessage: { id: '9', conversationId: 'g1', text: 'x' } })
  })

  it('parses legacy channel ids', () => {
    const legacy = (channel_id: string) => toLegacyConversation({ channel_id, lastMessage: {}, unread_num: 1 }, 'alice')
    expect(legacy('roamkit#simulator_bob@easemob.com')).toMatchObject({ conversationId: 'bob', chatType: 'singleChat', unreadCount: 1, lastMessage: null })
    expect(legacy('roamkit#simulator_john_doe@easemob.com')).toMatchObject({ conversationId: 'john_doe', chatType: 'singleChat' })
    expect(legacy('41117440#383391_200000000001@conference.easemob.com')).toMatchObject({ conversationId: '200000000001', chatType: 'groupChat' })
    expect(legacy('bob@easemob.com')).toMatchObject({ conversationId: 'bob', chatType: 'singleChat' })
    expect(legacy('bob')).toBeNull()
    expect(legacy('@easemob.com')).toBeNull()
    expect(legacy('roamkit#simulator_bob@example.com')).toBeNull()
  })
})

describe('toMultiDeviceEvent', () => {
  it('maps the roaming operations and reads chatType or conversationType', () => {
    expect(toMultiDeviceEvent({ operation: 'deleteRoaming', conversationId: 'g1', chatType: 'groupChat', resource: 'r' }))
      .toEqual({ type: 'historyRemoved', conversationId: 'g1', chatType: 'groupChat' })
    expect(toMultiDeviceEvent({ operation: 'deleteConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: 12 }))
      .toEqual({ type: 'conversationDeleted', conversationId: 'bob', chatType: 'singleChat', timestamp: 12 })
    expect(toMultiDeviceEvent({ operation: 'pinnedConversation', conversationId: 'g1', conversationType: 'groupChat', timestamp: 13 }))
      .toEqual({ type: 'conversationPinned', conversationId: 'g1', chatType: 'groupChat', isPinned: true, timestamp: 13 })
    expect(toMultiDeviceEvent({ operation: 'unpinnedConversation', conversationId: 'g1', conversationType: 'groupChat' }))
      .toEqual({ type: 'conversationPinned', conversationId: 'g1', chatType: 'groupChat', isPinned: false, timestamp: 0 })
  })

  it('ignores everything else', () => {
    expect(toMultiDeviceEvent({ operation: 'markConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: 1 })).toBeNull()
    expect(toMultiDeviceEvent({ operation: 'deleteRoaming' })).toBeNull()
    expect(toMultiDeviceEvent({ operation: 'chatThreadCreate', chatThreadId: 't' })).toBeNull()
    expect(toMultiDeviceEvent(undefined)).toBeNull()
  })

  it('compares user ids without regard to case', () => {
    expect(sameUser('Alice', 'alice')).toBe(true)
    expect(sameUser('alice', 'bob')).toBe(false)
    expect(sameUser(undefined, 'alice')).toBe(false)
  })
})

describe('toRoamingError', () => {
  it('maps the three shapes, keeping the cause', () => {
    const err = new TypeError('Invalid parameter cursor: 5')
    expect(toRoamingError(err, 'op')).toMatchObject({ code: -3, retryable: false, message: 'op: Invalid parameter cursor: 5', cause: err })
    const event = new ErrorEvent({ type: 39, message: 'not login' })
    expect(toRoamingError(event, 'op')).toMatchObject({ code: 39, retryable: false, message: 'op: not login', cause: event })
    const rest = { type: 17, message: '', data: {} }
    expect(toRoamingError(rest, 'op')).toMatchObject({ code: 17, retryable: false, message: 'op: SDK error 17', cause: rest })
  })

  it('marks timeouts, network errors and throttling retryable', () => {
    const retryable = (type: number) => toRoamingError({ type, message: 'x' }, 'op').retryable
    expect([-1, -2, 50, 500, 509, 510].map(retryable)).toEqual([true, true, true, true, true, true])
    expect([-3, -4, 17, 39, 52, 505, 999].map(retryable)).toEqual([false, false, false, false, false, false, false])
  })

  it('passes a RoamingError through and maps anything else to 999', () => {
    const e = new RoamingArgumentError('op', 'pageSize', 0, 'an integer in [1, 50]')
    expect(toRoamingError(e, 'other')).toBe(e)
    expect(toRoamingError(undefined, 'op')).toMatchObject({ code: 999, message: 'op: unexpected failure undefined' })
    expect(toRoamingError({ type: '17' }, 'op')).toMatchObject({ code: 999 })
  })

  it('RemovePartialError carries both id lists and the first failure', () => {
    const first = new RoamingError('removeMessages: Server is busy.', { code: 500, operation: 'removeMessages' })
    const e = new RemovePartialError('removeMessages', ['1', '2'], ['3'], first)
    expect(e).toBeInstanceOf(RoamingError)
    expect(e).toMatchObject({ code: 500, retryable: true, removedIds: ['1', '2'], failedIds: ['3'], cause: first })
    expect(e.message).toBe('removeMessages: 1 of 3 messages were not removed (removeMessages: Server is busy.)')
  })
})

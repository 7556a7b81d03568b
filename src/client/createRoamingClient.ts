import { toConversation, toDisconnectReason, toLegacyConversation, toMessage, toMultiDeviceEvent, toReadEvent } from './normalize'
import { RemovePartialError, RoamingArgumentError, RoamingError, toRoamingError } from './RoamingError'
import type { SdkConnection, SdkConversationItem, SdkHistoryParams, SdkLegacyChannel } from './sdkTypes'
import type {
  ConnectionState, ConversationPage, DisconnectReason, ConversationPageParams, ConversationType, HistoryPage, HistoryPageParams,
  HistorySearch, LegacyConversationPage, RemoveByIdsParams, RemoveResult, RoamingClient, RoamingListener, RoamingMessage,
} from './types'
import { MAX_CONVERSATION_MARK } from './types'
import {
  checkBoolean, checkConversation, checkCursor, checkFunction, checkHistorySearch, checkIdList, checkInt, checkObject,
  checkPastTime,
} from './validate'

/** Options of `createRoamingClient`. */
export interface RoamingClientOptions {
  /**
   * Most message ids per `removeHistoryMessages` call, an integer in [1, 50]. The SDK rejects more than 20 today
   * (the docs say 50 in places), so raise it only for an SDK that accepts more.
   * @default 20
   */
  maxIdsPerCall?: number
  /**
   * Bound (ms) on every SDK call. The SDK times its requests out after 15 s, but agora-chat 1.4.0's
   * `getHistoryMessages` never settles when logged out; past the bound the call rejects with code -1.
   * @default 20000
   */
  timeoutMs?: number
  /** Clock for "not in the future" checks. @default Date.now */
  now?: () => number
  /** Where warnings go (mixed-case user ids). @default console.warn */
  warn?: (message: string) => void
}

let nextHandlerId = 0

/**
 * Adapts a logged-in (or about to be) `agora-chat` / `easemob-websdk` connection, or the simulator's, to the
 * `RoamingClient` seam: one envelope, one error type, ascending history, chunked id removal, validated arguments.
 */
export function createRoamingClient(connection: SdkConnection, options: RoamingClientOptions = {}): RoamingClient {
  const op = 'createRoamingClient'
  const isConnection = typeof connection === 'object' && connection !== null && typeof connection.getHistoryMessages === 'function'
    && typeof connection.addEventHandler === 'function' && typeof connection.removeEventHandler === 'function'
  if (!isConnection) {
    throw new RoamingArgumentError(op, 'connection', connection,
      'an agora-chat or easemob-websdk connection (an object with getHistoryMessages, addEventHandler and removeEventHandler)')
  }
  checkObject(op, 'options', options)
  const maxIds = checkInt(op, 'options.maxIdsPerCall', options.maxIdsPerCall, 1, 50, 20)
  const timeoutMs = checkInt(op, 'options.timeoutMs', options.timeoutMs, 1, 600_000, 20_000)
  const now = checkFunction(op, 'options.now', options.now) ?? Date.now
  const warn = checkFunction(op, 'options.warn', options.warn) ?? ((m: string) => console.warn(m))
  const warned = new Set<string>()
  const listeners = new Set<RoamingListener>()
  // The connection since the handler was added: up, reconnecting, or stopped and why. Down, what happened meanwhile
  // may not be pushed (the server does not replay multi-device events), so its return is an event of its own. Then,
  // until the SDK's offline sync ends, whether its end is one too: the offline messages come after onConnected, and
  // one of them may have been removed on another device meanwhile.
  let state: ConnectionState = 'connected'
  let ackCount = 0
  let catchingUp = false
  const handlerId = `roamkit-${++nextHandlerId}-${Math.random().toString(36).slice(2, 8)}`

  const userId = (): string => connection.context?.userId || connection.user || ''

  // The seed page: "a login user id that mixes upper and lower case gets an empty conversation list".
  function checkCase(id: string, what: string): void {
    if (warned.has(id) || !/[a-z]/.test(id) || !/[A-Z]/.test(id)) return
    warned.add(id)
    warn(`roamkit: ${what} "${id}" mixes upper and lower case; Agora Chat user ids are case-insensitive and should be lowercase, or the server may return empty lists.`)
  }

  /** Runs one SDK call: sync throws become rejections, any error shape a RoamingError, and no call hangs. */
  function invoke<T>(operation: string, call: () => Promise<unknown>, read: (result: unknown) => T): Promise<T> {
    const me = userId()
    if (me) checkCase(me, 'the logged-in user id')
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new RoamingError(`${operation}: no answer within ${timeoutMs} ms`, { code: -1 /* SdkCode.REQUEST_TIMEOUT */, operation }))
      }, timeoutMs)
      const settle = (fn: () => void) => { clearTimeout(timer); fn() }
      let pending: Promise<unknown>
      try {
        pending = Promise.resolve(call())
      } catch (error) {
        pending = Promise.reject(error)
      }
      pending.then(
        (result) => settle(() => {
          try { resolve(read(result)) } catch (error) { reject(toRoamingError(error, operation)) }
        }),
        (error: unknown) => settle(() => reject(toRoamingError(error, operation))),
      )
    })
  }

  function unexpected(operation: string, result: unknown): RoamingError {
    return new RoamingError(`${operation}: unexpected result shape`, { code: 999 /* SdkCode.SDK_RUNTIME_ERROR */, operation, cause: result })
  }

  function readConversationPage(operation: string, pageSize: number) {
    return (result: unknown): ConversationPage => {
      const data = (result as { data?: { conversations?: unknown; cursor?: unknown } } | undefined)?.data
      if (!data || !Array.isArray(data.conversations)) throw unexpected(operation, result)
      const me = userId()
      const conversations = (data.conversations as SdkConversationItem[]).map((c) => toConversation(c, me))
      // A short page is the last one too.
      const cursor = readCursor(data.cursor)
      return { conversations, nextCursor: conversations.length < pageSize ? null : cursor }
    }
  }

  async function listPage(operation: 'getConversations' | 'getPinnedConversations', params: ConversationPageParams = {}) {
    checkObject(operation, 'params', params)
    const pageSize = checkInt(operation, 'pageSize', params.pageSize, 1, 50, 20)
    const cursor = checkCursor(operation, params.cursor)
    const sdkParams = { pageSize, cursor }
    return invoke(operation, () => operation === 'getConversations'
      ? connection.getServerConversations(sdkParams)
      : connection.getServerPinnedConversations(sdkParams), readConversationPage(operation, pageSize))
  }

  /** Checks the params object and the conversation it names (and the peer id's case). */
  function target(operation: string, params: { conversationId?: unknown; chatType?: unknown }, allowChatRoom: boolean) {
    checkObject(operation, 'params', params)
    const { conversationId, chatType } = checkConversation(operation, params, allowChatRoom)
    if (chatType === 'singleChat') checkCase(conversationId, 'the peer user id')
    return { conversationId, chatType }
  }

  return {
    userId,

    getConversations: (params) => listPage('getConversations', params),
    getPinnedConversations: (params) => listPage('getPinnedConversations', params),

    async getMarkedConversations(params) {
      const operation = 'getMarkedConversations'
      checkObject(operation, 'params', params)
      const mark = checkInt(operation, 'mark', params.mark, 0, MAX_CONVERSATION_MARK)
      const pageSize = checkInt(operation, 'pageSize', params.pageSize, 1, 10, 10)
      const cursor = checkCursor(operation, params.cursor)
      return invoke(operation, () => connection.getServerConversationsByFilter({ pageSize, cursor, filter: { mark } }), readConversationPage(operation, pageSize))
    },

    async deleteAllConversations() {
      return invoke('deleteAllConversations', () => connection.deleteAllMessagesAndConversations(), () => undefined)
    },

    async getLegacyConversations(params) {
      const operation = 'getLegacyConversations'
      checkObject(operation, 'params', params)
      const pageNum = checkInt(operation, 'pageNum', params.pageNum, 1, 1_000_000)
      const pageSize = checkInt(operation, 'pageSize', params.pageSize, 1, 20)
      return invoke(operation, () => connection.getConversationlist({ pageNum, pageSize }), (result): LegacyConversationPage => {
        const infos = (result as { data?: { channel_infos?: unknown } } | undefined)?.data?.channel_infos
        if (!Array.isArray(infos)) throw unexpected(operation, result)
        const me = userId()
        const conversations = (infos as SdkLegacyChannel[]).flatMap((c) => toLegacyConversation(c, me) ?? [])
        return { conversations, hasMore: infos.length >= pageSize }
      })
    },

    async getHistory(params: HistoryPageParams) {
      const operation = 'getHistory'
      const { conversationId, chatType } = target(operation, params, true)
      const pageSize = checkInt(operation, 'pageSize', params.pageSize, 1, 50, 20)
      const cursor = checkCursor(operation, params.cursor)
      const direction = params.direction ?? 'up'
      if (direction !== 'up' && direction !== 'down') {
        throw new RoamingArgumentError(operation, 'direction', direction, "'up' or 'down'")
      }
      const sdk: SdkHistoryParams = { targetId: conversationId, chatType, pageSize, searchDirection: direction }
      if (cursor !== '') sdk.cursor = cursor
      const search = checkHistorySearch(operation, params.search, chatType)
      if (search) sdk.searchOptions = searchOptions(search)
      return invoke(operation, () => connection.getHistoryMessages(sdk), (result): HistoryPage => {
        const r = result as { messages?: unknown; cursor?: unknown; isLast?: unknown } | undefined
        if (!r || !Array.isArray(r.messages)) throw unexpected(operation, result)
        const me = userId()
        const messages = r.messages.flatMap((m) => toMessage(m, me, { conversationId, chatType }) ?? [])
        // `up` pages come newest first; the seam always hands out ascending order.
        if (direction === 'up') messages.reverse()
        // History cursors may come as numbers.
        const next = typeof r.cursor === 'number' ? String(r.cursor) : readCursor(r.cursor)
        const isLast = r.isLast === true || next === null
        return { messages, nextCursor: isLast ? null : next, isLast }
      })
    },

    async removeMessages(params) {
      const operation = 'removeMessages'
      const { conversationId, chatType } = target(operation, params, true)
      // `undefined` counts as absent, so `{ ...base, before: undefined }` is a removal by ids.
      const given = params as { before?: unknown; messageIds?: unknown }
      if (given.before !== undefined && given.messageIds !== undefined) {
        throw new RoamingArgumentError(operation, 'params', params, 'either messageIds or before, not both')
      }
      if (given.before === undefined && given.messageIds === undefined) {
        throw new RoamingArgumentError(operation, 'messageIds', undefined, 'a non-empty array of message ids, or a before time in ms')
      }
      if (given.before !== undefined) {
        const before = checkPastTime(operation, 'before', given.before, now())
        await invoke(operation, () => connection.removeHistoryMessages({ targetId: conversationId, chatType, beforeTimeStamp: before }), () => undefined)
        return { removedIds: [], calls: 1 }
      }
      const ids = checkIdList(operation, 'messageIds', given.messageIds)
      const onProgress = checkFunction(operation, 'onProgress', (params as RemoveByIdsParams).onProgress)
      const removed: string[] = []
      let calls = 0
      for (let start = 0; start < ids.length; start += maxIds) {
        const chunk = ids.slice(start, start + maxIds)
        calls++
        try {
          await invoke(operation, () => connection.removeHistoryMessages({ targetId: conversationId, chatType, messageIds: chunk }), () => undefined)
        } catch (error) {
          // Stop at the first failure: under throttling or logout the next calls would fail too. What was not
          // attempted is reported as failed, i.e. still on the server.
          onProgress?.({ done: ids.length, total: ids.length })
          const failed = ids.slice(start)
          if (removed.length === 0) throw error
          throw new RemovePartialError(operation, removed, failed, error as RoamingError)
        }
        removed.push(...chunk)
        onProgress?.({ done: removed.length, total: ids.length })
      }
      return { removedIds: removed, calls } satisfies RemoveResult
    },

    async deleteConversation(params) {
      const operation = 'deleteConversation'
      const { conversationId, chatType } = target(operation, params, false)
      const deleteRoam = checkBoolean(operation, 'deleteRoam', params.deleteRoam)
      return invoke(operation, () => connection.deleteConversation({
        channel: conversationId, chatType: chatType as ConversationType, deleteRoam,
      }), (result) => {
        // The answer is the raw server JSON plus `type: 0`; its `timestamp` is the server's time of the deletion.
        const timestamp = Number((result as { timestamp?: unknown } | undefined)?.timestamp)
        return { timestamp: Number.isFinite(timestamp) && timestamp > 0 ? timestamp : now() }
      })
    },

    async pinConversation(params) {
      const operation = 'pinConversation'
      const { conversationId, chatType } = target(operation, params, false)
      const isPinned = checkBoolean(operation, 'isPinned', params.isPinned)
      return invoke(operation, () => connection.pinConversation({
        conversationId, conversationType: chatType as ConversationType, isPinned,
      }), (result) => {
        const data = (result as { data?: { isPinned?: unknown; pinnedTime?: unknown } } | undefined)?.data
        if (!data) throw unexpected(operation, result)
        const pinned = data.isPinned === true
        return { isPinned: pinned, pinnedTime: pinned ? Number(data.pinnedTime) || 0 : 0 }
      })
    },

    async setConversationMark(params) {
      const operation = 'setConversationMark'
      const { conversationId, chatType } = target(operation, params, false)
      const mark = checkInt(operation, 'mark', params.mark, 0, MAX_CONVERSATION_MARK)
      const marked = checkBoolean(operation, 'marked', params.marked)
      const sdk = { conversations: [{ conversationId, conversationType: chatType as ConversationType }], mark }
      return invoke(operation, () => (marked ? connection.addConversationMark(sdk) : connection.removeConversationMark(sdk)), () => undefined)
    },

    async markConversationRead(params) {
      const operation = 'markConversationRead'
      const { conversationId, chatType } = target(operation, params, false)
      // The ack `message.create` would make (see `SdkChannelAck`); a longer id than the SDK's own (ms since 2010 plus
      // a counter, 12 digits) so the two never meet in its table of messages awaiting a receipt.
      const ack = { id: `${now()}${String(++ackCount % 1000).padStart(3, '0')}`, type: 'channel' as const, chatType: chatType as ConversationType, to: conversationId, from: '', time: now() }
      return invoke(operation, () => connection.send(ack), () => undefined)
    },

    // Not listening, nothing was heard: the connection says.
    connectionState: () => (listeners.size > 0 ? state : readState()),

    subscribe(listener) {
      if (typeof listener !== 'function') throw new RoamingArgumentError('subscribe', 'listener', listener, 'a function')
      if (listeners.size === 0) {
        // Down already (mounted during a drop, before the login, after a logout): its return is the same news as after
        // a drop.
        state = readState()
        catchingUp = false
        connection.addEventHandler(handlerId, {
          onMessage: deliverMessages, onMultiDeviceEvent: deliverMultiDevice, onChannelMessage: deliverRead,
          onReconnecting: () => drop('reconnecting'),
          // Stopped already, its socket's close says nothing new: the token's expiry closes the connection (the
          // SDK's `close()`, a logout with no error) after telling why.
          onDisconnected: (error?: unknown) => { if (state === 'connected' || state === 'reconnecting') drop(toDisconnectReason(error)) },
          onTokenExpired: () => drop('tokenExpired'),
          onConnected: () => { if (state !== 'connected') { state = 'connected'; catchingUp = true; emit({ type: 'reconnected' }) } },
          // The offline messages are all in: what they changed can be read after them.
          onOfflineMessageSyncFinish: () => { if (catchingUp) { catchingUp = false; emit({ type: 'reconnected' }) } },
        })
      }
      listeners.add(listener)
      return () => {
        if (!listeners.delete(listener)) return
        if (listeners.size === 0) connection.removeEventHandler(handlerId)
      }
    },
  }

  /**
   * What the connection says of itself: its socket (`isOpened()`), and, closed, whether it is logged out (its run-time
   * `logOut`, true before the login and after a logout or a forced one, whose error its `disconnectedReason` keeps) or
   * reconnecting. A connection without `logOut` is reconnecting.
   */
  function readState(): ConnectionState {
    if (connection.isOpened?.() !== false) return 'connected'
    return connection.logOut === true ? toDisconnectReason(connection.disconnectedReason) : 'reconnecting'
  }
  function drop(next: 'reconnecting' | DisconnectReason): void {
    catchingUp = false
    // The SDK dispatches onReconnecting at every attempt: one event per change.
    if (state === next) return
    state = next
    emit(next === 'reconnecting' ? { type: 'disconnected', reconnecting: true } : { type: 'disconnected', reconnecting: false, reason: next })
  }
  function emit(event: Parameters<RoamingListener>[0]): void {
    for (const listener of [...listeners]) {
      // The SDK dispatches without try/catch: a throwing listener must not cut off the other SDK handlers.
      try { listener(event) } catch (error) { queueMicrotask(() => { throw error }) }
    }
  }
  function deliverMessages(batch: unknown[]): void {
    const me = userId()
    for (const body of Array.isArray(batch) ? batch : []) {
      const message: RoamingMessage | null = toMessage(body, me)
      if (message) emit({ type: 'message', message })
    }
  }
  function deliverRead(raw: unknown): void {
    const event = toReadEvent(raw, userId())
    if (event) emit(event)
  }
  function deliverMultiDevice(raw: unknown): void {
    const event = toMultiDeviceEvent(raw)
    if (event) emit(event)
  }
}

/** The next-page cursor of an SDK answer, `null` on the last page: `''` is the documented last-page cursor, the d.ts says `'undefined'`. */
const readCursor = (cursor: unknown): string | null =>
  (typeof cursor === 'string' && cursor !== '' && cursor !== 'undefined' ? cursor : null)

/** The SDK's `searchOptions` of a checked search (`checkHistorySearch`). */
function searchOptions(search: HistorySearch): NonNullable<SdkHistoryParams['searchOptions']> {
  const out: NonNullable<SdkHistoryParams['searchOptions']> = { ...search }
  // The SDK's own check of endTime reads startTime's type (§4.1): an end alone is refused as an invalid parameter.
  // From the epoch is the same window.
  if (out.endTime !== undefined && out.startTime === undefined) out.startTime = 0
  return out
}

import type { SdkChatType, SdkHistoryParams, SdkRemoveParams } from '../client/sdkTypes'
import { ErrorEvent, notLoggedIn } from './ErrorEvent'
import { conversationPage, historyPage, legacyList } from './queries'
import type { Device, ServerCore } from './ServerCore'
import { toSdkBody } from './sdkShapes'
import { storeMessage, type SendMessageInput } from './storeMessage'

const CHAT_TYPES: readonly unknown[] = ['singleChat', 'groupChat', 'chatRoom']
const CONVERSATION_TYPES: readonly unknown[] = ['singleChat', 'groupChat']

type Handler = Record<string, ((payload: any) => void) | undefined>
type Callbacks = { success?: (res: any) => void; error?: (err: any) => void; fail?: (err: any) => void }

/**
 * One device's connection to the simulated server, with the SDK connection's method names, parameters, result
 * envelopes, error shapes (thrown synchronously or rejected, as each real method does) and event dispatch.
 * See `shared/spec/agora-sdk.md` §2–§4 for every quirk reproduced here.
 */
export class SimulatedConnection implements Device {
  /** Set by `open()`, as the SDK does (`this.user = e.user`, not lowercased). */
  user = ''
  /** The SDK's login context. */
  readonly context: { userId: string; appKey: string; jid: { appKey: string; clientResource: string; name: string } }
  /** The SDK's handler registry: `handlerData[id] = handler`, so re-adding an id replaces it in place. */
  readonly eventHandler: { handlerData: Record<string, Handler> } = { handlerData: {} }
  private loggedIn = false
  /** As the SDK's run-time field: `true` until a login, and again after `close()` or a forced logout. */
  logOut = true
  /** As the SDK's run-time field: the error of the last forced logout, until the next login or `close()`. */
  disconnectedReason: ErrorEvent | undefined = undefined

  constructor(private readonly core: ServerCore, readonly clientResource: string) {
    this.context = { userId: '', appKey: core.appKey, jid: { appKey: core.appKey, clientResource, name: '' } }
  }

  /** The server's reading of the logged-in user id. */
  get serverUser(): string {
    return this.core.normalizeId(this.user)
  }

  /**
   * Logs in. Any non-empty token is accepted. Back as the user it logged out (or dropped) as, the device then gets the
   * chat messages that came meanwhile, in the SDK's offline sync; as another user, none of them (forgotten: whether
   * the real server keeps them for the first user's next login on this device is unverified).
   */
  open(params: { user: string; accessToken?: string; pwd?: string; agoraToken?: string }): Promise<{ accessToken: string; duration: number }> {
    if (typeof params?.user !== 'string' || params.user === '') {
      return Promise.reject({ type: 700, message: 'appkey or token error' })
    }
    if (this.loggedIn) this.core.logOut(this)
    this.user = params.user
    this.context.userId = params.user
    this.context.jid.name = params.user
    this.loggedIn = true
    this.logOut = false
    this.disconnectedReason = undefined
    this.core.logIn(this)
    return Promise.resolve({ accessToken: params.accessToken ?? params.agoraToken ?? 'simulated-token', duration: 86_400 })
  }

  /**
   * Logs out; later calls fail with `ErrorEvent{type:39}`. Handlers stay registered, as in the SDK. Chat messages for
   * the user wait on the server for this device's next login as that user (the offline sync then).
   */
  close(): void {
    this.leave(undefined)
  }

  /**
   * Called by the server when it signs this device out (a forced logout, `RoamingServer.signOut`): as the SDK, its
   * `onError`, then `onDisconnected`, both with the error; logged out, with its chat messages kept for its next login.
   */
  signedOut(reason: { type: number; message: string }): void {
    this.leave(new ErrorEvent(reason))
  }

  /** Logs out; the SDK's `onDisconnected` passes the server's reason (`disconnectedReason`), none after `close()`. */
  private leave(reason: ErrorEvent | undefined): void {
    if (!this.loggedIn) return
    this.loggedIn = false
    this.logOut = true
    this.disconnectedReason = reason
    this.core.logOut(this)
    if (reason) this.dispatch('onError', reason)
    this.dispatch('onDisconnected', reason)
  }

  /** Whether logged in with the connection up: false while dropped, as the SDK's reads its socket's state. */
  isOpened(): boolean {
    return this.loggedIn && !this.core.isDropped(this)
  }

  /** Registers `handler` under `id`, replacing an earlier one with the same id. */
  addEventHandler(id: string, handler: Handler): void {
    this.eventHandler.handlerData[id] = handler
  }

  /** Removes the handler registered under `id`. */
  removeEventHandler(id: string): void {
    delete this.eventHandler.handlerData[id]
  }

  /** The SDK's dispatch: every handler in insertion order, synchronously, with no try/catch. */
  dispatch(name: string, payload: unknown): void {
    for (const handler of Object.values(this.eventHandler.handlerData)) handler[name]?.(payload)
  }

  /** Server conversation list. Not logged in rejects first; then bad `pageSize`/`cursor` throw synchronously. */
  getServerConversations(params: { pageSize?: number; cursor?: string; includeEmptyConversations?: boolean } = {}) {
    return this.list('getServerConversations', params, false)
  }

  /** Pinned conversations, most recently pinned first. Same checks as `getServerConversations`. */
  getServerPinnedConversations(params: { pageSize?: number; cursor?: string; includeEmptyConversations?: boolean } = {}) {
    return this.list('getServerPinnedConversations', params, true)
  }

  private list(method: string, params: { pageSize?: unknown; cursor?: unknown; includeEmptyConversations?: unknown }, pinnedOnly: boolean) {
    if (!this.loggedIn) return Promise.reject(notLoggedIn(this.core.behaviour.initWith))
    const limit = (params?.pageSize as number) || 20
    if (typeof limit !== 'number') throw new Error(`Invalid parameter pageSize: ${String(params.pageSize)}`)
    const cursor = (params?.cursor as string) || ''
    if (typeof cursor !== 'string') throw new Error(`Invalid parameter cursor: ${String(params.cursor)}`)
    const includeEmpty = params?.includeEmptyConversations === true
    return this.core.request(this, method, params, () => ({
      type: 0,
      data: conversationPage(this.core, this.serverUser, { limit, cursor, pinnedOnly, includeEmpty }),
    }))
  }

  /**
   * Conversations carrying `filter.mark` (0..19), pageSize in [1, 10], default 10 (d.ts :5312). Same checks and
   * order as `getServerConversations`; the SDK also throws synchronously for a non-number `filter.mark`.
   */
  getServerConversationsByFilter(params: { pageSize?: number; cursor?: string; filter: { mark: number } }) {
    if (!this.loggedIn) return Promise.reject(notLoggedIn(this.core.behaviour.initWith))
    if (params?.pageSize && typeof params.pageSize !== 'number') throw new Error(`Invalid parameter pageSize: ${String(params.pageSize)}`)
    if (params?.cursor && typeof params.cursor !== 'string') throw new Error(`Invalid parameter cursor: ${String(params.cursor)}`)
    const mark = params?.filter?.mark
    if (typeof mark !== 'number') throw new Error(`Invalid parameter mark: ${String(mark)}`)
    const limit = params.pageSize || 10
    const cursor = params.cursor || ''
    return this.core.request(this, 'getServerConversationsByFilter', params, () => ({
      type: 0,
      data: conversationPage(this.core, this.serverUser, { limit, cursor, pinnedOnly: false, includeEmpty: false, mark: markOf(mark), maxPageSize: 10 }),
    }))
  }

  /** Adds a mark (0..19) to conversations; resolves `undefined`. Other devices get `markConversation` (§6.23). */
  addConversationMark(params: { conversations: Array<{ conversationId: string; conversationType: 'singleChat' | 'groupChat' }>; mark: number }) {
    return this.mark('addConversationMark', params, true)
  }

  /** Removes a mark from conversations; resolves `undefined`. Other devices get `unMarkConversation` (§6.23). */
  removeConversationMark(params: { conversations: Array<{ conversationId: string; conversationType: 'singleChat' | 'groupChat' }>; mark: number }) {
    return this.mark('removeConversationMark', params, false)
  }

  // The SDK's `markConversation` is `async`: the login check rejects first, then bad arguments reject too.
  private async mark(method: string, params: { conversations?: unknown; mark?: unknown }, isMarked: boolean): Promise<void> {
    if (!this.loggedIn) throw notLoggedIn(this.core.behaviour.initWith)
    const list = params?.conversations ?? []
    if (!Array.isArray(list)) throw new Error('Invalid parameter conversations')
    const targets = list.map((c: { conversationId?: unknown; conversationType?: unknown }) => {
      if (!c?.conversationId || !CONVERSATION_TYPES.includes(c.conversationType)) throw new Error('Invalid parameter conversations')
      return { id: String(c.conversationId), type: c.conversationType as 'singleChat' | 'groupChat' }
    })
    const mark = params.mark
    if (typeof mark !== 'number') throw new Error(`Invalid parameter mark: ${String(mark)}`)
    await this.core.request(this, method, params, () => {
      const value = markOf(mark)
      const { state, clock } = this.core
      const now = clock.now()
      for (const t of targets) {
        // The server ignores conversations the user does not have (its `data.ignore` list).
        const uc = state.findView(this.serverUser, t.type, this.core.normalizeId(t.id))
        if (!uc || uc.deleted) continue
        const has = uc.marks.includes(value)
        if (isMarked && !has) uc.marks.push(value)
        if (!isMarked && has) uc.marks = uc.marks.filter((m) => m !== value)
        this.pushToOtherDevices('onMultiDeviceEvent', {
          operation: isMarked ? 'markConversation' : 'unMarkConversation', conversationId: uc.conversationId,
          conversationType: t.type, conversationMark: value, timestamp: now,
        })
      }
      state.touch()
    })
  }

  /**
   * Clears every conversation and message of this user on the server (§6.22); resolves `undefined`. The SDK has
   * no multi-device event for it, so other devices are not told.
   */
  async deleteAllMessagesAndConversations(): Promise<void> {
    if (!this.loggedIn) throw notLoggedIn(this.core.behaviour.initWith)
    await this.core.request(this, 'deleteAllMessagesAndConversations', undefined, () => {
      const { state } = this.core
      for (const uc of state.users.get(this.serverUser)?.values() ?? []) {
        const last = uc.thread.messages[uc.thread.messages.length - 1]
        if (last) uc.clearedThrough = Math.max(uc.clearedThrough, last.time)
        uc.deleted = true
        uc.unread = 0
        uc.isPinned = false
        uc.pinnedTime = 0
        uc.marks = []
      }
      state.touch()
    })
  }

  /** The legacy list: paged when `pageNum` and `pageSize` are both positive, else the last 10 of 7 days. */
  getConversationlist(params: { pageNum?: number; pageSize?: number } & Callbacks = {}) {
    if (!this.loggedIn) return settle(Promise.reject(notLoggedIn(this.core.behaviour.initWith)), params)
    return settle(this.core.request(this, 'getConversationlist', params, () => legacyList(this.core, this.serverUser, params)), params)
  }

  /** One page of history. Bad arguments reject with a plain `Error`; logged out rejects with `ErrorEvent{39}`. */
  getHistoryMessages(options: SdkHistoryParams & { success?: (res: any) => void; fail?: (err: any) => void }) {
    const bad = historyParamError(options)
    if (bad) return Promise.reject(bad)
    if (!this.loggedIn) {
      // agora-chat 1.4.0 never settles here (a `return Promise.reject()` inside its executor); easemob rejects.
      if (this.core.behaviour.historyHangsWhenLoggedOut) return new Promise<never>(() => {})
      return settle(Promise.reject(notLoggedIn(this.core.behaviour.initWith)), { error: options.fail })
    }
    const answer = this.core.request(this, 'getHistoryMessages', options, () => historyPage(this.core, this.serverUser, options))
    return settle(answer, { success: options.success, error: options.fail })
  }

  /** One-way removal by ids (1–20) or at/before a time. An `async` method: every failure is a rejection. */
  async removeHistoryMessages(options: SdkRemoveParams): Promise<void> {
    const { targetId, chatType, messageIds, beforeTimeStamp } = options ?? ({} as SdkRemoveParams)
    if (typeof targetId !== 'string' || targetId === '') throw new Error(`"Invalid parameter targetId": ${String(targetId)}`)
    if (!CHAT_TYPES.includes(chatType)) throw new Error(`"Invalid parameter chatType": ${String(chatType)}`)
    if (beforeTimeStamp && (typeof beforeTimeStamp !== 'number' || beforeTimeStamp < 0 || String(Math.floor(beforeTimeStamp)).length > 18)) {
      throw new Error(`"Invalid parameter beforeTimeStamp": ${String(beforeTimeStamp)}`)
    }
    if (messageIds !== undefined && (!Array.isArray(messageIds) || messageIds.length < 1 || messageIds.length > 20)) {
      throw new Error(`"Invalid parameter messageIds": ${String(messageIds)}`)
    }
    // `beforeTimeStamp: 0` counts as missing; with both given, the ids win and the time is ignored.
    if (!messageIds && !beforeTimeStamp) throw new Error('messageIds or beforeTimeStamp field is required.')
    if (!this.loggedIn) throw notLoggedIn(this.core.behaviour.initWith)
    const { state, behaviour } = this.core
    await this.core.request(this, 'removeHistoryMessages', options, () => {
      const uc = state.view(this.serverUser, chatType, this.core.normalizeId(targetId), this.core.clock.now())
      if (messageIds) for (const id of messageIds) uc.removedIds.add(String(id))
      else uc.clearedThrough = Math.max(uc.clearedThrough, behaviour.removeBeforeInclusive ? beforeTimeStamp! : beforeTimeStamp! - 1)
      state.touch()
      this.pushToOtherDevices('onMultiDeviceEvent', {
        operation: 'deleteRoaming', conversationId: uc.conversationId,
        chatType: chatType === 'singleChat' ? 'singleChat' : 'groupChat', resource: this.clientResource,
      })
    })
  }

  /** One-way conversation deletion. Bad arguments throw synchronously; logged out rejects. */
  deleteConversation(params: { channel: string; chatType: 'singleChat' | 'groupChat'; deleteRoam: boolean } & Callbacks) {
    const { channel, chatType, deleteRoam } = params ?? ({} as typeof params)
    // The SDK accepts '' and sends the request; only a non-string is refused.
    if (typeof channel !== 'string') throw new Error(`Invalid parameter channel: ${String(channel)}`)
    if (!CONVERSATION_TYPES.includes(chatType)) throw new Error(`Invalid parameter chatType: ${String(chatType)}`)
    if (typeof deleteRoam !== 'boolean') throw new Error(`Invalid parameter deleteRoam: ${String(deleteRoam)}`)
    if (!this.loggedIn) return settle(Promise.reject(notLoggedIn(this.core.behaviour.initWith)), params)
    const answer = this.core.request(this, 'deleteConversation', params, () => {
      const { state, clock } = this.core
      // After every message stored before it, by time too (found by the soak: a message stored just before the
      // deletion carried a later time than the deletion and looked like it recreated the conversation).
      const now = state.operationTime(clock.now())
      const uc = state.view(this.serverUser, chatType, this.core.normalizeId(channel), now)
      uc.deleted = true
      uc.unread = 0
      uc.isPinned = false
      uc.pinnedTime = 0
      // Inferred, as for the pin and for deleteAllMessagesAndConversations: a deleted conversation keeps no marks.
      uc.marks = []
      const last = uc.thread.messages[uc.thread.messages.length - 1]
      if (deleteRoam && last) uc.clearedThrough = Math.max(uc.clearedThrough, last.time)
      state.touch()
      this.pushToOtherDevices('onMultiDeviceEvent', { operation: 'deleteConversation', conversationId: uc.conversationId, conversationType: chatType, timestamp: now })
      return { ...this.rawEnvelope('delete', `/user/${this.serverUser}/user_channel`), timestamp: now, data: { result: 'ok' as const } }
    })
    return settle(answer, params)
  }

  /** `deleteSession` is the SDK's deprecated alias of `deleteConversation`. */
  deleteSession(params: Parameters<SimulatedConnection['deleteConversation']>[0]) {
    return this.deleteConversation(params)
  }

  /** Pins or unpins. Logged out rejects first; bad arguments reject with a plain `Error`. */
  pinConversation(params: { conversationId: string; conversationType: 'singleChat' | 'groupChat'; isPinned: boolean }) {
    if (!this.loggedIn) return Promise.reject(notLoggedIn(this.core.behaviour.initWith))
    const { conversationId, conversationType, isPinned } = params ?? ({} as typeof params)
    if (typeof conversationId !== 'string' || conversationId === '') return Promise.reject(new Error(`Invalid parameter conversationId: ${String(conversationId)}`))
    if (!CONVERSATION_TYPES.includes(conversationType)) return Promise.reject(new Error(`Invalid parameter conversationType: ${String(conversationType)}`))
    if (typeof isPinned !== 'boolean') return Promise.reject(new Error(`Invalid parameter isPinned: ${String(isPinned)}`))
    return this.core.request(this, 'pinConversation', params, () => {
      const { state, clock, behaviour } = this.core
      const now = clock.now()
      const uc = state.view(this.serverUser, conversationType, this.core.normalizeId(conversationId), now)
      if (isPinned && !uc.isPinned) {
        const pinned = [...(state.users.get(this.serverUser)?.values() ?? [])].filter((c) => c.isPinned && !c.deleted).length
        if (pinned >= behaviour.pinnedLimit) throw { type: 17, message: 'pinned conversation count exceeds the limit', data: {} }
      }
      uc.isPinned = isPinned
      uc.pinnedTime = isPinned ? now : 0
      state.touch()
      this.pushToOtherDevices('onMultiDeviceEvent', {
        operation: isPinned ? 'pinnedConversation' : 'unpinnedConversation', conversationId: uc.conversationId, conversationType, timestamp: now,
      })
      return { type: 0, data: { isPinned: uc.isPinned, pinnedTime: uc.pinnedTime } }
    })
  }

  /**
   * Sends a message (txt, img, file, custom) or a conversation read ack (`type: 'channel'`, which resets the
   * unread count). Resolves the SDK's `SendMsgResult`.
   */
  send(message: { type: string; to: string; chatType?: SdkChatType; id?: string } & Omit<SendMessageInput, 'from' | 'to' | 'type' | 'chatType'> & { msg?: string }) {
    if (!this.loggedIn) return Promise.reject(notLoggedIn(this.core.behaviour.initWith))
    const chatType = message.chatType ?? 'singleChat'
    const localMsgId = message.id ?? `local-${this.clientResource}-${this.core.clock.now()}`
    return this.core.request(this, 'send', message, () => {
      if (message.type === 'channel') {
        const to = this.core.normalizeId(message.to)
        const uc = this.core.state.findView(this.serverUser, chatType, to)
        if (uc) { uc.unread = 0; this.core.state.touch() }
        // The web read-ack page: in a single chat the user's other devices get `onChannelMessage` (and the peer's, as a
        // read receipt); a group's ack only clears the server's count and triggers no callback.
        const ack = { id: localMsgId, type: 'channel', chatType, from: this.serverUser, to, time: this.core.clock.now() }
        const users = chatType === 'singleChat' ? new Set([this.serverUser, to]) : []
        for (const user of users) {
          for (const device of this.core.devicesOf(user, true)) {
            if (device !== this) this.core.push(device, () => device.dispatch('onChannelMessage', { ...ack }))
          }
        }
        return { localMsgId, serverMsgId: this.core.state.nextId() }
      }
      const stored = storeMessage(this.core, {
        ...message, from: this.serverUser, to: message.to, chatType, type: message.type as SendMessageInput['type'],
        ...(message.msg !== undefined ? { text: message.msg } : {}),
      }, this.clientResource)
      return { localMsgId, serverMsgId: stored.id, message: toSdkBody(stored, 'live') }
    })
  }

  private pushToOtherDevices(name: string, payload: unknown): void {
    for (const device of this.core.devicesOf(this.serverUser)) {
      if (device.clientResource !== this.clientResource) this.core.push(device, () => device.dispatch(name, payload))
    }
  }

  private rawEnvelope(action: string, path: string) {
    const [organization = '', application = ''] = this.core.appKey.split('#')
    return {
      type: 0, action, path, uri: `https://a1.simulator.invalid/${organization}/${application}${path}`, entities: [],
      timestamp: this.core.clock.now(), duration: 0, organization, application, applicationName: application,
    }
  }
}

/**
 * The SDK's validation of `getHistoryMessages`, as in agora-chat 1.4.0: no check of `chatType` (anything but
 * `singleChat` is sent as a group queue), and its bug: a truthy `endTime` is rejected unless `startTime` is a number.
 */
function historyParamError(o: SdkHistoryParams | undefined): Error | null {
  if (typeof o?.targetId !== 'string' || o.targetId === '') return new Error('"Invalid parameter": "targetId"')
  const s: Record<string, unknown> = o.searchOptions ?? {}
  if (s.from && typeof s.from !== 'string') return new Error('"Invalid parameter": "searchOptions.from"')
  if (s.msgTypes && !Array.isArray(s.msgTypes)) return new Error('"Invalid parameter": "searchOptions.msgTypes"')
  if (s.startTime && typeof s.startTime !== 'number') return new Error('"Invalid parameter": "searchOptions.startTime"')
  if (s.endTime && typeof s.startTime !== 'number') return new Error('"Invalid parameter": "searchOptions.endTime"')
  return null
}

/** A conversation mark as the server accepts it: `MarkType` 0..19, else an HTTP 400 "param mark illegal" (-3). */
function markOf(mark: number): number {
  if (!Number.isInteger(mark) || mark < 0 || mark > 19) throw { type: -3, message: `param mark illegal: ${mark}`, data: {} }
  return mark
}

/** Calls the optional `success`/`error` callbacks the SDK still supports, and returns the same promise. */
function settle<T>(promise: Promise<T>, callbacks: Callbacks): Promise<T> {
  promise.then((res) => callbacks.success?.(res), (err) => (callbacks.error ?? callbacks.fail)?.(err))
  return promise
}

/**
 * The slice of the Agora Chat Web SDK (`agora-chat` 1.4, `easemob-websdk` 4.x) that roamkit talks to, written
 * structurally so that a real connection, and the simulator's connection, are both accepted without importing
 * either package. Field names, result shapes and error shapes follow `shared/spec/agora-sdk.md` §2–§3.
 *
 * These are wire shapes, not roamkit's domain types: only the adapter (`createRoamingClient`) and the simulator
 * read or produce them.
 * @module
 */

/** A chat type as the SDK spells it. `chatRoom` exists for history and deletion only. */
export type SdkChatType = 'singleChat' | 'groupChat' | 'chatRoom'

/** A message body as the SDK delivers it (history pages, live events, `lastMessage`). Only read fields are listed. */
export interface SdkMessageBody {
  /** Server message id: a 64-bit integer as a decimal string. */
  id: string
  /** `txt`, `img`, `file`, `audio`, `video`, `loc`, `custom`, `combine`, `cmd`, or an ack type. */
  type: string
  chatType?: SdkChatType | string
  from?: string
  to?: string
  /** Server receive time, ms. */
  time: number | string
  ext?: Record<string, unknown>
  msg?: string
  url?: string
  thumb?: string
  width?: number
  height?: number
  filename?: string
  file_length?: number
  customEvent?: string
  customExts?: Record<string, unknown>
  addr?: string
  lat?: number
  lng?: number
}

/** One item of `getServerConversations` / `getServerPinnedConversations` (`ConversationItem`, d.ts :920). */
export interface SdkConversationItem {
  conversationId: string
  conversationType: 'singleChat' | 'groupChat'
  isPinned: boolean
  /** `0` when not pinned. */
  pinnedTime: number
  /** `null` when the server has no meta; `{}` is also seen on the legacy list. */
  lastMessage: SdkMessageBody | Record<string, never> | null
  unReadCount: number
  marks?: number[]
}

/** `{ type: 0, data: { conversations, cursor } }`: the envelope of the server conversation lists. */
export interface SdkServerConversationsResult {
  type: number
  data?: { conversations: SdkConversationItem[]; cursor: string }
}

/** One entry of the legacy `getConversationlist` (`ConversationList`, d.ts :868). */
export interface SdkLegacyChannel {
  /** `{appKey}_{id}@easemob.com` for single chats, `{appKey}_{id}@conference.easemob.com` for groups. */
  channel_id: string
  lastMessage: SdkMessageBody | Record<string, never>
  unread_num: number
}

/** The legacy list resolves to the raw server JSON spread plus `type: 0`. */
export interface SdkLegacyConversationsResult {
  type: number
  data?: { channel_infos: SdkLegacyChannel[] }
  [key: string]: unknown
}

/** `getHistoryMessages` resolves to this bare object: no `type`/`data` envelope. */
export interface SdkHistoryResult {
  /** The next cursor (the server's `next_key`); `undefined` on the last page. */
  cursor?: string
  /** In server order: newest first for `up`, oldest first for `down`. */
  messages: SdkMessageBody[]
  isLast: boolean
}

/** `pinConversation` resolves to `{ type: 0, data: { isPinned, pinnedTime } }`. */
export interface SdkPinResult {
  type: number
  data?: { isPinned: boolean; pinnedTime: number }
}

/** Parameters of `getHistoryMessages` (d.ts :4536). */
export interface SdkHistoryParams {
  targetId: string
  cursor?: number | string | null
  pageSize?: number
  chatType: SdkChatType
  searchDirection?: 'up' | 'down'
  searchOptions?: {
    from?: string
    msgTypes?: Array<'txt' | 'img' | 'audio' | 'video' | 'file' | 'loc' | 'custom' | 'cmd' | 'combine'>
    startTime?: number
    endTime?: number
  }
}

/** Parameters of `removeHistoryMessages` (d.ts :4585). */
/** What `addConversationMark` / `removeConversationMark` take: the SDK sends `mark_${mark}`. */
export interface SdkMarkParams {
  conversations: Array<{ conversationId: string; conversationType: 'singleChat' | 'groupChat' }>
  mark: number
}

export interface SdkRemoveParams {
  targetId: string
  chatType: SdkChatType
  messageIds?: string[]
  beforeTimeStamp?: number
}

/** Multi-device events roamkit reads (d.ts :139–244); note `chatType` vs `conversationType`. */
export type SdkMultiDeviceEvent =
  | { operation: 'deleteRoaming'; conversationId: string; chatType: 'singleChat' | 'groupChat'; resource: string }
  | {
      operation: 'pinnedConversation' | 'unpinnedConversation' | 'deleteConversation' | 'markConversation' | 'unMarkConversation'
      conversationId: string
      conversationType: 'singleChat' | 'groupChat'
      conversationMark?: number
      timestamp: number
    }
  | { operation: string; [key: string]: unknown }

/** The handler object given to `addEventHandler`. Only the members roamkit registers are listed. */
export interface SdkEventHandler {
  onMessage?: (messages: any[]) => void
  onMultiDeviceEvent?: (event: any) => void
  /** The socket closed and the SDK is reconnecting (dispatched on each attempt). */
  onReconnecting?: () => void
  /** Logged out, signed out by the server, or reconnection failed. */
  onDisconnected?: (error?: any) => void
  /** The login's token expired: the SDK then closes the connection itself, as a logout. */
  onTokenExpired?: () => void
  /** Logged in, or reconnected. */
  onConnected?: () => void
  /** The offline messages pulled after a (re)connection have all been dispatched. */
  onOfflineMessageSyncFinish?: () => void
  /** A conversation read ack: another device of this user read a conversation, or a peer read this user's. */
  onChannelMessage?: (message: any) => void
}

/**
 * A conversation read ack as `message.create({ type: 'channel', chatType, to })` makes it: measured on agora-chat
 * 1.4.0 and easemob-websdk 4.21.1, `{id, type, chatType, to, from: '', time}` plus three fields left undefined. `id`
 * is a decimal string, as the SDK's own are: `send` keys its table of messages awaiting the server's receipt by it.
 */
export interface SdkChannelAck {
  id: string
  type: 'channel'
  chatType: 'singleChat' | 'groupChat'
  to: string
  from: string
  time: number
}

/**
 * A connection of `agora-chat` or `easemob-websdk` (or the simulator's `server.connect()`), as far as roamkit uses it.
 * Methods are declared as methods so that the SDK's own, more specific signatures are accepted.
 */
export interface SdkConnection {
  /** Whether the socket is open (`sock.readyState === 1`): false before the login and while reconnecting. */
  isOpened?(): boolean
  /** Set by `open()` at run time (`this.user = e.user`); not in the SDK's types. */
  user?: string
  /**
   * Run-time field, not in the SDK's types: `true` from construction until a login, and again after `close()` or a
   * forced logout; `false` while logged in, reconnecting included.
   */
  logOut?: boolean
  /** Run-time field, not in the SDK's types: the error of its last forced logout, until the next login or `close()`. */
  disconnectedReason?: unknown
  context?: { userId?: string; jid?: { clientResource?: string } }
  getServerConversations(params: { pageSize?: number; cursor?: string }): Promise<unknown>
  getServerPinnedConversations(params: { pageSize?: number; cursor?: string }): Promise<unknown>
  getServerConversationsByFilter(params: { pageSize?: number; cursor?: string; filter: { mark: number } }): Promise<unknown>
  deleteAllMessagesAndConversations(): Promise<unknown>
  getConversationlist(params?: { pageNum?: number; pageSize?: number }): Promise<unknown>
  getHistoryMessages(options: SdkHistoryParams): Promise<unknown>
  removeHistoryMessages(options: SdkRemoveParams): Promise<unknown>
  deleteConversation(params: { channel: string; chatType: 'singleChat' | 'groupChat'; deleteRoam: boolean }): Promise<unknown>
  pinConversation(params: { conversationId: string; conversationType: 'singleChat' | 'groupChat'; isPinned: boolean }): Promise<unknown>
  /** From agora-chat 1.3 (easemob 4.x): resolve `undefined`. */
  addConversationMark(params: SdkMarkParams): Promise<unknown>
  removeConversationMark(params: SdkMarkParams): Promise<unknown>
  send(message: SdkChannelAck): Promise<unknown>
  addEventHandler(id: string, handler: SdkEventHandler): void
  removeEventHandler(id: string): void
}

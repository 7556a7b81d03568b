/**
 * roamkit's domain types and the `RoamingClient` seam. Everything above `src/client/` sees only these: no SDK
 * envelope, error shape or ordering quirk leaks past the adapter.
 * @module
 */

/** The type of a server conversation. Chat rooms have history but no server conversation. */
export type ConversationType = 'singleChat' | 'groupChat'

/** The chat type of a message or a history query. */
export type ChatType = ConversationType | 'chatRoom'

/** Message types that can be stored in roaming history. */
export type MessageType = 'txt' | 'img' | 'file' | 'audio' | 'video' | 'loc' | 'custom' | 'combine' | 'cmd'

/** Fields every roaming message has. */
export interface MessageCommon {
  /** Server message id (a 64-bit integer as a decimal string). Unique and stable. */
  id: string
  /** The conversation it belongs to: the peer's user id for single chats, the group id otherwise. */
  conversationId: string
  /** The chat type of its conversation. */
  chatType: ChatType
  /** Sender's user id. */
  from: string
  /** Recipient: a user id, or the group/room id. */
  to: string
  /** Server receive time in ms since the epoch: the order of history. */
  time: number
  /** The sender's extension fields, never interpreted by roamkit. */
  ext: Record<string, unknown>
}

/** A text message. */
export interface TextMessage extends MessageCommon {
  /** Discriminant. */
  type: 'txt'
  /** The text, to be rendered as plain text. */
  text: string
}

/** An image message. Width and height, when known, let a view reserve the space before the image loads. */
export interface ImageMessage extends MessageCommon {
  /** Discriminant. */
  type: 'img'
  /** Full-size image URL. */
  url: string
  /** Thumbnail URL, when the server made one. */
  thumbnailUrl?: string
  /** Pixel width, when known. */
  width?: number
  /** Pixel height, when known. */
  height?: number
}

/** A file message. */
export interface FileMessage extends MessageCommon {
  /** Discriminant. */
  type: 'file'
  /** Download URL. */
  url: string
  /** The file's name as sent. */
  filename: string
  /** Size in bytes, when known. */
  fileSize?: number
}

/** A custom message: an app-defined event name and fields. */
export interface CustomMessage extends MessageCommon {
  /** Discriminant. */
  type: 'custom'
  /** The app's event name. */
  customEvent: string
  /** The app's fields. */
  customExts: Record<string, unknown>
}

/** Audio, video, location, combined and command messages: kept with a media URL or address where they have one. */
export interface OtherMessage extends MessageCommon {
  /** Discriminant. */
  type: 'audio' | 'video' | 'loc' | 'combine' | 'cmd'
  /** Media URL for audio and video. */
  url?: string
  /** Address for a location. */
  address?: string
}

/** Any roaming message. Narrow on `type`. */
export type RoamingMessage = TextMessage | ImageMessage | FileMessage | CustomMessage | OtherMessage

/** A server conversation of the current user. */
export interface Conversation {
  /** Peer user id or group id. */
  conversationId: string
  /** Single or group chat. */
  chatType: ConversationType
  /** Whether the user pinned it. */
  isPinned: boolean
  /** When it was pinned (ms), `0` if not pinned. */
  pinnedTime: number
  /** The newest message the user can still see, or `null`. */
  lastMessage: RoamingMessage | null
  /** Messages from others since the user last read the conversation. */
  unreadCount: number
  /** Conversation marks (0–19), if any. */
  marks: number[]
}

/** A page of the server conversation list. */
export interface ConversationPage {
  /** In the server's order: most recently active first (pinned list: most recently pinned first). */
  conversations: Conversation[]
  /** Cursor of the next page, `null` when this is the last page. */
  nextCursor: string | null
}

/** Parameters of a cursor-paged conversation list request. */
export interface ConversationPageParams {
  /** Conversations per page, an integer in [1, 50]. @default 20 */
  pageSize?: number
  /** Cursor from the previous page; omitted or `null` starts from the most recent. */
  cursor?: string | null
}

/** Parameters of `getMarkedConversations`. */
export interface MarkedConversationPageParams {
  /** The mark, an integer in [0, 19]. */
  mark: number
  /** Conversations per page, an integer in [1, 10] (the server's limit for this list). @default 10 */
  pageSize?: number
  /** Cursor from the previous page; omitted or `null` starts from the most recent. */
  cursor?: string | null
}

/** Parameters of the legacy, page-numbered list (`getConversationlist`). */
export interface LegacyConversationPageParams {
  /** Page number, an integer from 1. */
  pageNum: number
  /** Conversations per page, an integer in [1, 20]. */
  pageSize: number
}

/** A page of the legacy list. The legacy endpoint has no pin information. */
export interface LegacyConversationPage {
  /** Conversations of the page, most recent first; `isPinned` is always `false` here. */
  conversations: Conversation[]
  /** Whether a further page may exist (this page was full). */
  hasMore: boolean
}

/** Direction of a history page: `up` walks toward older messages, `down` toward newer ones. */
export type HistoryDirection = 'up' | 'down'

/** Server-side filters of a history query. */
export interface HistorySearch {
  /** Only messages from this sender (group chats only). */
  from?: string
  /** Only these message types. */
  msgTypes?: MessageType[]
  /** Only messages at or after this time (ms). */
  startTime?: number
  /** Only messages at or before this time (ms). */
  endTime?: number
}

/** Parameters of a history page request. */
export interface HistoryPageParams {
  /** Peer user id, group id or chat room id. */
  conversationId: string
  /** Chat type of the conversation. */
  chatType: ChatType
  /** Messages per page, an integer in [1, 50]. @default 20 */
  pageSize?: number
  /** Cursor from a previous page of the same direction; omitted or `null` starts at the end the direction implies. */
  cursor?: string | null
  /** `up` (default): newest first, toward older. `down`: from the oldest (or the cursor) toward newer. */
  direction?: HistoryDirection
  /** Server-side filters. */
  search?: HistorySearch
}

/** A page of history. */
export interface HistoryPage {
  /** Always in ascending time order, whatever the direction (the SDK returns `up` pages newest first). */
  messages: RoamingMessage[]
  /** Cursor to continue in the same direction, `null` when `isLast`. */
  nextCursor: string | null
  /** Whether the server says this page is the last in its direction. */
  isLast: boolean
}

/** Progress of a chunked removal. */
export interface RemoveProgress {
  /** Ids whose call has settled (removed or failed). */
  done: number
  /** All ids of the request. */
  total: number
}

/** Remove messages by id. Any count: the client splits them into calls the SDK accepts. */
export interface RemoveByIdsParams {
  /** Conversation id. */
  conversationId: string
  /** Chat type of the conversation. */
  chatType: ChatType
  /** Distinct, non-empty message ids; at least one. */
  messageIds: readonly string[]
  /** Called after each call settles. */
  onProgress?: (progress: RemoveProgress) => void
}

/** Remove every message at or before a time. */
export interface RemoveBeforeParams {
  /** Conversation id. */
  conversationId: string
  /** Chat type of the conversation. */
  chatType: ChatType
  /** A time in ms, greater than 0 and not in the future. */
  before: number
}

/** The result of a removal by ids that fully succeeded (a partial failure rejects with `RemovePartialError`). */
export interface RemoveResult {
  /** Ids the server removed. */
  removedIds: string[]
  /** Number of SDK calls made. */
  calls: number
}

/** Parameters of a conversation deletion. */
export interface DeleteConversationParams {
  /** Conversation id. */
  conversationId: string
  /** Single or group chat (chat rooms have no server conversation). */
  chatType: ConversationType
  /** Also delete this user's server history of the conversation. */
  deleteRoam: boolean
}

/** What the server answered to a conversation deletion. */
export interface DeleteConversationResult {
  /** Server time of the deletion (ms): messages at or before it belong to the deleted conversation. */
  timestamp: number
}

/** Parameters of pin/unpin. */
export interface PinConversationParams {
  /** Conversation id. */
  conversationId: string
  /** Single or group chat. */
  chatType: ConversationType
  /** `true` to pin, `false` to unpin. */
  isPinned: boolean
}

/** The most conversation marks there are: marks are the integers 0 to `MAX_CONVERSATION_MARK`. */
export const MAX_CONVERSATION_MARK = 19

/** Parameters of `setConversationMark`. */
export interface ConversationMarkParams {
  /** Conversation id. */
  conversationId: string
  /** Single or group chat. */
  chatType: ConversationType
  /** The mark, an integer in [0, 19]: what each means is the app's (important, work, a tag…). */
  mark: number
  /** `true` to add the mark, `false` to remove it. */
  marked: boolean
}

/** Parameters of `markConversationRead`. */
export interface MarkConversationReadParams {
  /** Conversation id. */
  conversationId: string
  /** Single or group chat (chat rooms have no unread count). */
  chatType: ConversationType
}

/** The pin state the server recorded. */
export interface PinState {
  /** Whether it is pinned now. */
  isPinned: boolean
  /** Pin time (ms), `0` when unpinned. */
  pinnedTime: number
}

/** A live event: a message, or an operation the same user made on another device. */
export type RoamingEvent =
  | {
      /** A message arrived (from another user, or sent by this user on another device). */
      type: 'message'
      /** The message. */
      message: RoamingMessage
    }
  | {
      /** This user removed messages of the conversation on another device; which ones is not said, so refetch. */
      type: 'historyRemoved'
      /** Conversation id. */
      conversationId: string
      /** Its type. */
      chatType: ConversationType
    }
  | {
      /** This user deleted the conversation on another device. */
      type: 'conversationDeleted'
      /** Conversation id. */
      conversationId: string
      /** Its type. */
      chatType: ConversationType
      /** Time of the operation (ms). */
      timestamp: number
    }
  | {
      /** This user pinned or unpinned the conversation on another device. */
      type: 'conversationPinned'
      /** Conversation id. */
      conversationId: string
      /** Its type. */
      chatType: ConversationType
      /** The new state. */
      isPinned: boolean
      /** Time of the operation (ms). */
      timestamp: number
    }
  | {
      /** This user added a mark to the conversation, or removed it, on another device. */
      type: 'conversationMarked'
      /** Conversation id. */
      conversationId: string
      /** Its type. */
      chatType: ConversationType
      /** The mark, 0 to 19. */
      mark: number
      /** Whether it was added (or removed). */
      marked: boolean
    }
  | {
      /**
       * Another device of this user read the conversation (it sent the conversation read ack): the server's unread
       * count of it is 0. Only single chats say so; a group's ack is heard by no device.
       */
      type: 'conversationRead'
      /** Conversation id. */
      conversationId: string
      /** Its type. */
      chatType: ConversationType
    }
  | {
      /**
       * The connection dropped (the SDK's `onReconnecting` or `onDisconnected`): until `reconnected`, requests fail,
       * and nothing is pushed. Said once per drop, and again if the SDK stops reconnecting, or starts again.
       */
      type: 'disconnected'
      /**
       * Whether the SDK is reconnecting (`onReconnecting`). `false` once it stopped (`onDisconnected`: a logout, a
       * login elsewhere that took this one's place, or a reconnection that failed): only a new login brings it back,
       * or, after a failed reconnection, the browser coming back online.
       */
      reconnecting: boolean
      /** Why the SDK stopped; only when it did (`reconnecting: false`). */
      reason?: DisconnectReason
    }
  | {
      /**
       * The connection is back after it dropped (or after a logout and a new login), and again once the offline
       * messages it brings have all arrived. Events of the time it was down may never come (multi-device events are
       * not replayed), and an offline message may have been removed since: what is loaded should be read again.
       */
      type: 'reconnected'
    }

/**
 * Why the SDK stopped (the error of its `onDisconnected`): `loggedOut` (its `close()`), `loggedInElsewhere` (the user
 * logged in on another device, which took this one's place: 206), `kickedByOtherDevice` (another device signed this
 * one out: 217), `passwordChanged` (216), `userRemoved` (the account was removed: 207), `tokenExpired` (its
 * `onTokenExpired`, after which it closes the connection itself), or `failed` (its reconnection failed, or any other
 * error). Only a new login brings the connection back, or, after `failed`, the browser coming back online.
 */
export type DisconnectReason = 'loggedOut' | 'loggedInElsewhere' | 'kickedByOtherDevice' | 'passwordChanged' | 'userRemoved' | 'tokenExpired' | 'failed'

/** A listener of live events. */
export type RoamingListener = (event: RoamingEvent) => void

/**
 * The seam between roamkit and a chat backend. `createRoamingClient` implements it over a real SDK connection (or
 * the simulator's); tests may implement it directly. Every method validates its arguments before any call and
 * rejects with a `RoamingError`.
 */
export interface RoamingClient {
  /** The logged-in user's id, or `''` before login. */
  userId(): string
  /** A page of the server conversation list, most recently active first. */
  getConversations(params?: ConversationPageParams): Promise<ConversationPage>
  /** A page of the pinned conversations, most recently pinned first. */
  getPinnedConversations(params?: ConversationPageParams): Promise<ConversationPage>
  /**
   * A page of the conversations carrying a mark, most recently active first (`getServerConversationsByFilter`,
   * agora-chat 1.3); pinned ones are not put first.
   */
  getMarkedConversations(params: MarkedConversationPageParams): Promise<ConversationPage>
  /** A page of the legacy, page-numbered list (deprecated by the SDK; no pin state). */
  getLegacyConversations(params: LegacyConversationPageParams): Promise<LegacyConversationPage>
  /** A page of history in either direction; messages ascending. */
  getHistory(params: HistoryPageParams): Promise<HistoryPage>
  /** One-way removal of messages for this user: by ids (any count) or at/before a time. */
  removeMessages(params: RemoveByIdsParams | RemoveBeforeParams): Promise<RemoveResult>
  /** One-way deletion of a conversation, optionally with its server history; resolves the server's time of it. */
  deleteConversation(params: DeleteConversationParams): Promise<DeleteConversationResult>
  /**
   * One-way deletion of every conversation of this user with its server history (`deleteAllMessagesAndConversations`,
   * agora-chat 1.3). Other devices are not told (the SDK has no multi-device event for it): they see it when they
   * read the server again.
   */
  deleteAllConversations(): Promise<void>
  /** Pin or unpin a conversation. */
  pinConversation(params: PinConversationParams): Promise<PinState>
  /**
   * Adds a mark to a conversation or removes it (the SDK's `addConversationMark` / `removeConversationMark`, from
   * agora-chat 1.3): the conversation's `marks` on every device. A conversation the server does not have is ignored.
   */
  setConversationMark(params: ConversationMarkParams): Promise<void>
  /**
   * Tells the server this user read the conversation (the conversation read ack): its unread count becomes 0 on
   * every device. In a single chat the peer's devices hear it too, as a read receipt.
   */
  markConversationRead(params: MarkConversationReadParams): Promise<void>
  /** Listen to live messages and multi-device events; returns the unsubscribe function. */
  subscribe(listener: RoamingListener): () => void
  /**
   * The connection now: a provider mounted during a drop, before the login or after a logout says so at once, where no
   * `disconnected` can be heard. Optional: a client without it counts as connected until it says `disconnected`.
   */
  connectionState?(): ConnectionState
}

/** The connection as a client sees it: up, down and reconnecting, or stopped, and why. */
export type ConnectionState = 'connected' | 'reconnecting' | DisconnectReason

import type { SdkConversationItem, SdkLegacyChannel, SdkMessageBody } from './sdkTypes'
import type { ChatType, Conversation, ConversationType, DisconnectReason, RoamingEvent, RoamingMessage } from './types'
import { MAX_CONVERSATION_MARK } from './types'

const CHAT_TYPES: readonly string[] = ['singleChat', 'groupChat', 'chatRoom']
const OTHER_TYPES: readonly string[] = ['audio', 'video', 'loc', 'combine', 'cmd']

/** User ids are case-insensitive on the server (§6.24), so the peer is found without regard to case. */
export function sameUser(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
}

/**
 * Maps an SDK message body to a `RoamingMessage`, or `null` for what roaming never shows (acks, unknown types,
 * bodies without an id). `me` is the logged-in user, needed to tell the peer of a single chat.
 */
export function toMessage(body: unknown, me: string, fallback?: { conversationId: string; chatType: ChatType }): RoamingMessage | null {
  if (typeof body !== 'object' || body === null) return null
  const b = body as SdkMessageBody
  if (typeof b.id !== 'string' || b.id === '') return null
  const chatType: ChatType = CHAT_TYPES.includes(b.chatType as string) ? (b.chatType as ChatType) : (fallback?.chatType ?? 'singleChat')
  const from = b.from ?? ''
  const to = b.to ?? ''
  const conversationId = fallback?.conversationId ?? (chatType === 'singleChat' && !sameUser(from, me) ? from : to)
  const common = { id: b.id, conversationId, chatType, from, to, time: Number(b.time), ext: b.ext ?? {} }
  switch (b.type) {
    case 'txt':
      return { ...common, type: 'txt', text: b.msg ?? '' }
    case 'img':
      return {
        ...common, type: 'img', url: b.url ?? '',
        ...(b.thumb ? { thumbnailUrl: b.thumb } : {}),
        ...(typeof b.width === 'number' && b.width > 0 ? { width: b.width } : {}),
        ...(typeof b.height === 'number' && b.height > 0 ? { height: b.height } : {}),
      }
    case 'file':
      return { ...common, type: 'file', url: b.url ?? '', filename: b.filename ?? '', ...(typeof b.file_length === 'number' ? { fileSize: b.file_length } : {}) }
    case 'custom':
      // The legacy list leaves `customExts` as the server's array of one-key objects.
      return {
        ...common, type: 'custom', customEvent: b.customEvent ?? '',
        customExts: Array.isArray(b.customExts) ? Object.assign({}, ...(b.customExts as object[])) : (b.customExts ?? {}),
      }
    default:
      if (!OTHER_TYPES.includes(b.type)) return null
      return {
        ...common, type: b.type as 'audio' | 'video' | 'loc' | 'combine' | 'cmd',
        ...(b.url ? { url: b.url } : {}), ...(b.addr ? { address: b.addr } : {}),
      }
  }
}

/** Maps a `ConversationItem` of the server list. `lastMessage` may be `null` or `{}`. */
export function toConversation(item: SdkConversationItem, me: string): Conversation {
  const chatType: ConversationType = item.conversationType === 'groupChat' ? 'groupChat' : 'singleChat'
  return {
    conversationId: item.conversationId,
    chatType,
    isPinned: item.isPinned === true,
    pinnedTime: item.isPinned ? Number(item.pinnedTime) || 0 : 0,
    lastMessage: toMessage(item.lastMessage, me, { conversationId: item.conversationId, chatType }),
    unreadCount: Number(item.unReadCount) || 0,
    marks: Array.isArray(item.marks) ? item.marks : [],
  }
}

/**
 * Maps a legacy `channel_infos` entry. Its `channel_id` is `{appKey}_{id}@easemob.com` (single chat) or
 * `{appKey}_{id}@conference.easemob.com` (group): the id is between the first `_` after the app key and the `@`.
 */
export function toLegacyConversation(channel: SdkLegacyChannel, me: string): Conversation | null {
  const match = /^(?:[^#_]+#[^_]+_)?(.+)@(conference\.)?easemob\.com$/.exec(channel.channel_id)
  if (!match?.[1]) return null
  const chatType: ConversationType = match[2] ? 'groupChat' : 'singleChat'
  const conversationId = match[1]
  return {
    conversationId, chatType, isPinned: false, pinnedTime: 0,
    lastMessage: toMessage(channel.lastMessage, me, { conversationId, chatType }),
    unreadCount: Number(channel.unread_num) || 0,
    marks: [],
  }
}

/** Maps a multi-device event to a `RoamingEvent`, or `null` for operations roaming does not follow. */
export function toMultiDeviceEvent(event: unknown): RoamingEvent | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as { operation?: string; conversationId?: string; chatType?: string; conversationType?: string; timestamp?: number; conversationMark?: unknown }
  if (typeof e.conversationId !== 'string') return null
  // Note the SDK's inconsistent names: `chatType` on deleteRoaming, `conversationType` on conversation operations.
  const chatType: ConversationType = (e.chatType ?? e.conversationType) === 'groupChat' ? 'groupChat' : 'singleChat'
  const timestamp = Number(e.timestamp) || 0
  switch (e.operation) {
    case 'deleteRoaming':
      return { type: 'historyRemoved', conversationId: e.conversationId, chatType }
    case 'deleteConversation':
      return { type: 'conversationDeleted', conversationId: e.conversationId, chatType, timestamp }
    case 'pinnedConversation':
    case 'unpinnedConversation':
      return { type: 'conversationPinned', conversationId: e.conversationId, chatType, isPinned: e.operation === 'pinnedConversation', timestamp }
    case 'markConversation':
    case 'unMarkConversation': {
      // The SDK maps the server's `mark_3` to its enum's number; a string is read as the server writes it.
      const mark = typeof e.conversationMark === 'string' ? Number(e.conversationMark.replace(/^mark_/, '')) : Number(e.conversationMark)
      if (!Number.isInteger(mark) || mark < 0 || mark > MAX_CONVERSATION_MARK) return null
      return { type: 'conversationMarked', conversationId: e.conversationId, chatType, mark, marked: e.operation === 'markConversation' }
    }
    default:
      return null
  }
}

/**
 * Maps a conversation read ack (`onChannelMessage`) to a `RoamingEvent`, or `null`. Only an ack this user sent from
 * another device says something of this user's unread counts: one from a peer is a read receipt for their messages.
 * `from` is who sent the ack and `to` who it is for, on the peer's devices and the sender's other ones alike (Agora's
 * reference of `onConversationRead(from, to)`, Android and Flutter; not measured against the real server).
 */
export function toReadEvent(body: unknown, me: string): RoamingEvent | null {
  if (typeof body !== 'object' || body === null) return null
  const b = body as { from?: string; to?: string; chatType?: string }
  if (!me || !sameUser(b.from, me) || typeof b.to !== 'string' || b.to === '') return null
  if (b.chatType !== 'singleChat' && b.chatType !== 'groupChat') return null
  return { type: 'conversationRead', conversationId: b.to, chatType: b.chatType }
}

// The codes of the SDK's forced logouts (its `disconnectedReason`, read in the shipped SDK): USER_LOGIN_ANOTHER_DEVICE,
// USER_REMOVED, USER_KICKED_BY_CHANGE_PASSWORD, USER_KICKED_BY_OTHER_DEVICE.
const FORCED: Readonly<Record<number, DisconnectReason>> = {
  206: 'loggedInElsewhere', 207: 'userRemoved', 216: 'passwordChanged', 217: 'kickedByOtherDevice',
}

/**
 * Why the SDK stopped, from the error of its `onDisconnected`: none after its `close()` (a logout); a forced logout's
 * code; anything else (16 "reconnection failed", a timeout, an auth error) is a failure.
 */
export function toDisconnectReason(error: unknown): DisconnectReason {
  if (error === undefined || error === null) return 'loggedOut'
  return FORCED[(error as { type?: number }).type ?? 0] ?? 'failed'
}

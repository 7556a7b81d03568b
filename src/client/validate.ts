import { RoamingArgumentError } from './RoamingError'
import type { ChatType, ConversationType, HistorySearch, MessageType } from './types'

/** Message types a history filter may name (the SDK excludes the ack types). */
export const MESSAGE_TYPES: readonly MessageType[] = ['txt', 'img', 'file', 'audio', 'video', 'loc', 'custom', 'combine', 'cmd']
const CHAT_TYPES: readonly ChatType[] = ['singleChat', 'groupChat', 'chatRoom']
const CONVERSATION_TYPES: readonly ConversationType[] = ['singleChat', 'groupChat']

// Ids are user ids, group ids or server message ids; the server caps user ids at 64 characters.
const MAX_ID_LENGTH = 128

/** Throws unless `value` is an integer in [min, max]; returns it, or `fallback` when it is `undefined`. */
export function checkInt(op: string, name: string, value: unknown, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RoamingArgumentError(op, name, value, `an integer in [${min}, ${max}]`)
  }
  return value
}

/** Throws unless `value` is a non-empty string without surrounding blanks. */
export function checkId(op: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.trim() !== value || value.length > MAX_ID_LENGTH) {
    throw new RoamingArgumentError(op, name, value, `a non-empty string of at most ${MAX_ID_LENGTH} characters without surrounding spaces`)
  }
  return value
}

/** Throws unless `value` is a chat type (`chatRoom` allowed only where the SDK accepts it). */
function checkChatType<T extends ChatType>(op: string, value: unknown, allowChatRoom: boolean): T {
  const allowed = allowChatRoom ? CHAT_TYPES : CONVERSATION_TYPES
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new RoamingArgumentError(op, 'chatType', value, `one of ${allowed.map((t) => `'${t}'`).join(', ')}`)
  }
  return value as T
}

/**
 * Throws unless `params` names a conversation: an id (`conversationId`) and a chat type (`chatRoom` allowed only
 * where the SDK accepts it). The one check of a conversation target, for the client, the hooks and the factories.
 */
export function checkConversation<T extends ChatType = ChatType>(
  op: string, params: { conversationId?: unknown; chatType?: unknown } | undefined, allowChatRoom: boolean,
): { conversationId: string; chatType: T } {
  return { conversationId: checkId(op, 'conversationId', params?.conversationId), chatType: checkChatType<T>(op, params?.chatType, allowChatRoom) }
}

/** Throws unless `value` is a boolean. */
export function checkBoolean(op: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new RoamingArgumentError(op, name, value, 'true or false')
  return value
}

/** Throws unless `value` is `undefined`, `null` or a non-empty string; returns `''` for "from the start". */
export function checkCursor(op: string, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string' || value === '') {
    throw new RoamingArgumentError(op, 'cursor', value, 'a cursor string from a previous page, or null to start over')
  }
  return value
}

/**
 * Throws unless `value` is a time in ms: an integer in (0, now]. `orElse` names what else the caller accepts
 * there (the hook also takes `{ messageId }`), for the message.
 */
export function checkPastTime(op: string, name: string, value: unknown, now: number, orElse?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > now) {
    throw new RoamingArgumentError(op, name, value, `a time in ms, an integer in [1, ${now}] (not in the future)${orElse ? `, or ${orElse}` : ''}`)
  }
  return value
}

/** Throws unless `value` is a non-empty array of distinct ids. */
export function checkIdList(op: string, name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RoamingArgumentError(op, name, value, 'a non-empty array of message ids')
  }
  const seen = new Set<string>()
  value.forEach((id, i) => {
    checkId(op, `${name}[${i}]`, id)
    if (seen.has(id)) throw new RoamingArgumentError(op, `${name}[${i}]`, id, 'ids without duplicates')
    seen.add(id)
  })
  return [...seen]
}

/** Throws unless `value` is a subset of the history message types, without duplicates. */
export function checkMessageTypes(op: string, value: unknown): MessageType[] {
  const allowed = `a non-empty array of ${MESSAGE_TYPES.join(', ')}`
  if (!Array.isArray(value) || value.length === 0) throw new RoamingArgumentError(op, 'search.msgTypes', value, allowed)
  value.forEach((t, i) => {
    if (!(MESSAGE_TYPES as readonly unknown[]).includes(t) || value.indexOf(t) !== i) {
      throw new RoamingArgumentError(op, `search.msgTypes[${i}]`, t, `distinct values among ${MESSAGE_TYPES.join(', ')}`)
    }
  })
  return value as MessageType[]
}

/** Throws unless `value` is a function or `undefined`. */
export function checkFunction<F extends (...args: never[]) => unknown>(op: string, name: string, value: F | undefined): F | undefined {
  if (value !== undefined && typeof value !== 'function') throw new RoamingArgumentError(op, name, value, 'a function')
  return value
}

/** Throws unless `value` is a plain object (or `undefined` when optional). */
export function checkObject(op: string, name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RoamingArgumentError(op, name, value, 'an object')
  }
  return value as Record<string, unknown>
}

/**
 * Checks a history search and gives it in one form: `null` when it filters nothing, message types in a fixed order
 * (the server takes them as a set), so that two equal searches are one query key.
 */
export function checkHistorySearch(op: string, search: unknown, chatType: ChatType): HistorySearch | null {
  if (search === undefined || search === null) return null
  const s = checkObject(op, 'search', search)
  const out: HistorySearch = {}
  if (s.from !== undefined) {
    if (chatType === 'singleChat') throw new RoamingArgumentError(op, 'search.from', s.from, 'no sender filter in a single chat (the SDK ignores it there)')
    out.from = checkId(op, 'search.from', s.from)
  }
  if (s.msgTypes !== undefined) out.msgTypes = [...checkMessageTypes(op, s.msgTypes)].sort((a, b) => MESSAGE_TYPES.indexOf(a) - MESSAGE_TYPES.indexOf(b))
  if (s.startTime !== undefined) out.startTime = checkInt(op, 'search.startTime', s.startTime, 0, Number.MAX_SAFE_INTEGER)
  if (s.endTime !== undefined) out.endTime = checkInt(op, 'search.endTime', s.endTime, out.startTime ?? 0, Number.MAX_SAFE_INTEGER)
  return Object.keys(out).length > 0 ? out : null
}

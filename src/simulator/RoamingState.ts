import type { SdkChatType } from '../client/sdkTypes'
import type { MessageType } from '../client/types'

/** A message as the simulated server stores it. One copy per conversation, shared by every participant's view. */
export interface StoredMessage {
  id: string
  /** Server receive time (ms); strictly increasing within a thread. */
  time: number
  from: string
  to: string
  chatType: SdkChatType
  type: MessageType
  ext: Record<string, unknown>
  msg?: string
  url?: string
  thumb?: string
  width?: number
  height?: number
  filename?: string
  fileLength?: number
  customEvent?: string
  customExts?: Record<string, unknown>
}

/** The server-side message log of one conversation (a pair of users, a group or a room). */
export interface Thread {
  key: string
  chatType: SdkChatType
  messages: StoredMessage[]
  /** Message id → index in `messages`. */
  positions: Map<string, number>
}

/** One user's view of a conversation: what one-way deletions, pins and reads changed for that user only. */
export interface UserConversation {
  conversationId: string
  chatType: SdkChatType
  thread: Thread
  createdAt: number
  unread: number
  isPinned: boolean
  pinnedTime: number
  marks: number[]
  /** Ids this user removed one way. */
  removedIds: Set<string>
  /** Messages with `time <= clearedThrough` are gone for this user (remove-before, deleteRoam). */
  clearedThrough: number
  /** Deleted from the user's list until a new message recreates it. */
  deleted: boolean
}

/** A listed conversation with its newest visible message. */
export interface ListedConversation {
  uc: UserConversation
  last: StoredMessage | null
  /** Sort key: last visible message time, else creation time. */
  activity: number
}

const threadKey = (chatType: SdkChatType, a: string, b: string): string =>
  chatType === 'singleChat' ? `s:${[a, b].sort().join('|')}` : `${chatType === 'groupChat' ? 'g' : 'r'}:${b}`
const convKey = (chatType: SdkChatType, id: string): string => `${chatType === 'singleChat' ? 's' : chatType === 'groupChat' ? 'g' : 'r'}:${id}`

/**
 * The simulated server's data: threads, group membership and every user's conversation views. No I/O, no timing,
 * no SDK shapes: `createRoamingServer` wraps it with those.
 */
export class RoamingState {
  readonly threads = new Map<string, Thread>()
  readonly groups = new Map<string, Set<string>>()
  readonly users = new Map<string, Map<string, UserConversation>>()
  /** Bumped by every change, so list orderings can be cached between changes. */
  version = 0
  private seq = 0
  private lastTime = 0
  private listCache = new Map<string, { version: number; list: ListedConversation[] }>()

  /** A fresh server message id: a 19-digit decimal string, increasing. */
  nextId(): string {
    this.seq += 1
    return `11${String(this.seq).padStart(17, '0')}`
  }

  /** A receive time not before `now` and after every time handed out so far. */
  nextTime(now: number): number {
    this.lastTime = Math.max(now, this.lastTime + 1)
    return this.lastTime
  }

  /**
   * The time of a server operation at `now`: never before a message already stored. Message times are bumped past
   * each other to stay unique, so one stored a moment before can carry a time after the clock; an operation that
   * came after it (a deletion) must not look older than it.
   */
  operationTime(now: number): number {
    return Math.max(now, this.lastTime)
  }

  /** Records a time handed out by data generation, so later live messages come after it. */
  noteTime(time: number): void {
    this.lastTime = Math.max(this.lastTime, time)
  }

  /** The participants of a conversation: both users, or the group's members. */
  members(chatType: SdkChatType, from: string, to: string): string[] {
    if (chatType === 'singleChat') return from === to ? [from] : [from, to]
    const group = this.groups.get(to) ?? new Set<string>()
    group.add(from)
    this.groups.set(to, group)
    return [...group]
  }

  /** The thread between `me` and `peerOrGroup`, created on demand. */
  thread(chatType: SdkChatType, me: string, peerOrGroup: string): Thread {
    const key = threadKey(chatType, me, peerOrGroup)
    let t = this.threads.get(key)
    if (!t) {
      t = { key, chatType, messages: [], positions: new Map() }
      this.threads.set(key, t)
    }
    return t
  }

  /** The thread if it exists, without creating it. */
  findThread(chatType: SdkChatType, me: string, peerOrGroup: string): Thread | undefined {
    return this.threads.get(threadKey(chatType, me, peerOrGroup))
  }

  /** A user's view of a conversation, created on demand. */
  view(user: string, chatType: SdkChatType, conversationId: string, now: number): UserConversation {
    let map = this.users.get(user)
    if (!map) this.users.set(user, (map = new Map()))
    const key = convKey(chatType, conversationId)
    let uc = map.get(key)
    if (!uc) {
      uc = {
        conversationId, chatType, thread: this.thread(chatType, user, conversationId), createdAt: now,
        unread: 0, isPinned: false, pinnedTime: 0, marks: [], removedIds: new Set(), clearedThrough: 0, deleted: false,
      }
      map.set(key, uc)
    }
    return uc
  }

  /** A user's view if it exists. */
  findView(user: string, chatType: SdkChatType, conversationId: string): UserConversation | undefined {
    return this.users.get(user)?.get(convKey(chatType, conversationId))
  }

  /** Appends a message to its thread and to every participant's view (recreating deleted conversations). */
  append(message: StoredMessage): string[] {
    const members = this.members(message.chatType, message.from, message.to)
    const thread = this.thread(message.chatType, message.from, message.to)
    thread.positions.set(message.id, thread.messages.length)
    thread.messages.push(message)
    for (const user of members) {
      const conversationId = message.chatType === 'singleChat' ? (user === message.from ? message.to : message.from) : message.to
      const uc = this.view(user, message.chatType, conversationId, message.time)
      if (uc.deleted) {
        uc.deleted = false
        uc.unread = 0
        uc.createdAt = message.time
      }
      if (user !== message.from) uc.unread += 1
    }
    this.version += 1
    return members
  }

  /** Whether a message is still there for the user. */
  visible(uc: UserConversation, m: StoredMessage): boolean {
    return m.time > uc.clearedThrough && !uc.removedIds.has(m.id)
  }

  /** The user's newest visible message of the conversation. */
  lastVisible(uc: UserConversation): StoredMessage | null {
    const list = uc.thread.messages
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i] as StoredMessage
      if (m.time <= uc.clearedThrough) return null
      if (!uc.removedIds.has(m.id)) return m
    }
    return null
  }

  /**
   * The user's server conversation list: no chat rooms, no deleted conversations, no empty ones unless asked;
   * most recently active first (or most recently pinned first), capped at `limit`.
   */
  list(user: string, opts: { pinnedOnly: boolean; includeEmpty: boolean; limit: number }): ListedConversation[] {
    const cacheKey = `${user}|${opts.pinnedOnly}|${opts.includeEmpty}|${opts.limit}`
    const hit = this.listCache.get(cacheKey)
    if (hit && hit.version === this.version) return hit.list
    const out: ListedConversation[] = []
    for (const uc of this.users.get(user)?.values() ?? []) {
      if (uc.chatType === 'chatRoom' || uc.deleted || (opts.pinnedOnly && !uc.isPinned)) continue
      const last = this.lastVisible(uc)
      if (!last && !opts.includeEmpty) continue
      out.push({ uc, last, activity: last ? last.time : uc.createdAt })
    }
    const key = (c: ListedConversation) => (opts.pinnedOnly ? c.uc.pinnedTime : c.activity)
    out.sort((a, b) => key(b) - key(a) || (a.uc.conversationId < b.uc.conversationId ? -1 : a.uc.conversationId > b.uc.conversationId ? 1 : 0))
    const list = out.slice(0, opts.limit)
    this.listCache.set(cacheKey, { version: this.version, list })
    return list
  }

  /** Marks a change that affects lists (pins, deletions, reads). */
  touch(): void {
    this.version += 1
  }
}

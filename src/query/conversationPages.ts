import type { InfiniteData } from '@tanstack/react-query'
import type { ChatType, Conversation, ConversationPage, RoamingMessage } from '../client/types'
import { sameUser } from '../client/normalize'
import { conversationKey, keyOf, type ListKind } from './keys'

/** The cached data of a conversation list. */
export type ConversationListData = InfiniteData<ConversationPage, string | null>


/** All conversations of a list, in page order, each once (a conversation can move between pages while paging). */
export function flattenConversations(data: ConversationListData | undefined): Conversation[] {
  if (!data) return []
  const seen = new Set<string>()
  const out: Conversation[] = []
  for (const page of data.pages) {
    for (const c of page.conversations) {
      const key = keyOf(c)
      if (!seen.has(key)) { seen.add(key); out.push(c) }
    }
  }
  return out
}

/** Finds a conversation in a list. */
export function findConversation(data: ConversationListData | undefined, key: string): Conversation | undefined {
  for (const page of data?.pages ?? []) for (const c of page.conversations) if (keyOf(c) === key) return c
  return undefined
}

/** Whether the list has the conversation. */
export const listHas = (data: ConversationListData | undefined, key: string): boolean => findConversation(data, key) !== undefined

/** Rewrites the conversations of each page that lists `key`; data and pages keep their identity where none does. */
function editListing(
  data: ConversationListData | undefined, key: string, edit: (conversations: Conversation[]) => Conversation[],
): ConversationListData | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => {
    if (!page.conversations.some((c) => keyOf(c) === key)) return page
    changed = true
    return { ...page, conversations: edit(page.conversations) }
  })
  return changed ? { ...data, pages } : data
}

/** Applies `patch` to the conversation wherever it is; identity kept where nothing changed. */
export const patchConversation = (data: ConversationListData | undefined, key: string, patch: (c: Conversation) => Conversation): ConversationListData | undefined =>
  editListing(data, key, (list) => list.map((c) => (keyOf(c) === key ? patch(c) : c)))

/** A conversation with a mark added or removed (the same object when it already was so). */
export function withMark(c: Conversation, mark: number, marked: boolean): Conversation {
  if (c.marks.includes(mark) === marked) return c
  return { ...c, marks: marked ? [...c.marks, mark] : c.marks.filter((m) => m !== mark) }
}

/** Removes a conversation from every page. */
export const removeConversation = (data: ConversationListData | undefined, key: string): ConversationListData | undefined =>
  editListing(data, key, (list) => list.filter((c) => keyOf(c) !== key))

/** Puts a conversation at the top of the first page (after removing it wherever it was). */
export function moveToTop(data: ConversationListData | undefined, conversation: Conversation): ConversationListData | undefined {
  if (!data || data.pages.length === 0) return data
  const without = removeConversation(data, keyOf(conversation)) as ConversationListData
  const [first, ...rest] = without.pages
  return { ...without, pages: [{ ...first!, conversations: [conversation, ...first!.conversations] }, ...rest] }
}

/**
 * Puts a conversation back where its order says (a rolled-back deletion or pin): pinned lists by pin time,
 * the others by last-message time, both descending.
 */
export function insertSorted(data: ConversationListData | undefined, conversation: Conversation, by: 'activity' | 'pinned'): ConversationListData | undefined {
  if (!data || data.pages.length === 0 || listHas(data, keyOf(conversation))) return data
  const rank = (c: Conversation) => (by === 'pinned' ? c.pinnedTime : c.lastMessage?.time ?? 0)
  const r = rank(conversation)
  const pages = data.pages.slice()
  for (let p = 0; p < pages.length; p++) {
    const list = (pages[p] as ConversationPage).conversations
    const i = list.findIndex((c) => rank(c) < r)
    if (i >= 0 || p === pages.length - 1) {
      const at = i >= 0 ? i : list.length
      pages[p] = { ...(pages[p] as ConversationPage), conversations: [...list.slice(0, at), conversation, ...list.slice(at)] }
      return { ...data, pages }
    }
  }
  return data
}

/** What a message adds to its conversation's unread count: nothing when it is the user's own or the conversation is open. */
export const unreadBy = (message: RoamingMessage, opts: { me: string; isOpen: boolean }): number =>
  (sameUser(message.from, opts.me) || opts.isOpen ? 0 : 1)

/**
 * An incoming message: the conversation moves to the top with the message as its preview, and its unread
 * count grows unless the message is the user's own or the conversation is open. A conversation not in the main list
 * is added at the top (no request: the message says all the list shows); not in the pinned list or a mark's, whose
 * members a message does not change. Older or already-seen messages change nothing. In the pinned list the entry is
 * updated in place (its order is by pin time). `seen.listed` is set when
 * the list had the conversation. `unread(since)`, given the listed preview's time (0: unlisted), says how many
 * messages come unread with it when it stands for several (default: 1, none if own or open).
 */
export function applyIncoming(
  data: ConversationListData | undefined, message: RoamingMessage,
  opts: { me: string; isOpen: boolean; kind: ListKind; seen?: { listed: boolean }; unread?: (since: number) => number },
): ConversationListData | undefined {
  if (!data) return data
  const chatType: ChatType = message.chatType
  if (chatType === 'chatRoom') return data
  const key = conversationKey(message.conversationId, chatType)
  const current = findConversation(data, key)
  if (current && opts.seen) opts.seen.listed = true
  if (current?.lastMessage && (current.lastMessage.id === message.id || current.lastMessage.time > message.time)) return data
  const unread = opts.unread && !opts.isOpen ? opts.unread(current?.lastMessage?.time ?? 0) : unreadBy(message, opts)
  const next: Conversation = current
    ? { ...current, lastMessage: message, unreadCount: unread === 0 && opts.isOpen ? 0 : current.unreadCount + unread }
    : { conversationId: message.conversationId, chatType, isPinned: false, pinnedTime: 0, lastMessage: message, unreadCount: unread, marks: [] }
  if (!current && opts.kind !== 'main') return data
  return opts.kind === 'pinned' ? patchConversation(data, key, () => next) : moveToTop(data, next)
}

/** What `visibleConversations` last derived from a main list, and from what (see there). */
const derived = new WeakMap<object, {
  pinned: ConversationListData | undefined; deleted: object; pins: object; out: Conversation[]
}>()
const NO_LIST = {}

/**
 * The list a user sees: pinned conversations first (most recently pinned first), then the others by last-message
 * time, each once, without conversations deleted at or after their last message; pin states the session
 * decided win over what the pages say.
 *
 * Derived once per set of inputs and shared (do not modify the array): a list mounted again over an unchanged cache,
 * as when a user comes back to it, re-derives nothing (bench: 10k conversations, about 9 ms of its mount).
 */
export function visibleConversations(
  main: ConversationListData | undefined, pinned: ConversationListData | undefined,
  deleted: Readonly<Record<string, { at: number }>>,
  pins: Readonly<Record<string, { isPinned: boolean; pinnedTime: number }>> = {},
): Conversation[] {
  const known = derived.get(main ?? NO_LIST)
  if (known && known.pinned === pinned && known.deleted === deleted && known.pins === pins) return known.out
  const seen = new Set<string>()
  const pinnedOut: Conversation[] = []
  const rest: Conversation[] = []
  // One pass over both lists, the pinned one first: the first listing of a conversation wins.
  for (const list of [pinned, main]) {
    for (const page of list?.pages ?? []) {
      for (const listed of page.conversations) {
        const key = keyOf(listed)
        const gone = deleted[key]
        if (seen.has(key) || (gone && (listed.lastMessage?.time ?? 0) <= gone.at)) continue
        seen.add(key)
        const pin = pins[key]
        const c = pin && (pin.isPinned !== listed.isPinned || pin.pinnedTime !== listed.pinnedTime) ? { ...listed, ...pin } : listed
        ;(c.isPinned ? pinnedOut : rest).push(c)
      }
    }
  }
  pinnedOut.sort((a, b) => b.pinnedTime - a.pinnedTime)
  // Stable: conversations without a message keep the server's order among their neighbours.
  rest.sort((a, b) => (b.lastMessage?.time ?? 0) - (a.lastMessage?.time ?? 0))
  const out = [...pinnedOut, ...rest]
  derived.set(main ?? NO_LIST, { pinned, deleted, pins, out })
  return out
}

import type { ChatType, ConversationType, RoamingMessage } from '../client/types'
import { findConversation, insertSorted, patchConversation, removeConversation, type ConversationListData } from './conversationPages'
import { compareMessages, holdsLatest, newestOf, type HistoryData } from './historyPages'
import { conversationKey, listKind, roamingKeys } from './keys'
import { listedConversations } from './listedConversations'
import { searchOfView } from './matchesSearch'
import { newestLive, nextTick, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Per kit and conversation, a count of preview refreshes that write: only the newest one's answer is used. */
const generations = new WeakMap<RoamingKit, Map<string, number>>()

function nextGeneration(kit: RoamingKit, key: string): number {
  const byKey = generations.get(kit) ?? new Map<string, number>()
  generations.set(kit, byKey)
  const next = (byKey.get(key) ?? 0) + 1
  byKey.set(key, next)
  return next
}

/** Per kit and conversation, the last preview written and when the state it came from was read. */
const written = new WeakMap<RoamingKit, Map<string, { asOf: number; message: RoamingMessage | null }>>()

/**
 * The preview last written for a conversation if it was read after `tick` (`null`: the conversation is empty),
 * else `undefined`: a list read started at `tick` that lands later is older than it.
 */
export function previewSince(kit: RoamingKit, key: string, tick: number): RoamingMessage | null | undefined {
  const last = written.get(kit)?.get(key)
  return last && last.asOf > tick ? last.message : undefined
}

/** Options of `refreshPreview`. */
export interface RefreshPreviewOptions {
  /** Only a loaded view is used: an optimistic update sends nothing. */
  localOnly?: boolean
  /**
   * The conversation belongs in the lists (a message recreated it): one that is not listed is added when not
   * empty, with this unread count (the server counts the recreating message even when it was removed since).
   */
  relist?: { unreadCount: number }
}

/**
 * After messages of a conversation were removed, finds its new preview (last message): from a loaded view that
 * holds the latest page when there is one (no request), else from one `pageSize: 1` history call. A conversation
 * left empty leaves the list, as the server drops empty conversations. Costs nothing when the conversation is
 * not in a loaded list (unless `relist`).
 */
export async function refreshPreview(kit: RoamingKit, conversationId: string, chatType: ChatType, opts: RefreshPreviewOptions = {}): Promise<void> {
  if (chatType === 'chatRoom') return
  const scope = scopeOf(kit)
  const key = conversationKey(conversationId, chatType)
  const lists = roamingKeys.conversationLists(scope)
  if (!opts.relist && listedConversations(kit, key).length === 0) return
  const tombstone = kit.store.getState().tombstones[key]
  // Only a view that is not invalidated tells the truth: one marked stale by another device's removal (and not
  // refetched, or refetched in vain) may still hold removed messages. And only a whole one: a search's latest
  // message is not the conversation's.
  const loaded = kit.queryClient.getQueryCache().findAll({ queryKey: roamingKeys.history(scope, conversationId, chatType) })
    .filter((q) => !q.state.isInvalidated && !searchOfView(q.queryKey) && holdsLatest(q.state.data as HistoryData | undefined))
    .map((q) => [q.queryKey, q.state.data as HistoryData] as const)[0]
  let last: RoamingMessage | null | undefined = loaded ? newestOf(loaded[1], tombstone) : undefined
  // An emptied latest page only proves the conversation empty when the view reaches the start of history: with
  // older pages not loaded, the server still has messages (found by the model test: removing every loaded row of
  // a long thread dropped the conversation from the list while older messages remained).
  if (loaded && last === undefined && loaded[1].pages[0]?.olderCursor === null) last = null
  // As of when the server's state was read: a list read started later knows better (see `previewSince`).
  let asOf = nextTick()
  if (last === undefined) {
    if (opts.localOnly) return
    const generation = nextGeneration(kit, key)
    asOf = nextTick()
    const page = await kit.client.getHistory({ conversationId, chatType: chatType as ConversationType, pageSize: 1 })
    // Answers can land out of order: one sent before a newer refresh is older news (found by the soak at run
    // 1,584: two removals on another device, the first one's preview answer landed last and showed a removed
    // message). The newer refresh writes instead.
    if (generations.get(kit)?.get(key) !== generation) return
    last = page.messages[0] ?? null
  } else {
    // Written now, from the cache: an answer to a request sent before this is older.
    nextGeneration(kit, key)
  }
  // A live message that arrived while the request was out is newer than its answer (found by the model test: an
  // empty answer, sent before a new message arrived, dropped the conversation the message had just brought back).
  const logged = newestLive(kit, key, kit.store.getState().tombstones[key])
  if (logged && (!last || compareMessages(logged, last) > 0)) last = logged
  const lastMessage = last
  // Deleted again meanwhile: the deletion's own handling has the last word.
  if (opts.relist && kit.store.getState().deletedConversations[key]) return
  const byKey = written.get(kit) ?? new Map<string, { asOf: number; message: RoamingMessage | null }>()
  written.set(kit, byKey.set(key, { asOf, message: lastMessage }))
  updateQueries<ConversationListData>(kit, lists, (data, queryKey) => {
    if (!lastMessage) return removeConversation(data, key)
    // Only into the lists of every conversation: a recreated conversation has no marks, nor pin.
    if (opts.relist && listKind(queryKey) === 'main' && !findConversation(data, key)) {
      const { unreadCount } = opts.relist
      // A deletion unpins: a recreated conversation is not pinned.
      return insertSorted(data, { conversationId, chatType, isPinned: false, pinnedTime: 0, lastMessage, unreadCount, marks: [] }, 'activity')
    }
    return patchConversation(data, key, (c) => (c.lastMessage?.id === lastMessage.id ? c : { ...c, lastMessage }))
  })
}

/**
 * `refreshPreview`, and when its request fails, a refetch of the loaded lists (retried, and shown as an error if
 * it fails too): a failed preview request must not leave a removed message as the preview for good (found by the
 * model test with failure injection: a conversation emptied on another device stayed listed).
 */
export function refreshPreviewOrList(kit: RoamingKit, conversationId: string, chatType: ChatType, opts: RefreshPreviewOptions = {}): Promise<void> {
  return refreshPreview(kit, conversationId, chatType, opts)
    // Never rejects: `invalidateQueries` swallows its refetches' errors (they show on the lists).
    .catch(() => kit.queryClient.invalidateQueries({ queryKey: roamingKeys.conversationLists(scopeOf(kit)) }))
}

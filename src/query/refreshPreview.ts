import type { ChatType, ConversationType } from '../client/types'
import { findConversation, patchConversation, removeConversation, type ConversationListData } from './conversationPages'
import { flattenHistory, holdsLatest, type HistoryData } from './historyPages'
import { conversationKey, roamingKeys } from './keys'
import { queriesUnder, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/**
 * After messages of a conversation were removed, finds its new preview (last message): from a loaded view that
 * holds the latest page when there is one (no request), else from one `pageSize: 1` history call. A conversation
 * left empty leaves the list, as the server drops empty conversations. Costs nothing when the conversation is
 * not in a loaded list. With `localOnly`, only a loaded view is used (an optimistic update sends nothing).
 */
export async function refreshPreview(kit: RoamingKit, conversationId: string, chatType: ChatType, opts: { localOnly?: boolean } = {}): Promise<void> {
  if (chatType === 'chatRoom') return
  const scope = scopeOf(kit)
  const key = conversationKey(conversationId, chatType)
  const lists = roamingKeys.conversationLists(scope)
  if (!queriesUnder<ConversationListData>(kit, lists).some(([, data]) => findConversation(data, key))) return
  const tombstone = kit.store.getState().tombstones[key]
  const loaded = queriesUnder<HistoryData>(kit, roamingKeys.history(scope, conversationId, chatType)).find(([, d]) => holdsLatest(d))
  let last = loaded ? (flattenHistory(loaded[1], tombstone).at(-1) ?? null) : undefined
  if (last === undefined) {
    if (opts.localOnly) return
    const page = await kit.client.getHistory({ conversationId, chatType: chatType as ConversationType, pageSize: 1 })
    last = page.messages[0] ?? null
  }
  const lastMessage = last
  updateQueries<ConversationListData>(kit, lists, (data) =>
    lastMessage ? patchConversation(data, key, (c) => (c.lastMessage?.id === lastMessage.id ? c : { ...c, lastMessage })) : removeConversation(data, key))
}

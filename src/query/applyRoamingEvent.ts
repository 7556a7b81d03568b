import { sameUser } from '../client/normalize'
import type { RoamingEvent, RoamingMessage } from '../client/types'
import { applyIncoming, removeConversation, unreadBy, type ConversationListData } from './conversationPages'
import { isBuried } from '../store/tombstones'
import { insertIncoming, type HistoryData } from './historyPages'
import { isOpenConversation, keyOf, listKind, roamingKeys } from './keys'
import { writeMark } from './conversationMarkMutation'
import { learnListed } from './learnListed'
import { joinMarkedLists } from './markedLists'
import { matchesSearch, searchOfView } from './matchesSearch'
import { writePinned } from './listedConversations'
import { dropPendingMarks } from './pendingMarks'
import { noteCrossedPins } from './pinConversationMutation'
import { clearUnread, sendReadAck } from './readAcks'
import { refreshPreviewOrList } from './refreshPreview'
import { resync } from './resync'
import { LIVE_LOG_SIZE, readAgain, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Applies an incoming message to the lists and to the views that hold the latest page (and would find it). */
export function applyIncomingMessage(kit: RoamingKit, message: RoamingMessage): void {
  const scope = scopeOf(kit)
  const key = keyOf(message)
  const state = kit.store.getState()
  const deleted = state.deletedConversations[key]
  // A message newer than a deletion recreates the conversation (the server does the same).
  const recreates = !!deleted && message.time > deleted.at
  if (recreates) state.unmarkConversationDeleted(key)
  // Already removed by this user, confirmed (its push can land after the removal): not a preview, not a row (found
  // by the model test: a message removed before its push arrived became the conversation's preview). A removal
  // still pending may fail: the message is kept (hidden by the tombstone meanwhile) so a rollback shows it.
  // Removed or not, it recreated a deleted conversation, which the server lists again with the history a deletion
  // without `deleteRoam` kept (found by the soak: a view refetch showed the message before its push, this device
  // removed it, and the conversation stayed out of the list).
  const isOpen = isOpenConversation(state.activeConversation, key)
  const me = kit.client.userId()
  // Read as it comes, even if already removed: the server counted it (see `startReadAcks`).
  if (isOpen && !sameUser(message.from, me)) sendReadAck(kit, message)
  if (isBuried(state.confirmedRemovals[key], message)) {
    if (recreates) void refreshPreviewOrList(kit, message.conversationId, message.chatType, { relist: { unreadCount: unreadBy(message, { me, isOpen }) } })
    return
  }
  // Older than a deletion heard first (the event overtook the push): whether the server kept it depends on the
  // deletion's deleteRoam, which the event does not say. Not logged nor inserted: the views read the server (found by
  // the soak: the phone sent, then deleted with its history, and the message showed in the view for good).
  const late = !!deleted && !recreates
  const log = kit.live.get(key) ?? []
  if (!late && !log.some((m) => m.id === message.id)) {
    log.push(message)
    if (log.length > LIVE_LOG_SIZE) log.shift()
    kit.live.set(key, log)
  }
  // A conversation no list has (new, emptied or deleted, so unlisted) may be pinned on the server all the same: a pin
  // made while it was unlisted, or heard of by no event (found by the model test: pinned on the phone while the
  // laptop was away, after a deletion; a message listed it again, unpinned). The pinned list tells.
  // Noted by the same pass over the lists (no second scan of 10k listed conversations per message).
  const seen = { listed: false }
  // Whether a loaded list of every conversation took the message in, and whether one has pages not loaded; whether a
  // mark's list is loaded, and has pages not loaded (the conversation may carry the mark).
  let taken = false
  let more = false
  let marked = false
  let markedMore = false
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scope), (data, queryKey) => {
    const kind = listKind(queryKey)
    if (kind === 'main' && data) {
      taken = true
      if (data.pages.at(-1)?.nextCursor) more = true
    }
    if (kind === 'marked' && data) {
      marked = true
      if (data.pages.at(-1)?.nextCursor) markedMore = true
    }
    return applyIncoming(data, message, { me, isOpen, kind, seen })
  })
  // Moved above what a mark's list loaded (no message changes whether it is in one). Noted by the same pass: no
  // second scan of the cache per message when no mark's list is loaded, the usual case.
  if (marked) joinMarkedLists(kit, key)
  if (!seen.listed && message.chatType !== 'chatRoom') {
    // That read has the last word on its pin: a pin state decided while no list showed it could not give way to
    // list reads (see `expirePins`) and may be stale (found by the soak: a deletion event heard after this device's
    // pin unpinned it here, the server having pinned it after the deletion; a pin refused later restored that).
    // Not while a pin change is out: its answer decides.
    if (state.pins[key] && !kit.queryClient.isMutating({ mutationKey: ['roamkit', 'pinConversation'] })) state.setPin(key, null)
    void kit.queryClient.invalidateQueries({ queryKey: roamingKeys.pinnedConversations(scope) })
    // Listed from the message alone: its marks are unknown, and with pages not loaded its unread count too (see
    // `learnListed`).
    if (taken || markedMore) void learnListed(kit, message, more && unreadBy(message, { me, isOpen }) > 0)
  }
  const history = roamingKeys.history(scope, message.conversationId, message.chatType)
  if (late) void readAgain(kit, history)
  else updateQueries<HistoryData>(kit, history, (data, queryKey) => (matchesSearch(searchOfView(queryKey), message) ? insertIncoming(data, message) : data))
}

/**
 * Applies one live event to the cache and the store. Multi-device events about conversations that are not loaded
 * cost no request: only loaded lists and views are touched (a view without observers is only marked stale).
 */
export function applyRoamingEvent(kit: RoamingKit, event: RoamingEvent): void {
  // A drop changes no data: the reconnection reads everything again (the store's `connected`: `watchConnection`).
  if (event.type === 'disconnected') return
  kit.heard++
  if (event.type === 'message') return applyIncomingMessage(kit, event.message)
  if (event.type === 'reconnected') return resync(kit)
  const scope = scopeOf(kit)
  const key = keyOf(event)
  const lists = roamingKeys.conversationLists(scope)
  const history = roamingKeys.history(scope, event.conversationId, event.chatType)
  switch (event.type) {
    case 'historyRemoved':
      // The logged live messages may be among the removed ones: forget them, or `reconcileFetches` would put them
      // back into the refetched pages (found by the model test: a message sent from another device, then removed
      // there, came back). Every fetch that lands from now on starts after this point, so it has what remains.
      // Lists read in flight may have started before the logged messages, which would have mended them: they are
      // read again (found by the soak: a message recreated a conversation this device had deleted, another device
      // removed an old message of it, and a list answer from before the message dropped the conversation for good).
      if (kit.live.delete(key) && kit.queryClient.isFetching({ queryKey: lists })) void readAgain(kit, lists)
      // The event does not say what went: refetch the loaded views that are on screen, and the preview.
      // Cancel fetches in flight first: invalidateQueries alone joins a first load in flight instead of restarting
      // it, so a page the server answered before the removal would land and show removed messages until the next
      // event (found by the model test: a jump in flight while another device removed messages).
      // The preview is refreshed after the refetch, from fresh pages only (see `refreshPreview`): read at once, the
      // loaded view still held the removed messages and the list kept a removed message as its preview.
      void readAgain(kit, history).then(() => refreshPreviewOrList(kit, event.conversationId, event.chatType))
      return
    case 'conversationDeleted': {
      // As above: with `deleteRoam` the logged messages are gone from the server too.
      kit.live.delete(key)
      dropPendingMarks(kit, key)
      const state = kit.store.getState()
      state.markConversationDeleted(key, event.timestamp, false)
      // The server unpins a deleted conversation: a pin this session heard of earlier must not pin it again when a
      // new message recreates it (found by the model test: pin, delete, new message on another device). That pin may
      // be the newer (the deletion's event came late, see `conversationPinned`): the lists, read again, tell.
      noteCrossedPins(kit)
      const pinned = state.pins[key]?.isPinned
      if (pinned) state.setPin(key, { isPinned: false, pinnedTime: 0 })
      if (isOpenConversation(state.activeConversation, key)) state.setActiveConversation(null)
      updateQueries<ConversationListData>(kit, lists, (data) => removeConversation(data, key))
      kit.queryClient.removeQueries({ queryKey: history })
      if (pinned) void readAgain(kit, lists)
      return
    }
    case 'conversationRead':
      clearUnread(kit, key)
      return
    case 'conversationMarked':
      // Shown at once, then checked, as pins: the event cannot be ordered against a change of this device's that
      // crossed it on the way (found by the soak: this device marked, the phone unmarked just after, the server had
      // the unmark first; the unmark's event landed before the mark's answer and left the mark unshown), nor against a
      // list read out.
      writeMark(kit, event)
      void readAgain(kit, lists)
      return
    case 'conversationPinned': {
      const pin = { isPinned: event.isPinned, pinnedTime: event.isPinned ? event.timestamp : 0 }
      const state = kit.store.getState()
      noteCrossedPins(kit)
      state.setPin(key, pin)
      writePinned(kit, key, pin)
      // Shown at once, then checked: the lists, read again, have the last word (see `expirePins`). The event may be
      // older than what this device knows, as events come another way than answers, and late (found by the soak: the
      // phone unpinned, this device pinned just after, and the unpin event landed after the pin's answer; also an
      // event landing after a full read that already had it). And the entry copied into the pinned list may be out of
      // date (found by the soak: a conversation emptied on the server, put back in the list by a failed removal of
      // this device, then pinned on the phone).
      void readAgain(kit, lists)
    }
  }
}

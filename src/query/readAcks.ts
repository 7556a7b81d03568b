import { focusManager } from '@tanstack/react-query'
import type { Conversation, RoamingMessage } from '../client/types'
import type { ActiveConversation } from '../store/createRoamingStore'
import { isBuried } from '../store/tombstones'
import { patchConversation, unreadBy, type ConversationListData } from './conversationPages'
import { keyOf, roamingKeys } from './keys'
import { listedConversations } from './listedConversations'
import { nextTick, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Per kit, the conversations whose read ack is out, each with whether another is due when it settles. */
const acksOut = new WeakMap<RoamingKit, Map<string, boolean>>()
/** Per kit, the conversation whose ack waits for the page to show again. */
const held = new WeakMap<RoamingKit, ActiveConversation>()

/**
 * Sends the conversation read ack (`RoamingClient.markConversationRead`) unless the kit sends none. One at a time per
 * conversation: asked again meanwhile, it sends one more when the first settles, so a busy group costs two acks, not
 * one per message. A failed ack is not retried: the server keeps its count, and the next list read that shows it for
 * the open conversation sends another (`reconcileFetches`).
 */
export function sendReadAck(kit: RoamingKit, conversation: ActiveConversation): void {
  const out = acksOut.get(kit)
  if (!out || !kit.readAcks || conversation.chatType === 'chatRoom') return
  // Not while the page is hidden (TanStack's focus state): a conversation left open on an unattended screen is not
  // read, and the user's phone must keep its badges. Sent when the page shows again, if it is still open.
  if (!focusManager.isFocused()) { held.set(kit, conversation); return }
  const key = keyOf(conversation)
  if (out.has(key)) { out.set(key, true); return }
  out.set(key, false)
  const settled = () => {
    const again = out.get(key)
    out.delete(key)
    // Not after the kit stopped (`acksOut` then holds another map, or none).
    if (again && acksOut.get(kit) === out) sendReadAck(kit, conversation)
  }
  kit.client.markConversationRead({ conversationId: conversation.conversationId, chatType: conversation.chatType }).then(settled, settled)
}

/** Per kit, when each conversation was last read (`nextTick`) and the newest message time known then. */
const reads = new WeakMap<RoamingKit, Map<string, { tick: number; time: number }>>()

/**
 * Sets the unread count of conversation `key` to 0 in every loaded list, and notes the read for list reads still
 * out (`unreadAfterRead`); returns the largest count cleared and the newest message time known.
 */
export function clearUnread(kit: RoamingKit, key: string): { count: number; time: number } {
  let counted = 0
  let time = kit.live.get(key)?.at(-1)?.time ?? 0
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) =>
    patchConversation(data, key, (c) => {
      time = Math.max(time, c.lastMessage?.time ?? 0)
      if (c.unreadCount === 0) return c
      counted = Math.max(counted, c.unreadCount)
      return { ...c, unreadCount: 0 }
    }))
  const marks = reads.get(kit) ?? new Map<string, { tick: number; time: number }>()
  reads.set(kit, marks.set(key, { tick: nextTick(), time }))
  return { count: counted, time }
}

/**
 * How many logged live messages from others of conversation `key` newer than `since` (a listed preview's time) are
 * unread: not those up to its last read here or on another device (`clearUnread`), nor those this user removed or
 * deleted with the conversation since. One count for every place a list's count grows by the log.
 */
export function unreadSince(kit: RoamingKit, key: string, since: number): number {
  const { deletedConversations, tombstones } = kit.store.getState()
  const deleted = deletedConversations[key]
  const hidden = (m: RoamingMessage) => (!!deleted && m.time <= deleted.at) || isBuried(tombstones[key], m)
  return loggedUnread(kit, key, Math.max(since, reads.get(kit)?.get(key)?.time ?? 0), Infinity, hidden)
}

/**
 * The unread count a list read that started at `started` (`nextTick`) may show for `c` (key `key`). One started before the
 * conversation was read (opened here, or a `conversationRead` event from another device) has the server's count
 * from before: only the logged messages from others newer than the read and known to the read can be unread (a
 * list read out when the phone opened the conversation brought the old badge back until the next read).
 */
export function unreadAfterRead(kit: RoamingKit, key: string, c: Conversation, started: number): number {
  const read = c.unreadCount > 0 ? reads.get(kit)?.get(key) : undefined
  if (!read || read.tick < started) return c.unreadCount
  return Math.min(c.unreadCount, loggedUnread(kit, key, read.time, c.lastMessage?.time ?? 0))
}

/** How many logged live messages of conversation `key` from others have `after < time <= upTo` and are not `hidden`. */
export function loggedUnread(kit: RoamingKit, key: string, after: number, upTo: number, hidden?: (m: RoamingMessage) => boolean): number {
  const me = kit.client.userId()
  return (kit.live.get(key) ?? []).filter((m) => m.time > after && m.time <= upTo && unreadBy(m, { me, isOpen: false }) > 0 && !hidden?.(m)).length
}

/**
 * The conversation open in the thread view (`activeConversation`) is being read, here and, through the read ack, on
 * the server and the user's other devices; without acks, list reads would bring its old count back. An ack goes when
 * it is opened with unread messages (or unlisted: its count is unknown); also when someone else's message comes while
 * it is open (`applyIncomingMessage`: the server counted it) and when a list read shows it with unread messages
 * (`reconcileFetches`: an ack failed, or messages came while this device was away); while the page is hidden, not
 * until it shows again. Returns the stop function.
 */
export function startReadAcks(kit: RoamingKit): () => void {
  const out = new Map<string, boolean>()
  acksOut.set(kit, out)
  const stop = kit.store.subscribe((state, previous) => {
    const active = state.activeConversation
    if (!active || active === previous.activeConversation) return
    const key = keyOf(active)
    const unlisted = listedConversations(kit, key).length === 0
    const read = clearUnread(kit, key)
    kit.store.setState({ unreadOnOpen: { key, ...read } })
    if (read.count > 0 || unlisted) sendReadAck(kit, active)
  })
  const stopFocus = focusManager.subscribe((focused) => {
    const waiting = held.get(kit)
    const active = kit.store.getState().activeConversation
    if (!focused || !waiting) return
    held.delete(kit)
    if (active && keyOf(active) === keyOf(waiting)) sendReadAck(kit, active)
  })
  return () => {
    if (acksOut.get(kit) === out) acksOut.delete(kit)
    held.delete(kit)
    stop()
    stopFocus()
  }
}

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ChatType, DisconnectReason } from '../client/types'
import { mergeTombstones, NO_TOMBSTONE, type Tombstone } from './tombstones'

/** The conversation open in the thread view. */
export interface ActiveConversation {
  /** Conversation id. */
  conversationId: string
  /** Its chat type. */
  chatType: ChatType
}

/** A removal in flight: its tombstone applies until it settles. */
export interface PendingRemoval {
  /** Conversation key (`conversationKey(id, chatType)`). */
  key: string
  /** Ids being removed. */
  ids: readonly string[]
  /** Time at or before which messages are being removed, `0` for none. */
  before: number
}

/** Where the reader was in a thread, to come back to it. */
export interface ScrollAnchor {
  /** The message at the top of the view. */
  messageId: string
  /** Its offset from the top of the viewport, px. */
  offset: number
}

/** UI state of one provider. Server data lives in the query cache, never here. */
export interface RoamingStoreState {
  /** The open conversation, if any. */
  activeConversation: ActiveConversation | null
  /**
   * How many messages the lists counted unread in the open conversation when it was opened, before they were cleared,
   * and the newest message time known then (see `startReadAcks`): the thread marks where they start, above any that
   * came after. `null` until a conversation is opened.
   */
  unreadOnOpen: { key: string; count: number; time: number } | null
  /** Bulk-delete selection: the conversation and the selected message ids. */
  selection: { key: string; ids: ReadonlySet<string> } | null
  /** Removals in flight, by removal id. */
  pendingRemovals: Readonly<Record<string, PendingRemoval>>
  /** Confirmed removals by conversation key: permanent for the session. */
  confirmedRemovals: Readonly<Record<string, Tombstone>>
  /** Confirmed ∪ pending, by conversation key: what must never show. Recomputed on change, stable otherwise. */
  tombstones: Readonly<Record<string, Tombstone>>
  /** Deleted conversations: hidden unless a message newer than `at` arrives. */
  deletedConversations: Readonly<Record<string, { at: number; pending: boolean }>>
  /**
   * Pin states this session decided (optimistic, confirmed, or heard from another device), by conversation key.
   * They win over list pages, so a page fetched before a pin cannot undo it.
   */
  pins: Readonly<Record<string, { isPinned: boolean; pinnedTime: number }>>
  /** Scroll anchors by conversation key. */
  scrollAnchors: Readonly<Record<string, ScrollAnchor>>
  /**
   * Whether the connection is up, as the provider's live sync last heard (`false` from a drop to the reconnection):
   * meanwhile what shows may be stale and every request fails. Also `false` while the browser says it is offline
   * (see `watchConnection`).
   */
  connected: boolean
  /**
   * While not `connected`: whether the connection comes back by itself (the SDK is reconnecting, or waits for the
   * browser's network: it gave up offline, and starts again when the browser is back online). `false` once the SDK
   * stopped online: after a logout, a login elsewhere that took this one's place, or a reconnection that failed, only a
   * new login brings it back. Always `false` while connected.
   */
  reconnecting: boolean
  /** While stopped (neither `connected` nor `reconnecting`): why, as the client told it. `null` otherwise. */
  stopReason: DisconnectReason | null
  /** Opens a conversation (or closes the thread with `null`). */
  setActiveConversation(conversation: ActiveConversation | null): void
  /** Selects or unselects a message for bulk deletion; selecting in another conversation starts over. */
  toggleSelected(key: string, messageId: string): void
  /** Leaves selection mode. */
  clearSelection(): void
  /** Records a removal in flight; returns its id. */
  addPendingRemoval(removal: PendingRemoval): string
  /** Settles a removal: what the server removed becomes permanent, the rest is released. */
  settleRemoval(removalId: string, confirmed: { ids?: readonly string[]; before?: number }): void
  /** Hides a conversation (pending until the server answers). */
  markConversationDeleted(key: string, at: number, pending: boolean): void
  /** Releases a conversation deletion that failed. */
  unmarkConversationDeleted(key: string): void
  /** Hides (`{ at, pending }`) or releases (`null`) many conversations at once, as a deletion of them all does. */
  markConversationsDeleted(changes: Readonly<Record<string, { at: number; pending: boolean } | null>>): void
  /** Records (or with `null` forgets) the pin state of a conversation. */
  setPin(key: string, pin: { isPinned: boolean; pinnedTime: number } | null): void
  /** Remembers where the reader was. */
  setScrollAnchor(key: string, anchor: ScrollAnchor | null): void
  /** Puts back what a persisted session kept (confirmed removals, deletions, pins, the open conversation). */
  restore(saved: PersistedStoreState): void
}

/** The part of the store that survives a reload (with `persist`): what must never come back, and where the user was. */
export type PersistedStoreState = Pick<RoamingStoreState, 'confirmedRemovals' | 'deletedConversations' | 'pins' | 'activeConversation'>

/** Picks the persisted part of the state. */
export const persistedPart = (s: RoamingStoreState): PersistedStoreState => ({
  confirmedRemovals: s.confirmedRemovals, deletedConversations: s.deletedConversations, pins: s.pins, activeConversation: s.activeConversation,
})

/** A vanilla zustand store of roamkit UI state. */
export type RoamingStore = StoreApi<RoamingStoreState>

let removals = 0

/** Recomputes the tombstone of one conversation only: the others keep their identity (no needless re-render). */
function withTombstone(
  previous: Record<string, Tombstone>, key: string, confirmed: Record<string, Tombstone>, pending: Record<string, PendingRemoval>,
): Record<string, Tombstone> {
  let t: Tombstone | undefined = confirmed[key]
  for (const p of Object.values(pending)) if (p.key === key) t = mergeTombstones(t ?? NO_TOMBSTONE, p)
  const { [key]: _old, ...rest } = previous
  return t ? { ...rest, [key]: t } : rest
}

/** Creates the store of one provider. Never a module singleton: two providers never share state. */
export function createRoamingStore(initial: Partial<Pick<RoamingStoreState, 'activeConversation'>> = {}): RoamingStore {
  return createStore<RoamingStoreState>()((set, get) => ({
    activeConversation: initial.activeConversation ?? null,
    unreadOnOpen: null,
    selection: null,
    pendingRemovals: {},
    confirmedRemovals: {},
    tombstones: {},
    deletedConversations: {},
    pins: {},
    scrollAnchors: {},
    connected: true,
    reconnecting: false,
    stopReason: null,
    setActiveConversation: (conversation) => set({ activeConversation: conversation, selection: null }),
    toggleSelected(key, messageId) {
      const current = get().selection
      const ids = new Set(current?.key === key ? current.ids : [])
      if (!ids.delete(messageId)) ids.add(messageId)
      set({ selection: { key, ids } })
    },
    clearSelection: () => set({ selection: null }),
    addPendingRemoval(removal) {
      const id = `removal-${++removals}`
      const pendingRemovals = { ...get().pendingRemovals, [id]: removal }
      set({ pendingRemovals, tombstones: withTombstone(get().tombstones, removal.key, get().confirmedRemovals, pendingRemovals) })
      return id
    },
    settleRemoval(removalId, confirmed) {
      const { [removalId]: removal, ...pendingRemovals } = get().pendingRemovals
      if (!removal) return
      const confirmedRemovals = { ...get().confirmedRemovals }
      if ((confirmed.ids?.length ?? 0) > 0 || (confirmed.before ?? 0) > 0) {
        confirmedRemovals[removal.key] = mergeTombstones(confirmedRemovals[removal.key] ?? NO_TOMBSTONE, confirmed)
      }
      set({ pendingRemovals, confirmedRemovals, tombstones: withTombstone(get().tombstones, removal.key, confirmedRemovals, pendingRemovals) })
    },
    markConversationDeleted: (key, at, pending) =>
      set({ deletedConversations: { ...get().deletedConversations, [key]: { at, pending } } }),
    unmarkConversationDeleted(key) {
      const { [key]: _gone, ...rest } = get().deletedConversations
      set({ deletedConversations: rest })
    },
    markConversationsDeleted(changes) {
      const deletedConversations = { ...get().deletedConversations }
      // for…in, not Object.entries: no pair array per key (10k conversations: 2.7 ms instead of 4.4).
      for (const key in changes) {
        const mark = changes[key]
        if (mark) deletedConversations[key] = mark
        else delete deletedConversations[key]
      }
      set({ deletedConversations })
    },
    setPin(key, pin) {
      const { [key]: _old, ...rest } = get().pins
      set({ pins: pin ? { ...rest, [key]: pin } : rest })
    },
    restore(saved) {
      const confirmedRemovals = { ...saved.confirmedRemovals, ...get().confirmedRemovals }
      let tombstones = get().tombstones
      for (const key of Object.keys(confirmedRemovals)) tombstones = withTombstone(tombstones, key, confirmedRemovals, get().pendingRemovals)
      set({
        confirmedRemovals, tombstones,
        deletedConversations: { ...saved.deletedConversations, ...get().deletedConversations },
        pins: { ...saved.pins, ...get().pins },
        activeConversation: get().activeConversation ?? saved.activeConversation,
      })
    },
    setScrollAnchor(key, anchor) {
      const { [key]: _old, ...rest } = get().scrollAnchors
      set({ scrollAnchors: anchor ? { ...rest, [key]: anchor } : rest })
    },
  }))
}

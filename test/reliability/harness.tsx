/**
 * Shared machinery of the reliability tests: a deterministic "settle" under fake timers, and a plain model of what
 * the simulated server holds for one user, rebuilt from the server's own request log (its linearization).
 */
import { act } from '@testing-library/react'
import type { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, vi } from 'vitest'
import type { RoamingServer, RequestRecord } from '../../src/testing'

/** A message as the model knows it. */
export interface ModelMessage { id: string; time: number }

/** Fake timers at a fixed date for every test of the calling block (or file); real timers and mocks back after each. */
export function withFakeTime(): void {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2025-06-01T12:00:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })
}

/** Runs due timers and microtasks inside `act`, so React renders what changed. */
export async function flush(ms = 0): Promise<void> {
  await act(async () => { await vi.advanceTimersByTimeAsync(ms) })
}

/**
 * Waits (in fake time) until nothing is in flight: no simulator answer or push scheduled, no query fetching, no
 * mutation running, no promise of the test's own pending. Jumps from timer to timer, so backoffs cost nothing.
 */
export async function settle(server: RoamingServer, queryClient: QueryClient, inflight: { size: number } = { size: 0 }, limitMs = 600_000): Promise<void> {
  const start = Date.now()
  const busy = () => server.pending() > 0 || queryClient.isFetching() > 0 || queryClient.isMutating() > 0 || inflight.size > 0
  let steps = 0
  for (let quiet = 0; quiet < 2;) {
    await flush(0)
    if (busy()) {
      quiet = 0
      if (++steps > 5_000) throw new Error(`settle: no quiet after ${steps} steps (a refetch loop?) pending ${server.pending()}, fetching ${queryClient.isFetching()}, mutating ${queryClient.isMutating()}, own ${inflight.size}`)
      await act(async () => { await vi.advanceTimersToNextTimerAsync() })
      if (Date.now() - start > limitMs) throw new Error(`settle: still busy after ${limitMs} ms of fake time (pending ${server.pending()}, fetching ${queryClient.isFetching()}, mutating ${queryClient.isMutating()}, own ${inflight.size})`)
    } else {
      // TanStack batches notifications with setTimeout(0): give them a tick, then look again.
      await flush(1)
      quiet++
    }
  }
}

/** One user's view of one conversation on the server, as the spec (§6.17–6.21) describes it. */
export interface ModelConversation {
  /** Every message ever stored in the thread, ascending. */
  all: ModelMessage[]
  removed: Set<string>
  /** Messages at or before this time are gone (remove-before, deleteRoam). */
  cleared: number
  deleted: boolean
  isPinned: boolean
  pinnedTime: number
  /** Its marks (0–19), in no particular order. */
  marks: number[]
  /** Server time of the last deletion of the conversation. */
  deletedAt: number
  /**
   * Recreated by a message stored in the same millisecond as the deletion: the deletion event and the message
   * carry the same time, so no client can tell their order. The list is not checked for it until this clears.
   */
  ambiguous: boolean
  /**
   * Messages stored in the millisecond of a deletion, after it: no client can tell them from messages stored before
   * it (which a deletion with `deleteRoam` took), so a view may leave them out for good, not only while one is the
   * newest (`ambiguous`; found by the soak: the first of three messages that recreated a conversation deleted with its
   * history shared the deletion's millisecond, and the view never showed it).
   */
  unsure: Set<string>
}

/** A message stored without a request of the user (another user's message): applied before `requests[at]`. */
export interface ModelIncoming { at: number; conversationId: string; message: ModelMessage }

/** The model: conversation id → state. */
export type Model = Map<string, ModelConversation>

export const visible = (c: ModelConversation | undefined): ModelMessage[] =>
  c ? c.all.filter((m) => m.time > c.cleared && !c.removed.has(m.id)) : []

function append(c: ModelConversation, m: ModelMessage): void {
  if (c.all.some((x) => x.id === m.id)) return
  c.all.push(m)
  c.all.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1))
  // A new message recreates a deleted conversation (the pin state stays what it was).
  if (c.deleted) c.ambiguous = m.time <= c.deletedAt
  else if (m.time > c.deletedAt) c.ambiguous = false
  // Times never go back: stored after a deletion, at or before its time, is in its millisecond.
  if (c.deletedAt > 0 && m.time <= c.deletedAt) c.unsure.add(m.id)
  c.deleted = false
}

/**
 * Rebuilds the model (`strict`: every answer known, i.e. after a settle) from the initial histories, the messages other users sent (with their place in the request
 * log) and the user's successful requests, in the order the server processed them.
 */
export function replay(
  user: string, initial: ReadonlyMap<string, readonly ModelMessage[]>, requests: readonly RequestRecord[],
  incoming: readonly ModelIncoming[], sent: ReadonlyMap<unknown, ModelMessage>, strict = true,
): Model {
  const model: Model = new Map()
  const conv = (id: string) => {
    let c = model.get(id)
    if (!c) model.set(id, (c = { all: [], removed: new Set(), cleared: 0, deleted: false, isPinned: false, pinnedTime: 0, marks: [], deletedAt: 0, ambiguous: false, unsure: new Set() }))
    return c
  }
  for (const [id, messages] of initial) conv(id).all.push(...messages)
  let next = 0
  const incomingUpTo = (k: number) => {
    while (next < incoming.length && (incoming[next] as ModelIncoming).at <= k) {
      const e = incoming[next++] as ModelIncoming
      append(conv(e.conversationId), e.message)
    }
  }
  /** A deletion the server processed at `time`. */
  const deleteConversation = (c: ModelConversation, deleteRoam: boolean, time: number) => {
    c.deleted = true
    // As the server stamps it: not before any message stored so far (see RoamingState.operationTime).
    c.deletedAt = Math.max(time, ...[...model.values()].map((x) => x.all.at(-1)?.time ?? 0))
    c.ambiguous = false
    c.isPinned = false
    c.pinnedTime = 0
    c.marks = []
    const last = c.all.at(-1)
    if (deleteRoam && last) c.cleared = Math.max(c.cleared, last.time)
  }
  requests.forEach((r, k) => {
    incomingUpTo(k)
    if (r.user !== user || r.outcome !== 'ok') return
    const p = r.params as Record<string, unknown>
    switch (r.method) {
      case 'removeHistoryMessages': {
        const c = conv(p.targetId as string)
        if (Array.isArray(p.messageIds)) for (const id of p.messageIds as string[]) c.removed.add(id)
        else c.cleared = Math.max(c.cleared, p.beforeTimeStamp as number)
        return
      }
      case 'deleteConversation':
        deleteConversation(conv(p.channel as string), p.deleteRoam as boolean, r.time)
        return
      case 'deleteAllMessagesAndConversations':
        for (const c of model.values()) deleteConversation(c, true, r.time)
        return
      case 'pinConversation': {
        const c = conv(p.conversationId as string)
        c.isPinned = p.isPinned as boolean
        c.pinnedTime = c.isPinned ? r.time : 0
        return
      }
      case 'addConversationMark':
      case 'removeConversationMark': {
        const mark = p.mark as number
        for (const { conversationId } of p.conversations as Array<{ conversationId: string }>) {
          // The server ignores a conversation it does not have, or has deleted.
          const c = model.get(conversationId)
          if (!c || c.deleted) continue
          c.marks = c.marks.filter((m) => m !== mark)
          if (r.method === 'addConversationMark') c.marks.push(mark)
        }
        return
      }
      case 'send': {
        // A conversation read ack (the open conversation): no message.
        if (p.type === 'channel') return
        const m = sent.get(r.params)
        // Mid-flight (picking ids for a command) an answer may still be on its way; after a settle it must be known.
        if (!m) { if (strict) throw new Error(`replay: the answer of send #${k} is unknown`); return }
        append(conv(p.to as string), m)
        return
      }
      default:
    }
  })
  incomingUpTo(Infinity)
  return model
}

/** Rank of a listed conversation: pinned first by pin time, then by last-message time, both descending. */
export function rankOf(c: ModelConversation): [number, number] {
  return c.isPinned ? [1, c.pinnedTime] : [0, visible(c).at(-1)?.time ?? 0]
}

/** The conversation list the server would give, ids only, each with its rank. */
export function listOf(model: Model): Array<{ id: string; rank: [number, number]; lastId: string; isPinned: boolean }> {
  const out = [...model].filter(([, c]) => !c.deleted && visible(c).length > 0)
    .map(([id, c]) => ({ id, rank: rankOf(c), lastId: visible(c).at(-1)!.id, isPinned: c.isPinned }))
  return out.sort((a, b) => b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1])
}

/** A seeded PRNG (mulberry32) to stand in for `Math.random` (retry jitter), so a run replays exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Model-based fault testing of the hooks over the simulator (issue 6, part 1).
 *
 * One device of `alice` renders useHistoryMessages + useConversationList + useRemoveHistoryMessages +
 * useDeleteConversation + usePinConversation in a StrictMode RoamingProvider. Random command sequences page, jump,
 * delete and pin (own device and a second device of the same user), receive messages from other users and from the
 * second device, switch failure injection and latencies (so answers overtake each other), drop and restore this
 * device's connection (it misses what happens meanwhile), and let fake time pass. After every settle with the
 * connection up the hooks must show exactly what a plain model of the server says.
 *
 * Runs: 200 × up to 60 commands in `npm test`; `npm run soak` runs 10,000+ (SOAK_RUNS). Replay a failure with
 * MODEL_SEED=<seed> MODEL_PATH=<path> MODEL_REPLAY=<replayPath> [MODEL_DEBUG=1] npx vitest run --project unit test/reliability/model.test.tsx
 * (MODEL_SHRINK=0: report the first failing run unshrunk.)
 */
import { act, cleanup, renderHook } from '@testing-library/react'
import fc from 'fast-check'
import { StrictMode, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import { RemovePartialError } from '../../src/client/RoamingError'
import type { Conversation, DisconnectReason, RemoveResult, RoamingClient } from '../../src/client/types'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useDeleteConversation } from '../../src/hooks/useDeleteConversation'
import { useDeleteAllConversations } from '../../src/hooks/useDeleteAllConversations'
import type { ConversationListData } from '../../src/query/conversationPages'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { useMarkConversation } from '../../src/hooks/useMarkConversation'
import { usePinConversation } from '../../src/hooks/usePinConversation'
import { useRemoveHistoryMessages } from '../../src/hooks/useRemoveHistoryMessages'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { RoamingProvider } from '../../src/provider/RoamingProvider'
import { createRoamingServer, type ForcedLogout, type RoamingServer } from '../../src/testing'
import type { SimulatedConnection } from '../../src/simulator/SimulatedConnection'
import { newQueryClient } from '../kit'
import {
  flush, listOf, rankOf, replay, seededRandom, settle, visible, withFakeTime,
  type Model, type ModelIncoming, type ModelMessage,
} from './harness'

const realNow = performance.now.bind(performance)
const SOAK = process.env.SOAK === '1'
const RUNS = Number(process.env.SOAK_RUNS ?? process.env.MODEL_RUNS ?? (SOAK ? 10_000 : 200))
const MAX_COMMANDS = Number(process.env.MODEL_COMMANDS ?? 60)
const SEED = process.env.MODEL_SEED !== undefined ? Number(process.env.MODEL_SEED) : undefined
const PATH = process.env.MODEL_PATH
/** The counterexample's `replayPath` (shrunk commands are replayed from it along with seed and path). */
const REPLAY = process.env.MODEL_REPLAY
const USER = 'alice'
const chatType = 'singleChat' as const

// ---------------------------------------------------------------------------------------------------------------
// The system under test

/** The subject's props: the open conversation, the page size, and the searched view's time window (inclusive). */
interface SubjectProps { conversationId: string; pageSize: number; window: { startTime: number; endTime: number } }

function useSubject({ conversationId, pageSize, window }: SubjectProps) {
  return {
    history: useHistoryMessages({ conversationId, chatType, pageSize }),
    /**
     * The same conversation searched in a time window of its seeded past (a new search object each render, as an app
     * would write it): live messages never join it, paging older stops at its start.
     */
    windowed: useHistoryMessages({ conversationId, chatType, pageSize, search: { ...window } }),
    list: useConversationList({ pageSize: 20 }),
    /** Mark 0's list, two a page: paged by `FetchMoreStarred`, checked against the model's marks after every settle. */
    starred: useConversationList({ mark: 0, pageSize: 2 }),
    remove: useRemoveHistoryMessages(),
    del: useDeleteConversation(),
    all: useDeleteAllConversations(),
    pin: usePinConversation(),
    marking: useMarkConversation(),
    /** The thread view's conversation, as `ConversationList` opens it (read acks follow it). */
    active: useRoamingStore((s) => s.activeConversation),
    /** What the components say of the connection. */
    connected: useRoamingStore((s) => s.connected),
    reconnecting: useRoamingStore((s) => s.reconnecting),
    stopReason: useRoamingStore((s) => s.stopReason),
    setActive: useRoamingStore((s) => s.setActiveConversation),
    /** For MODEL_DEBUG=1 replays. */
    deleted: useRoamingStore((s) => s.deletedConversations),
  }
}
type Subject = ReturnType<typeof useSubject>

/** A removal of this device still in flight: its rows must never show. */
interface OwnRemoval { conversationId: string; ids: ReadonlySet<string>; before: number }

class Real {
  readonly incoming: ModelIncoming[] = []
  readonly sent = new Map<unknown, ModelMessage>()
  readonly inflight = new Set<Promise<unknown>>()
  readonly ownPending = new Set<OwnRemoval>()
  /** Confirmed removals of this device: permanent on the server, so they never show again. */
  readonly ownConfirmed: OwnRemoval[] = []
  readonly trace: string[] = []
  /**
   * Conversations this device is deleting. Known race, excluded here and shown by a failing test in
   * outage.test.tsx: the client is not told the server time of its own deletion, so a message stored on the server
   * just before the deletion but pushed after it was sent looks newer and brings the conversation back (and a
   * pin from another device meanwhile cannot be ordered against it either).
   */
  readonly deleting = new Set<string>()
  props: SubjectProps
  readonly queryClient = newQueryClient()
  readonly hook: ReturnType<typeof renderHook<Subject, SubjectProps>>

  constructor(
    readonly server: RoamingServer, readonly device: SimulatedConnection, readonly client2: RoamingClient,
    readonly device2: SimulatedConnection, readonly peers: readonly string[], readonly initial: ReadonlyMap<string, readonly ModelMessage[]>,
    pageSize: number,
  ) {
    // The searched window is the middle half of the seeded messages' times: each thread has messages on all sides.
    const times = [...initial.values()].flat().map((m) => m.time).sort((a, b) => a - b)
    const window = { startTime: times[times.length >> 2] ?? 0, endTime: times[(times.length * 3) >> 2] ?? Number.MAX_SAFE_INTEGER }
    this.props = { conversationId: peers[0] as string, pageSize, window }
    const queryClient = this.queryClient
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode><RoamingProvider connection={device} queryClient={queryClient}>{children}</RoamingProvider></StrictMode>
    )
    this.hook = renderHook((p) => useSubject(p), { wrapper, initialProps: this.props })
  }

  get current(): Subject { return this.hook.result.current }

  /** Keeps a promise in flight until it settles, and runs `then` on its outcome. */
  track<T>(p: Promise<T>, then?: (outcome: { ok: true; value: T } | { ok: false; error: unknown }) => void): Promise<void> {
    const done = p.then((value) => then?.({ ok: true, value }), (error: unknown) => then?.({ ok: false, error }))
    this.inflight.add(done)
    void done.finally(() => this.inflight.delete(done))
    return done
  }

  model(strict = false): Model {
    return replay(USER, this.initial, this.server.requests, this.incoming, this.sent, strict)
  }

  async settle(): Promise<void> {
    await settle(this.server, this.queryClient, this.inflight)
  }

  shown(): string[] { return this.current.history.messages.map((m) => m.id) }

  /** Whether this device's connection is dropped (it hears nothing, its requests fail): it cannot match the model. */
  get dropped(): boolean { return !this.device.isOpened() }
  /**
   * Whether the device logged out, and how (by itself or signed out by the server): dropped too, and not coming back
   * by itself (only a login brings it back).
   */
  loggedOut: false | DisconnectReason = false

  /** Rows of this device's removals (pending or confirmed) never show, at any moment. */
  checkOwnRemovals(when: string): void {
    const messages = [...this.current.history.messages, ...this.current.windowed.messages]
    for (const r of [...this.ownPending, ...this.ownConfirmed]) {
      if (r.conversationId !== this.props.conversationId) continue
      const back = messages.filter((m) => r.ids.has(m.id) || m.time <= r.before).map((m) => m.id)
      if (back.length > 0) throw new Error(`${when}: removed rows show again: ${back.join(', ')}\n${this.trace.join('\n')}`)
    }
  }

  /** Requests, views and expectations, for MODEL_DEBUG=1 replays. */
  debug(model: Model): string {
    const short = (id: string) => id.replace(/^110*/, '')
    const reqs = this.server.requests.map((r, i) => {
      const p = r.params as Record<string, unknown>
      const extra = r.method === 'getHistoryMessages' ? `${p.targetId} ${p.searchDirection} cursor=${short(String(p.cursor ?? '-'))}`
        : r.method === 'removeHistoryMessages' ? `${p.targetId} ids=${(p.messageIds as string[] | undefined)?.map(short).join(',')} before=${p.beforeTimeStamp}`
          : JSON.stringify(p)?.slice(0, 80)
      return `  #${i} t=${r.time % 100_000} ${r.method} ${r.outcome} ${extra}`
    })
    const h = this.current.history
    return [
      'requests:', ...reqs,
      `incoming: ${this.incoming.map((e) => `@${e.at} ${e.conversationId}:${short(e.message.id)}`).join(' ')}`,
      `view ${this.props.conversationId} ${h.status} hasOlder=${h.hasOlder} latest=${h.isLatest} anchor=${h.anchorId && short(h.anchorId)}: ${this.shown().map(short).join(',')}`,
      `model: ${visible(model.get(this.props.conversationId)).map((m) => short(m.id)).join(',')}`,
      `windowed ${this.props.window.startTime % 100_000}..${this.props.window.endTime % 100_000} ${this.current.windowed.status} hasOlder=${this.current.windowed.hasOlder}: ${this.current.windowed.messages.map((m) => short(m.id)).join(',')}`,
      `list: ${this.current.list.conversations.map((c) => `${c.conversationId}${c.isPinned ? '*' : ''}:${c.lastMessage && short(c.lastMessage.id)}`).join(' ')}`,
      `deletion marks: ${Object.entries(this.current.deleted).map(([k, m]) => `${k}@${m.at % 100_000}${m.pending ? ' pending' : ''}`).join(' ')}; list times: ${this.current.list.conversations.map((c) => `${c.conversationId}@${(c.lastMessage?.time ?? 0) % 100_000}`).join(' ')}`,
      `model list: ${listOf(model).map((c) => `${c.id}${c.isPinned ? '*' : ''}:${short(c.lastId)}`).join(' ')}`,
      `mutations: ${this.queryClient.getMutationCache().getAll().map((m) => `${String(m.options.mutationKey?.[1])}:${m.state.status}`).join(' ')}`,
      `lists: ${this.queryClient.getQueryCache().findAll({ queryKey: ['roamkit', USER, 'conversations'] }).map((q) => `${JSON.stringify(q.queryKey.slice(3))} ${q.state.status}/${q.state.fetchStatus} inv=${q.state.isInvalidated} ${JSON.stringify((q.state.data as { pages: Array<{ conversations: Array<{ conversationId: string }> }> } | undefined)?.pages.map((p) => p.conversations.map((c) => c.conversationId)))}`).join('; ')}`,
      `cache: ${this.queryClient.getQueryCache().findAll({ queryKey: ['roamkit', USER, 'history'] }).map((q) => `${JSON.stringify(q.queryKey.slice(4))} ${q.state.status}/${q.state.fetchStatus} obs=${q.getObserversCount()} pages=${JSON.stringify((q.state.data as { pageParams?: unknown } | undefined)?.pageParams)}`).join('; ')}`,
    ].join('\n')
  }

  /**
   * A settled view shows a contiguous window of what the server has for it (`expected`, ids ascending), rows the
   * model cannot be sure of (`sure`) left out of both.
   */
  checkView(name: string, view: Subject['history'], expected: readonly string[], sure: (m: { id: string; time: number }) => boolean, why: (what: string) => string): void {
    if (view.status !== 'success') return
    const ids = view.messages.filter(sure).map((m) => m.id)
    expect(new Set(ids).size, why(`${name}: duplicated rows`)).toBe(ids.length)
    if (ids.length > 0) {
      const at = expected.indexOf(ids[0] as string)
      expect(at, why(`${name}: first shown row ${ids[0]} is not on the server`)).toBeGreaterThanOrEqual(0)
      expect(ids, why(`${name}: shown rows are not a contiguous window of the server history`)).toEqual(expected.slice(at, at + ids.length))
      if (!view.hasOlder) expect(at, why(`${name}: no older messages, but the window does not start at the oldest`)).toBe(0)
      if (view.isLatest) expect(at + ids.length, why(`${name}: the view holds the latest page but misses newer messages`)).toBe(expected.length)
    } else if (!view.hasOlder && view.isLatest) {
      expect(ids, why(`${name}: an empty complete view, but the server has messages`)).toEqual(expected)
    }
  }

  /** The invariants after a settle. */
  checkSettled(): void {
    const model = this.model(true)
    const why = (what: string) => `${what}\ntrace:\n${this.trace.join('\n')}${process.env.MODEL_DEBUG ? `\n${this.debug(model)}` : ''}`
    this.checkOwnRemovals('settled')
    const { history, list } = this.current
    const open = model.get(this.props.conversationId)
    // Stored in the millisecond of the conversation's deletion (see `ambiguous`, `unsure`): no client can tell whether
    // such a message came before the deletion (gone with deleteRoam, or not a reason to list it again) or after it.
    const sure = (m: { id: string; time: number }) => !(open?.ambiguous && m.time <= open.deletedAt) && !open?.unsure.has(m.id)
    const expected = visible(open).filter(sure).map((m) => m.id)
    // Nothing in flight: a mounted view or list is loaded or failed, never left pending with no fetch.
    expect(history.status, why('the view is left pending with nothing in flight')).not.toBe('pending')
    expect(list.status, why('the list is left pending with nothing in flight')).not.toBe('pending')
    this.checkView('the view', history, expected, sure, why)
    expect(this.current.windowed.status, why('the searched view is left pending with nothing in flight')).not.toBe('pending')
    const { startTime, endTime } = this.props.window
    const inWindow = visible(open).filter((m) => sure(m) && m.time >= startTime && m.time <= endTime).map((m) => m.id)
    this.checkView('the searched view', this.current.windowed, inWindow, sure, why)
    if (list.status === 'success' && list.error === null) {
      const unsure = new Set([...model].filter(([, c]) => c.ambiguous).map(([id]) => id))
      const want = listOf(model).filter((c) => !unsure.has(c.id))
      const got = list.conversations.filter((c) => !unsure.has(c.conversationId))
      expect(got.map((c) => c.conversationId).sort(), why('conversation list membership')).toEqual(want.map((c) => c.id).sort())
      const byId = new Map(want.map((c) => [c.id, c]))
      for (const c of got) {
        const m = byId.get(c.conversationId)!
        expect(c.isPinned, why(`isPinned of ${c.conversationId}`)).toBe(m.isPinned)
        // The open conversation is being read: no list read or message brings a count back (see startReadAcks).
        if (c.conversationId === this.current.active?.conversationId) expect(c.unreadCount, why(`unread count of the open ${c.conversationId}`)).toBe(0)
        expect(c.lastMessage?.id, why(`last message of ${c.conversationId}`)).toBe(m.lastId)
        const marks = (x: readonly number[]) => [...x].sort((a, b) => a - b)
        expect(marks(c.marks), why(`marks of ${c.conversationId}`)).toEqual(marks(model.get(c.conversationId)!.marks))
      }
      this.checkOrder('list', got, model, why)
    }
    const { starred } = this.current
    expect(starred.status, why('the star list is left pending with nothing in flight')).not.toBe('pending')
    if (starred.status === 'success' && starred.error === null) {
      const unsure = new Set([...model].filter(([, c]) => c.ambiguous).map(([id]) => id))
      const want = listOf(model).filter((c) => !unsure.has(c.id) && model.get(c.id)!.marks.includes(0))
      const got = starred.conversations.filter((c) => !unsure.has(c.conversationId))
      const shown = new Set(got.map((c) => c.conversationId))
      const byId = new Map(want.map((c) => [c.id, c]))
      for (const c of got) {
        expect(byId.has(c.conversationId), why(`star list shows ${c.conversationId}, not starred or not listed`)).toBe(true)
        expect(c.isPinned, why(`star list: isPinned of ${c.conversationId}`)).toBe(byId.get(c.conversationId)!.isPinned)
        expect(c.lastMessage?.id, why(`star list: last message of ${c.conversationId}`)).toBe(byId.get(c.conversationId)!.lastId)
      }
      // Pages not loaded hold the older ones: every starred conversation above the last one shown is shown, and all
      // of them once the list is complete. Pinned ones are shown first, always.
      const last = [...got].reverse().find((c) => !c.isPinned)
      const floor = last ? rankOf(model.get(last.conversationId)!)[1] : Number.POSITIVE_INFINITY
      const above = want.filter((c) => c.isPinned || !starred.hasNextPage || c.rank[1] > floor).map((c) => c.id)
      expect(above.filter((id) => !shown.has(id)), why(`star list misses starred conversations (shown ${[...shown].join(',')})`)).toEqual([])
      this.checkOrder('star list', got, model, why)
    }
  }

  /** A list's order: pinned first by pin time, then by last message, as the server's. */
  checkOrder(name: string, got: readonly Conversation[], model: Model, why: (what: string) => string): void {
    const ranks = got.map((c) => rankOf(model.get(c.conversationId)!))
    for (let i = 1; i < ranks.length; i++) {
      const [a, b] = [ranks[i - 1]!, ranks[i]!]
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), why(`${name} order at ${i}: ${got.map((c) => c.conversationId).join(',')}`)).toBe(true)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

type Cmd = fc.AsyncCommand<object, Real, false>
/** Calls into the hooks synchronously inside act (state setters run at once). */
const inAct = (fn: () => void) => act(() => { fn() })
const pick = <T,>(list: readonly T[], r: number): T | undefined => (list.length === 0 ? undefined : list[r % list.length])

abstract class Base implements Cmd {
  /** Whether `act` waits (in act of its own: settle, flush); the others are over when it returns. */
  readonly waits: boolean = false
  check(): boolean { return true }
  async run(_: object, real: Real): Promise<void> {
    real.trace.push(`${Date.now() % 100_000} ${this.toString()}`)
    const done = this.act(real)
    // A command that does not wait is over here, but the pushes it caused with no latency are queued microtasks:
    // they run inside this act (outside any, React warned "not wrapped in act", 16 times in 2,000 runs). Not for
    // the others: an act of theirs inside this one would not flush on React 18 until this one ends.
    await (this.waits ? done : act(async () => { await done }))
    await flush(0)
    real.checkOwnRemovals(this.toString())
  }
  abstract act(real: Real): Promise<void>
  abstract toString(): string
}

class FetchOlder extends Base {
  async act(real: Real) { inAct(() => real.current.history.fetchOlder()) }
  toString() { return 'fetchOlder' }
}
/** Pages the searched view back (its window's start stops it). */
class FetchOlderSearched extends Base {
  async act(real: Real) { inAct(() => real.current.windowed.fetchOlder()) }
  toString() { return 'fetchOlderSearched' }
}
class FetchNewer extends Base {
  async act(real: Real) { inAct(() => real.current.history.fetchNewer()) }
  toString() { return 'fetchNewer' }
}
class JumpTo extends Base {
  constructor(readonly r: number) { super() }
  async act(real: Real) {
    // Any message the thread ever had, loaded or not, removed or not.
    const all = real.model().get(real.props.conversationId)?.all ?? []
    const target = pick(all, this.r)
    if (target) inAct(() => { real.current.history.jumpTo(target.id) })
  }
  toString() { return `jumpTo(${this.r})` }
}
class JumpToLatest extends Base {
  async act(real: Real) { inAct(() => real.current.history.jumpToLatest()) }
  toString() { return 'jumpToLatest' }
}
/** The reader scrolls back `n` pages, each loaded before the next (a single `fetchOlder` rarely loads more than two). */
class ScrollBack extends Base {
  override readonly waits = true
  constructor(readonly n: number) { super() }
  async act(real: Real) {
    for (let i = 0; i < this.n; i++) {
      await inAct(() => real.current.history.fetchOlder())
      await real.settle()
    }
  }
  toString() { return `scrollBack(${this.n})` }
}
/** The reader scrolls: the thread renders `n` rows from a loaded message on (react-virtuoso's `rangeChanged`). */
class ViewRange extends Base {
  constructor(readonly r: number, readonly n: number) { super() }
  async act(real: Real) {
    const { messages, firstItemIndex, setViewRange } = real.current.history
    if (messages.length === 0) return
    const at = this.r % messages.length
    inAct(() => setViewRange({ startIndex: firstItemIndex + at, endIndex: firstItemIndex + Math.min(at + this.n, messages.length) - 1 }))
  }
  toString() { return `viewRange(${this.r}, ${this.n})` }
}
class Open extends Base {
  constructor(readonly i: number) { super() }
  async act(real: Real) {
    real.props = { ...real.props, conversationId: pick(real.peers, this.i)! }
    real.hook.rerender(real.props)
    inAct(() => real.current.setActive({ conversationId: real.props.conversationId, chatType }))
  }
  toString() { return `open(${this.i})` }
}
class Incoming extends Base {
  constructor(readonly i: number, readonly n: number) { super() }
  async act(real: Real) {
    const peer = pick(real.peers, this.i)!
    if (real.deleting.has(peer)) return
    for (let k = 0; k < this.n; k++) {
      const at = real.server.requests.length
      const body = real.server.sendMessage({ from: peer, to: USER, text: `in ${k}` })
      real.incoming.push({ at, conversationId: peer, message: { id: body.id, time: Number(body.time) } })
    }
  }
  toString() { return `incoming(${this.i}, ${this.n})` }
}
class OtherDeviceSends extends Base {
  constructor(readonly i: number) { super() }
  async act(real: Real) {
    const peer = pick(real.peers, this.i)!
    if (real.deleting.has(peer)) return
    const params = { type: 'txt', to: peer, msg: 'from my phone' }
    void real.track(real.device2.send(params), (o) => {
      if (o.ok) {
        const body = (o.value as { message: { id: string; time: number } }).message
        real.sent.set(params, { id: body.id, time: Number(body.time) })
      }
    })
  }
  toString() { return `otherDeviceSends(${this.i})` }
}

/** Ids to remove: loaded rows and others of the open conversation, deduplicated. */
function idsFor(real: Real, picks: readonly number[]): string[] {
  const pool = [...new Set([...real.shown(), ...visible(real.model().get(real.props.conversationId)).map((m) => m.id)])]
  return [...new Set(picks.map((p) => pick(pool, p)).filter((x): x is string => x !== undefined))]
}

/** Issues a removal on this device; checks its rows leave at once, and (awaited) the exact outcome. */
async function ownRemoval(real: Real, variables: Parameters<Subject['remove']['removeAsync']>[0], removal: OwnRemoval, awaitIt: boolean) {
  if (awaitIt) await real.settle()
  const before = real.current.history.messages
  // The exact outcome is checked from a loaded view; one in error (a failed refetch) is rightly refetched meanwhile.
  const exact = awaitIt && real.current.history.status === 'success'
  real.ownPending.add(removal)
  let outcome: { ok: true; value: RemoveResult } | { ok: false; error: unknown } | undefined
  inAct(() => { void real.track(real.current.remove.removeAsync(variables), (o) => {
    outcome = o
    real.ownPending.delete(removal)
    const confirmed = o.ok ? removal : o.error instanceof RemovePartialError ? { ...removal, ids: new Set(o.error.removedIds), before: 0 } : null
    if (confirmed) real.ownConfirmed.push(confirmed)
  }) })
  await flush(0)
  // Optimistic: gone before the server answered.
  real.checkOwnRemovals('right after issuing a removal')
  if (!awaitIt) return
  await real.settle()
  if (!outcome) throw new Error('the removal did not settle')
  if (!exact) return
  const now = real.current.history.messages
  const ids = (list: readonly { id: string }[]) => list.map((m) => m.id.replace(/^110*/, '')).join(',')
  const why = `outcome ${outcome.ok ? 'ok' : (outcome.error as Error).name} before [${ids(before)}] now [${ids(now)}]${process.env.MODEL_DEBUG ? `\n${real.debug(real.model(true))}` : ''}`
  if (outcome.ok) {
    expect(now.map((m) => m.id), why).toEqual(before.filter((m) => !removal.ids.has(m.id) && m.time > removal.before).map((m) => m.id))
  } else if (!(outcome.error instanceof RemovePartialError)) {
    // A failed delete restores exactly: same rows, same order, same objects.
    expect(now, why).toEqual(before)
  } else {
    const gone = new Set(outcome.error.removedIds)
    expect(now, why).toEqual(before.filter((m) => !gone.has(m.id)))
  }
}

class DeleteIds extends Base {
  override readonly waits = true
  constructor(readonly picks: readonly number[], readonly awaitIt: boolean) { super() }
  async act(real: Real) {
    if (this.awaitIt) await real.settle()
    const ids = idsFor(real, this.picks)
    if (ids.length === 0) return
    const conversationId = real.props.conversationId
    await ownRemoval(real, { conversationId, chatType, messageIds: ids }, { conversationId, ids: new Set(ids), before: 0 }, this.awaitIt)
  }
  toString() { return `deleteIds([${this.picks.join(", ")}], ${this.awaitIt})` }
}
class DeleteBefore extends Base {
  override readonly waits = true
  constructor(readonly r: number, readonly awaitIt: boolean) { super() }
  async act(real: Real) {
    if (this.awaitIt) await real.settle()
    const pivot = pick(real.current.history.messages, this.r)
    if (!pivot) return
    const conversationId = real.props.conversationId
    await ownRemoval(real, { conversationId, chatType, before: { messageId: pivot.id } }, { conversationId, ids: new Set(), before: pivot.time - 1 }, this.awaitIt)
  }
  toString() { return `deleteBefore(${this.r}, ${this.awaitIt})` }
}
class DeleteConversation extends Base {
  override readonly waits = true
  constructor(readonly i: number, readonly deleteRoam: boolean, readonly awaitIt: boolean) { super() }
  async act(real: Real) {
    // Always from a quiet state, with no message to it while pending (see `deleting`).
    await real.settle()
    const conversationId = pick(real.peers, this.i)!
    real.deleting.add(conversationId)
    let failed = false
    inAct(() => {
      void real.track(real.current.del.deleteConversationAsync({ conversationId, chatType, deleteRoam: this.deleteRoam }), (o) => {
        real.deleting.delete(conversationId)
        failed = !o.ok
      })
    })
    await flush(0)
    // Optimistic: it leaves the list at once, unless the server already refused it (an answer with no latency
    // lands within the flush, and the rollback puts it back; found by the soak at run 469, seed 2098751797).
    if (!failed) expect(real.current.list.conversations.some((c) => c.conversationId === conversationId)).toBe(false)
    if (this.awaitIt) await real.settle()
  }
  toString() { return `deleteConversation(${this.i}, roam=${this.deleteRoam}, ${this.awaitIt})` }
}
/** Deletes every conversation with its history ("clear all chats"), from a quiet state like `DeleteConversation`. */
class DeleteAll extends Base {
  override readonly waits = true
  constructor(readonly awaitIt: boolean) { super() }
  async act(real: Real) {
    await real.settle()
    for (const peer of real.peers) real.deleting.add(peer)
    let failed = false
    inAct(() => {
      void real.track(real.current.all.deleteAllAsync(), (o) => {
        for (const peer of real.peers) real.deleting.delete(peer)
        failed = !o.ok
      })
    })
    await flush(0)
    if (!failed) expect(real.current.list.conversations).toEqual([])
    if (this.awaitIt) await real.settle()
  }
  toString() { return `deleteAll(${this.awaitIt})` }
}
class OtherDeviceDeletesIds extends Base {
  constructor(readonly i: number, readonly picks: readonly number[]) { super() }
  async act(real: Real) {
    const conversationId = pick(real.peers, this.i)!
    const pool = visible(real.model().get(conversationId)).map((m) => m.id)
    const ids = [...new Set(this.picks.map((p) => pick(pool, p)!).filter(Boolean))]
    if (ids.length > 0) void real.track(real.client2.removeMessages({ conversationId, chatType, messageIds: ids }))
  }
  toString() { return `otherDeviceDeletesIds(${this.i}, [${this.picks.join(", ")}])` }
}
class OtherDeviceDeletesBefore extends Base {
  constructor(readonly i: number, readonly r: number) { super() }
  async act(real: Real) {
    const conversationId = pick(real.peers, this.i)!
    const m = pick(visible(real.model().get(conversationId)), this.r)
    if (m && m.time <= Date.now()) void real.track(real.client2.removeMessages({ conversationId, chatType, before: m.time }))
  }
  toString() { return `otherDeviceDeletesBefore(${this.i}, ${this.r})` }
}
class OtherDeviceDeletesConversation extends Base {
  constructor(readonly i: number, readonly deleteRoam: boolean) { super() }
  async act(real: Real) {
    void real.track(real.client2.deleteConversation({ conversationId: pick(real.peers, this.i)!, chatType, deleteRoam: this.deleteRoam }))
  }
  toString() { return `otherDeviceDeletesConversation(${this.i}, roam=${this.deleteRoam})` }
}
class OtherDevicePins extends Base {
  constructor(readonly i: number, readonly isPinned: boolean) { super() }
  async act(real: Real) {
    const conversationId = pick(real.peers, this.i)!
    if (real.deleting.has(conversationId)) return
    void real.track(real.client2.pinConversation({ conversationId, chatType, isPinned: this.isPinned }))
  }
  toString() { return `otherDevicePins(${this.i}, ${this.isPinned})` }
}
class Pin extends Base {
  constructor(readonly i: number, readonly isPinned: boolean) { super() }
  async act(real: Real) {
    const conversationId = pick(real.peers, this.i)!
    if (real.deleting.has(conversationId)) return
    inAct(() => { void real.track(real.current.pin.pinAsync({ conversationId, chatType, isPinned: this.isPinned }), () => undefined) })
  }
  toString() { return `pin(${this.i}, ${this.isPinned})` }
}
/** This device adds a mark (0–2) to a conversation or removes it. */
class Mark extends Base {
  constructor(readonly i: number, readonly mark: number, readonly marked: boolean) { super() }
  async act(real: Real) {
    const conversationId = pick(real.peers, this.i)!
    if (real.deleting.has(conversationId)) return
    inAct(() => { void real.track(real.current.marking.markAsync({ conversationId, chatType, mark: this.mark, marked: this.marked }), () => undefined) })
  }
  toString() { return `mark(${this.i}, ${this.mark}, ${this.marked})` }
}
class OtherDeviceMarks extends Base {
  constructor(readonly i: number, readonly mark: number, readonly marked: boolean) { super() }
  async act(real: Real) {
    const conversationId = pick(real.peers, this.i)!
    if (real.deleting.has(conversationId)) return
    void real.track(real.client2.setConversationMark({ conversationId, chatType, mark: this.mark, marked: this.marked }))
  }
  toString() { return `otherDeviceMarks(${this.i}, ${this.mark}, ${this.marked})` }
}
class Failures extends Base {
  constructor(readonly on: boolean, readonly kind: 'ajax' | 'busy') { super() }
  async act(real: Real) { real.server.configure({ failureRate: this.on ? 0.2 : 0, failure: this.kind }) }
  toString() { return `failures(${this.on}, ${this.kind})` }
}
class Latency extends Base {
  constructor(readonly jitter: boolean, readonly uplink: boolean) { super() }
  async act(real: Real) {
    real.server.configure({ latency: this.jitter ? [0, 50] : 5, uplinkLatency: this.uplink ? [0, 50] : 0 })
  }
  toString() { return `latency(${this.jitter}, uplink=${this.uplink})` }
}
class AdvanceTime extends Base {
  override readonly waits = true
  constructor(readonly ms: number) { super() }
  async act() { await flush(this.ms) }
  toString() { return `advance(${this.ms})` }
}
/** Loads the star list's next page. */
class FetchMoreStarred extends Base {
  async act(real: Real) { inAct(() => real.current.starred.fetchNextPage()) }
  toString() { return 'fetchMoreStarred' }
}
class RefetchList extends Base {
  async act(real: Real) { if (real.current.list.status === 'error') inAct(() => real.current.list.refetch()) }
  toString() { return 'refetchList' }
}
class Settle extends Base {
  override readonly waits = true
  async act(real: Real) {
    await real.settle()
    expect(real.current.connected, `connected while ${real.dropped ? 'dropped' : 'up'}\n${real.trace.join('\n')}`).toBe(!real.dropped)
    expect(real.current.reconnecting, `reconnecting\n${real.trace.join('\n')}`).toBe(real.dropped && !real.loggedOut)
    expect(real.current.stopReason, `stopReason\n${real.trace.join('\n')}`).toBe(real.loggedOut || null)
    if (!real.dropped) real.checkSettled()
  }
  toString() { return 'settle' }
}
class DropConnection extends Base {
  async act(real: Real) { if (!real.dropped) inAct(() => real.server.dropConnection(real.device)) }
  toString() { return 'dropConnection' }
}
class RestoreConnection extends Base {
  async act(real: Real) { if (real.dropped && !real.loggedOut) inAct(() => real.server.restoreConnection(real.device)) }
  toString() { return 'restoreConnection' }
}
/** A logout, dropped or not: requests fail for good (not retried), nothing reconnects until `LogIn`. */
class LogOut extends Base {
  async act(real: Real) { if (!real.loggedOut) { real.loggedOut = 'loggedOut'; inAct(() => real.device.close()) } }
  toString() { return 'logOut' }
}
/**
 * The server signs the device out (a forced logout, only while connected), or its token expires (dropped or not): as
 * a logout, with its reason.
 */
class SignedOut extends Base {
  constructor(readonly reason: ForcedLogout | 'tokenExpired') { super() }
  async act(real: Real) {
    const reason = this.reason
    if (real.loggedOut || (real.dropped && reason !== 'tokenExpired')) return
    real.loggedOut = reason
    inAct(() => (reason === 'tokenExpired' ? real.server.expireToken(real.device) : real.server.signOut(real.device, reason)))
  }
  toString() { return `signedOut(${this.reason})` }
}
class LogIn extends Base {
  async act(real: Real) {
    if (!real.loggedOut) return
    real.loggedOut = false
    inAct(() => { void real.device.open({ user: USER, accessToken: 't' }) })
  }
  toString() { return 'logIn' }
}

const nat = fc.nat({ max: 10_000 })
const conv = fc.nat({ max: 2 })
const picks = fc.oneof(fc.array(nat, { minLength: 1, maxLength: 5 }), fc.array(nat, { minLength: 21, maxLength: 45 }))
const commands = [
  fc.constant(new FetchOlder()),
  fc.constant(new FetchOlderSearched()),
  fc.constant(new FetchNewer()),
  nat.map((r) => new JumpTo(r)),
  fc.constant(new JumpToLatest()),
  fc.integer({ min: 2, max: 5 }).map((n) => new ScrollBack(n)),
  fc.tuple(nat, fc.integer({ min: 1, max: 15 })).map(([r, n]) => new ViewRange(r, n)),
  conv.map((i) => new Open(i)),
  fc.tuple(conv, fc.integer({ min: 1, max: 3 })).map(([i, n]) => new Incoming(i, n)),
  conv.map((i) => new OtherDeviceSends(i)),
  fc.tuple(picks, fc.boolean()).map(([p, a]) => new DeleteIds(p, a)),
  fc.tuple(nat, fc.boolean()).map(([r, a]) => new DeleteBefore(r, a)),
  fc.tuple(conv, fc.boolean(), fc.boolean()).map(([i, roam, a]) => new DeleteConversation(i, roam, a)),
  fc.tuple(conv, picks).map(([i, p]) => new OtherDeviceDeletesIds(i, p)),
  fc.tuple(conv, nat).map(([i, r]) => new OtherDeviceDeletesBefore(i, r)),
  fc.tuple(conv, fc.boolean()).map(([i, roam]) => new OtherDeviceDeletesConversation(i, roam)),
  fc.tuple(conv, fc.boolean()).map(([i, p]) => new OtherDevicePins(i, p)),
  fc.tuple(conv, fc.boolean()).map(([i, p]) => new Pin(i, p)),
  fc.tuple(conv, fc.nat({ max: 2 }), fc.boolean()).map(([i, m, on]) => new Mark(i, m, on)),
  fc.tuple(conv, fc.nat({ max: 2 }), fc.boolean()).map(([i, m, on]) => new OtherDeviceMarks(i, m, on)),
  fc.tuple(fc.boolean(), fc.constantFrom('ajax' as const, 'busy' as const)).map(([on, kind]) => new Failures(on, kind)),
  fc.tuple(fc.boolean(), fc.boolean()).map(([j, u]) => new Latency(j, u)),
  fc.integer({ min: 1, max: 300 }).map((ms) => new AdvanceTime(ms)),
  fc.constant(new RefetchList()),
  fc.constant(new FetchMoreStarred()),
  fc.boolean().map((a) => new DeleteAll(a)),
  fc.constant(new DropConnection()),
  fc.constant(new RestoreConnection()),
  fc.constant(new LogOut()),
  fc.constant(new LogIn()),
  fc.constantFrom('loggedInElsewhere' as const, 'userRemoved' as const, 'passwordChanged' as const, 'kickedByOtherDevice' as const, 'tokenExpired' as const).map((r) => new SignedOut(r)),
  fc.constant(new Settle()),
  fc.constant(new Settle()),
]

// ---------------------------------------------------------------------------------------------------------------
// One run

async function start(seed: number, pageSize: number, sizes: readonly number[]): Promise<Real> {
  const server = createRoamingServer({ seed })
  const peers = ['wei', 'emma', 'liang']
  // Seeded histories of 30–120 messages per peer, in the past, interleaved in time.
  const initial = new Map<string, ModelMessage[]>()
  for (const [k, peer] of peers.entries()) {
    for (let n = 0; n < (sizes[k] as number); n++) server.sendMessage(n % 3 === 0 ? { from: USER, to: peer, text: `old ${n}` } : { from: peer, to: USER, text: `old ${n}` })
  }
  await vi.advanceTimersByTimeAsync(1_000)
  const device2 = server.connect(USER)
  const client2 = createRoamingClient(device2)
  for (const peer of peers) {
    const messages: ModelMessage[] = []
    for (let cursor: string | null = null; ;) {
      const page = await client2.getHistory({ conversationId: peer, chatType, pageSize: 50, direction: 'down', cursor })
      messages.push(...page.messages.map((m) => ({ id: m.id, time: m.time })))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    initial.set(peer, messages)
  }
  server.clearRequests()
  server.configure({ latency: [0, 50], uplinkLatency: [0, 50] })
  const device = server.connect(USER)
  const real = new Real(server, device, client2, device2, peers, initial, pageSize)
  await real.settle()
  return real
}

describe('model-based fault testing of the hooks', () => {
  withFakeTime()

  it(`${RUNS} runs of up to ${MAX_COMMANDS} commands keep the hooks equal to the model`, { timeout: SOAK ? 30 * 60_000 : 120_000 }, async () => {
    const started = realNow()
    let runs = 0
    let commandsRun = 0
    const property = fc.asyncProperty(
      fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(5, 10, 20), fc.array(fc.integer({ min: 30, max: 120 }), { minLength: 3, maxLength: 3 }),
      fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max', ...(REPLAY ? { replayPath: REPLAY } : {}) }),
      async (seed, pageSize, sizes, cmds) => {
        runs++
        vi.spyOn(Math, 'random').mockImplementation(seededRandom(seed))
        const real = await start(seed, pageSize, sizes)
        try {
          await fc.asyncModelRun(() => ({ model: {}, real }), cmds)
          await recover(real)
          commandsRun += [...cmds].length
        } finally {
          // Not only unmount: Testing Library keeps every rendered root (and through it the run's whole cache)
          // until cleanup, which the soak's 10,000 runs in one test never reached: +0.25 MB of heap a run, and a
          // soak died out of memory after 17 minutes. With cleanup the heap stays at 55 MB (measured over 300 runs).
          cleanup()
          vi.clearAllTimers()
          vi.restoreAllMocks()
        }
      },
    )
    // `npm test` replays one fixed seed (deterministic CI); the soak draws a fresh one (printed on failure).
    const seed = SEED ?? (SOAK ? undefined : 20_250_601)
    // MODEL_SHRINK=0 reports the first failing run as it is: shrinking a 60-command run can take longer than the soak.
    const endOnFailure = process.env.MODEL_SHRINK === '0'
    await fc.assert(property, { numRuns: RUNS, endOnFailure, ...(seed !== undefined ? { seed } : {}), ...(PATH ? { path: PATH } : {}) })
    const seconds = (realNow() - started) / 1000
    console.log(`model: ${runs} runs, ${commandsRun} commands (passing runs), ${seconds.toFixed(1)} s`)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Regressions: shrunk counterexamples the model found (each failed before its fix in src/query or src/hooks).

/** After a run: failures off, the connection back (or the login), and what shows an error retried the way a user would. */
async function recover(real: Real): Promise<void> {
  real.server.configure({ failureRate: 0 })
  await new LogIn().act(real)
  if (real.dropped) inAct(() => real.server.restoreConnection(real.device))
  await real.settle()
  if (real.current.list.status === 'error') inAct(() => real.current.list.refetch())
  if (real.current.history.status === 'error') inAct(() => real.current.history.fetchOlder())
  if (real.current.windowed.status === 'error') inAct(() => real.current.windowed.fetchOlder())
  await real.settle()
  real.checkSettled()
}

async function scenario(seed: number, cmds: Cmd[], sizes: readonly number[] = [30, 30, 30], pageSize = 5): Promise<void> {
  vi.spyOn(Math, 'random').mockImplementation(seededRandom(seed))
  const real = await start(seed, pageSize, sizes)
  try {
    await fc.asyncModelRun(() => ({ model: {}, real }), cmds)
    await recover(real)
  } finally {
    real.hook.unmount()
    vi.clearAllTimers()
  }
}

/** This device with `emma` open (1 message) and `wei` (10 messages, no loaded view), and a client of the user's other device. */
async function emmaAndWei() {
  const server = createRoamingServer({ seed: 1, latency: 0 })
  for (let n = 0; n < 10; n++) server.sendMessage({ from: 'wei', to: USER, text: `old ${n}` })
  server.sendMessage({ from: 'emma', to: USER, text: 'hello' })
  await vi.advanceTimersByTimeAsync(1_000)
  const client2 = createRoamingClient(server.connect(USER))
  const real = new Real(server, server.connect(USER), client2, server.connect(USER), ['emma', 'wei'], new Map(), 5)
  await real.settle()
  return { server, client2, real }
}

describe('model regressions', () => {
  withFakeTime()

  it.each<[string, Cmd[]]>([
    ['removing every loaded row of a long thread keeps it listed (refreshPreview)', [new DeleteIds([0, 1, 2, 3, 4], true), new Settle()]],
    ['a jump in flight while another device removes messages is refetched (historyRemoved cancels first loads)',
      [new Incoming(0, 1), new JumpTo(0), new OtherDeviceDeletesBefore(0, 1), new Settle()]],
    ['a logged live message removed by deleteRoam on another device does not come back (live log purged)',
      [new JumpTo(0), new OtherDeviceSends(0), new OtherDeviceDeletesBefore(0, 0), new OtherDeviceDeletesConversation(0, true), new Settle()]],
    ['the preview follows a removal on another device (refreshed after the refetch, from fresh pages)',
      [new OtherDeviceDeletesIds(0, [29]), new Settle()]],
    ['a conversation emptied here and marked on the other device meanwhile is listed again by a message with its mark (learnListed)',
      [new DeleteBefore(47, false), new OtherDeviceMarks(0, 0, true), new DeleteIds([1832, 0, 1597], true), new Incoming(0, 1)]],
    ['a conversation deleted on another device comes back unpinned (pins reset)',
      [new OtherDevicePins(0, true), new Settle(), new OtherDeviceSends(0), new OtherDeviceDeletesConversation(0, false), new Settle()]],
    ['a removal while a jump loads does not leave the view pending (first loads not cancelled)',
      [new JumpTo(0), new DeleteIds([0], false), new Settle()]],
    ['a refetch after remove-before from an empty older page keeps the boundary message (FROM_START)',
      [new DeleteBefore(0, false), new OtherDeviceDeletesIds(0, [0]), new Incoming(0, 2), new FetchOlder(), new JumpTo(4377), new Settle()]],
    ['a message sent and removed on the other device while this one was away does not come back as an offline message (resync after the offline sync)',
      [new Latency(false, false), new DropConnection(), new OtherDeviceSends(2), new AdvanceTime(5), new OtherDeviceDeletesIds(2, [30]), new Settle(), new RestoreConnection(), new Settle()]],
    ['reconnected, dropped and reconnected at once: the offline message removed meanwhile does not come back either (overlapping resyncs)',
      [new Latency(false, false), new DropConnection(), new OtherDeviceSends(2), new AdvanceTime(5), new OtherDeviceDeletesIds(2, [30]), new RestoreConnection(), new DropConnection(), new Settle(), new RestoreConnection(), new Settle()]],
    ['a pin heard after reconnecting, for a conversation emptied meanwhile, stays when a message lists it again (pins expire only where listed)',
      [new DropConnection(), new OtherDeviceDeletesBefore(1, 29), new OtherDevicePins(1, true), new RestoreConnection(), new Settle(), new Incoming(1, 1), new Settle()]],
    ['a conversation deleted and then pinned on the other device while this one was away comes back pinned with its next message (pinned list read)',
      [new DropConnection(), new OtherDeviceDeletesConversation(0, false), new OtherDevicePins(0, true), new Settle(), new RestoreConnection(), new Settle(), new Incoming(0, 1), new Settle()]],
  ])('%s', async (_name, cmds) => {
    await scenario(1, cmds)
  })

  it('this device\'s mark and the other device\'s unmark crossing on the way end as the server has them (every mark event reads the lists)', async () => {
    await scenario(749076509, [
      new OtherDevicePins(1, true), new FetchOlderSearched(), new AdvanceTime(114), new ViewRange(3972, 11), new Latency(false, true),
      new ViewRange(3004, 1), new AdvanceTime(58), new Incoming(1, 2), new ViewRange(9532, 10), new Mark(2, 2, true), new OtherDeviceMarks(2, 2, false),
      new Settle(),
    ], [91, 100, 56], 10)
  })

  it('a star given to a conversation the phone deleted (the server ignores it) does not stay on the one a message recreates', async () => {
    await scenario(198578111, [
      new ViewRange(3930, 10), new Latency(true, false), new DeleteBefore(3385, false), new FetchNewer(), new Open(2),
      new OtherDeviceDeletesConversation(1, true), new ScrollBack(4), new Open(0), new Settle(), new LogIn(), new Mark(1, 2, true),
      new OtherDeviceSends(1), new ScrollBack(3), new DeleteConversation(0, true, true),
      new DeleteIds([7731, 4534, 8381, 2589, 3661, 1323, 5432, 516, 2973, 2673, 1647, 6612, 6427, 8599, 7759, 2952, 337, 7359, 9736, 9121, 4154, 6856, 5281, 3510, 5951, 3740, 4873, 1756, 9621, 3575], true),
      new ScrollBack(4), new Mark(0, 0, true), new ViewRange(5034, 6), new Pin(2, false), new Settle(),
    ], [118, 46, 72], 5)
  })

  it('a view mounted on a conversation when every conversation was deleted shows none of its old messages (tombstones, as one deletion)', async () => {
    await scenario(25, [
      new OtherDeviceDeletesConversation(2, false), new FetchNewer(),
      new OtherDeviceDeletesIds(1, [4610, 5806, 3156, 407, 9890, 2753, 2176, 6396, 9747, 3572, 7458, 7395, 5950, 9659, 6306, 3851, 5514, 4971, 5866, 4297, 4294, 4071, 4153, 5604, 1303, 6243, 1698, 5480, 5294, 9683, 4984, 5024, 4734, 7324, 9741, 617, 4859, 289, 8379, 8805, 4225, 2029]),
      new Mark(0, 1, false), new OtherDeviceDeletesConversation(0, true), new FetchMoreStarred(), new Mark(1, 0, true), new Open(2),
      new Latency(true, true), new Mark(1, 2, false), new Failures(true, 'ajax'), new Settle(), new OtherDeviceSends(0), new Open(0),
      new OtherDeviceDeletesConversation(0, true), new Failures(false, 'busy'), new ViewRange(9982, 12), new DeleteConversation(1, false, false),
      new DeleteAll(false), new Open(1), new LogIn(), new OtherDeviceSends(2), new Latency(true, true), new ViewRange(2575, 14), new JumpTo(1637),
      new OtherDeviceSends(0), new Incoming(2, 1),
    ], [95, 100, 94], 10)
  })

  it('a star list whose read failed does not keep a refused pin\'s rollback over the whole lists read afterwards (pins expire by them)', async () => {
    await scenario(925797764, [
      new SignedOut('loggedInElsewhere'), new FetchMoreStarred(), new FetchOlder(), new DeleteIds([7103, 9336, 3754], false), new ViewRange(1314, 14),
      new Settle(), new Failures(true, 'ajax'), new OtherDeviceMarks(2, 2, false), new JumpTo(4805), new OtherDeviceDeletesIds(0, [7861]),
      new SignedOut('userRemoved'), new OtherDeviceSends(0), new OtherDeviceSends(0), new RestoreConnection(), new AdvanceTime(172),
      new Failures(true, 'ajax'),
      new OtherDeviceDeletesIds(0, [1489, 5630, 775, 2643, 6955, 2006, 332, 8736, 1447, 7848, 3885, 9881, 8758, 4954, 5332, 4271, 8994, 1069, 2444, 5810, 773]),
      new Settle(), new Pin(1, true), new DeleteAll(true), new Latency(false, false), new FetchMoreStarred(), new DropConnection(),
      new ViewRange(7521, 7), new OtherDeviceDeletesIds(2, [7384, 7172]), new AdvanceTime(265), new OtherDevicePins(1, true), new LogIn(), new Settle(),
    ], [76, 106, 60], 5)
  })

  it('a star given to a deleted conversation a message recreates meanwhile shows once the server has it (no stale first-page read overwrites it)', async () => {
    await scenario(144951286, [
      new SignedOut('passwordChanged'), new Mark(2, 2, false), new Settle(), new OtherDeviceDeletesBefore(1, 510), new Open(1),
      new OtherDeviceDeletesConversation(1, false), new DeleteIds([8360, 1276, 3307], true), new AdvanceTime(286), new LogIn(),
      new DeleteBefore(1695, true), new JumpToLatest(), new ScrollBack(4), new Mark(2, 0, false), new DeleteConversation(1, false, true),
      new ViewRange(5855, 5), new Settle(), new OtherDeviceDeletesConversation(2, true), new Settle(), new FetchNewer(), new AdvanceTime(129),
      new Open(2), new Mark(1, 2, true), new LogIn(), new OtherDeviceSends(2), new Incoming(1, 1), new JumpToLatest(), new FetchOlderSearched(),
      new Settle(),
    ], [70, 107, 38], 5)
  })

  it('a refused deletion does not put back a conversation the lists, read at the login, showed the server had deleted while this device was away', async () => {
    await scenario(141602611, [
      new JumpToLatest(), new FetchOlderSearched(), new OtherDeviceDeletesIds(0, [9977]), new DropConnection(), new SignedOut('passwordChanged'),
      new OtherDeviceDeletesIds(2, [3111, 5854, 9315, 9534]), new ScrollBack(4), new OtherDeviceSends(0), new Failures(true, 'ajax'), new ViewRange(3059, 14),
      new SignedOut('loggedInElsewhere'), new AdvanceTime(221), new JumpToLatest(), new FetchOlder(), new Latency(true, true),
      new OtherDeviceDeletesConversation(1, true), new AdvanceTime(39), new FetchOlderSearched(), new RefetchList(), new FetchOlderSearched(),
      new OtherDevicePins(0, true), new DeleteConversation(2, true, true), new OtherDeviceDeletesConversation(0, false), new RefetchList(), new Settle(),
      new Open(0), new OtherDeviceDeletesIds(2, [8786]), new ViewRange(6477, 5), new JumpToLatest(), new Latency(true, false), new Incoming(0, 3),
      new DeleteBefore(8899, true), new Settle(), new DropConnection(), new LogIn(), new Pin(0, true), new OtherDeviceDeletesConversation(0, false),
      new ViewRange(5205, 5), new DeleteBefore(4787, true), new ViewRange(2517, 6), new Settle(), new Latency(true, true), new AdvanceTime(92),
      new RestoreConnection(), new LogOut(), new Pin(0, false), new DeleteBefore(5730, true), new Settle(), new JumpToLatest(), new Pin(0, false),
      new OtherDeviceMarks(2, 1, false), new FetchOlder(), new LogIn(), new OtherDevicePins(0, false), new DeleteConversation(0, false, true), new LogIn(), new Settle(),
    ], [57, 65, 120], 10)
  })

  it('two mark changes of this device crossing on the way end as the server has them (read again after the last)', async () => {
    await scenario(571262717, [
      new OtherDevicePins(2, true), new ScrollBack(3), new FetchOlder(), new OtherDeviceSends(2), new ScrollBack(4), new Open(2),
      new OtherDevicePins(2, true), new Settle(), new ViewRange(8447, 5), new AdvanceTime(12), new Mark(1, 1, false), new Mark(1, 1, true),
      new AdvanceTime(16),
    ], [36, 91, 111], 5)
  })

  it('a message stored in the millisecond of a deletion with its history may stay out of the view for good (the model cannot ask more)', async () => {
    await scenario(7586860, [
      new SignedOut('kickedByOtherDevice'), new LogIn(), new Mark(0, 2, true), new Latency(true, false), new RefetchList(), new ViewRange(3977, 11),
      new AdvanceTime(233), new ScrollBack(4), new Settle(), new DeleteConversation(2, true, false), new Incoming(2, 3), new Settle(), new LogOut(),
      new RestoreConnection(), new Open(2), new OtherDeviceSends(0), new Settle(), new Settle(), new RefetchList(), new ViewRange(1484, 3),
      new SignedOut('loggedInElsewhere'), new OtherDevicePins(2, true), new FetchNewer(), new ViewRange(2455, 12), new Open(2), new FetchNewer(),
      new SignedOut('loggedInElsewhere'), new FetchOlderSearched(), new AdvanceTime(167), new DropConnection(), new OtherDeviceMarks(1, 2, false),
      new LogIn(), new Settle(),
    ], [95, 85, 70], 20)
  })

  it('a refused deletion of a conversation a message listed again, pinned on the other device meanwhile, puts it back pinned (the pinned list\'s entry says so)', async () => {
    await scenario(167431429, [
      new DeleteConversation(2, false, true), new OtherDevicePins(2, true), new Failures(true, 'ajax'), new DeleteIds([0], true), new Incoming(2, 2),
      new DeleteBefore(0, true), new OtherDeviceSends(0), new DeleteConversation(2, false, false), new Settle(),
    ], [98, 30, 30])
  })

  it('a message recreating a conversation deleted on the other device, on its way at a logout, comes at the next login and keeps it listed when removed meanwhile', async () => {
    await scenario(1, [
      new OtherDeviceDeletesConversation(1, false), new AdvanceTime(31), new OtherDeviceSends(1), new LogOut(), new DeleteConversation(0, false, false),
      new OtherDeviceDeletesIds(1, [5183, 0]), new OtherDeviceDeletesIds(0, [0]),
    ], [30, 53, 30])
  })

  it('a removal that fails while away does not put back a conversation another device deleted meanwhile (lists read since are read again)', async () => {
    await scenario(1, [new Latency(false, false), new DropConnection(), new OtherDeviceDeletesConversation(0, false), new DeleteBefore(0, false)], [34, 30, 30])
  })

  it('a message on its way when the connection drops comes with the offline sync, so it cannot list again a conversation deleted meanwhile', async () => {
    await scenario(1, [new Incoming(1, 1), new Latency(false, false), new DropConnection(), new OtherDeviceDeletesConversation(1, false), new Open(0)])
  })

  it('a list answer read before a removal on the other device, landing after the preview refresh, keeps the refreshed preview', async () => {
    await scenario(13, [
      new OtherDeviceDeletesIds(0, Array(21).fill(0)), new OtherDeviceDeletesConversation(1, false), new Latency(true, false), new JumpTo(8630),
      new Settle(), new OtherDeviceSends(1), new Open(1), new OtherDevicePins(0, false), new Failures(true, 'ajax'), new OtherDeviceDeletesIds(0, [0]),
      new AdvanceTime(52), new RefetchList(), new OtherDeviceDeletesIds(0, [7551]), new Settle(),
    ], [34, 30, 30])
  })

  it('a resync list read answered before this device\'s removal emptied the conversation does not list it again (tombstoned preview)', async () => {
    await scenario(6085274, [
      new OtherDevicePins(0, true), new DeleteBefore(0, false), new Incoming(0, 2), new FetchOlder(), new DeleteBefore(0, true), new OtherDeviceSends(0),
      new DeleteBefore(0, false), new Settle(), new DeleteIds([0, 0, 7082, 0, 0, 0, 0, 5357, 0, 0, 4777, 0, 0, 0, 0, 0, 0, 4598, 4959, 9572, 4363], false),
      new DropConnection(), new RestoreConnection(), new AdvanceTime(1),
    ])
  })

  it('a deletion that fails while away does not put back a conversation another device deleted meanwhile (putBackListed skips lists read since)', async () => {
    await scenario(161804527, [
      new OtherDeviceDeletesConversation(0, false), new DropConnection(), new Latency(true, false), new DeleteConversation(0, false, false),
      new OtherDeviceDeletesConversation(0, false), new RestoreConnection(), new Settle(),
    ])
  })

  it('a message recreating a conversation this device deleted, then a removal on the other device, keeps it listed when an older list answer lands', async () => {
    await scenario(1, [
      new JumpTo(0), new Latency(false, false), new DeleteConversation(2, false, false), new Failures(true, 'ajax'), new DropConnection(),
      new RestoreConnection(), new OtherDeviceSends(0), new AdvanceTime(15), new JumpToLatest(), new OtherDevicePins(0, false), new RefetchList(),
      new OtherDeviceSends(2), new Failures(false, 'ajax'), new OtherDeviceDeletesIds(2, [0]), new Settle(),
    ], [33, 30, 30])
  })

  it('an unpin from the other device that lands after this device\'s later pin does not unpin (contradicting pin events read the lists)', async () => {
    await scenario(1, [new Latency(true, false), new OtherDevicePins(0, false), new OtherDeviceDeletesBefore(0, 0), new Pin(0, true)])
  })

  it('pin then unpin at once, answered in the other order, ends as the server has it (overlapping pins read the lists)', async () => {
    await scenario(370876266, [new OtherDeviceDeletesIds(0, [0]), new Pin(0, true), new Open(1), new Pin(0, false), new Settle()])
  })

  it('a pin event heard while this device\'s unpin is out, answered after it, ends as the server has it (the lists are read after the answer)', async () => {
    await scenario(1039663044, [
      new Incoming(0, 2), new OtherDeviceDeletesBefore(0, 0), new Settle(), new OtherDevicePins(0, false), new Pin(0, false), new OtherDevicePins(0, true), new Settle(),
    ], [32, 30, 30])
  })

  it('a pin answered after the pinned list was read again keeps that list\'s fresh preview (writePinned changes the pin only)', async () => {
    await scenario(483361377, [new DropConnection(), new OtherDeviceDeletesIds(0, [1031]), new Settle(), new Pin(0, true), new Pin(1, false), new RefetchList()], [43, 30, 30])
  })

  it('a deletion on the other device heard after this device pinned the conversation it recreated keeps the pin (the lists are read again)', async () => {
    await scenario(1, [new OtherDeviceSends(1), new Pin(1, true), new OtherDeviceDeletesConversation(1, false), new Settle()])
  })

  it('a pin changed on the other device while this one was away gives way to the lists read after reconnecting, even while another pin is being sent', async () => {
    await scenario(1, [
      new Pin(1, true), new Settle(), new OtherDevicePins(1, false), new DropConnection(), new DeleteConversation(0, false, true), new Pin(0, false),
      new Latency(false, false),
    ])
  })

  it('a pin answered after the resync\'s pinned list landed does not list a conversation the other device deleted meanwhile (the lists are read after the pin)', async () => {
    await scenario(1073740235, [
      new Latency(false, true), new OtherDevicePins(0, true), new OtherDeviceDeletesIds(0, Array(21).fill(0)), new DeleteConversation(0, false, false),
      new OtherDeviceSends(1), new DropConnection(), new OtherDeviceDeletesConversation(2, false), new OtherDeviceDeletesBefore(0, 0), new Settle(),
      new Open(1), new Pin(2, true), new JumpTo(0),
    ])
  })

  it('a pin event landing after the lists that already had it, and an unpin that overtook its pin, end as the server has it (every pin event reads the lists)', async () => {
    await scenario(472909815, [
      new Pin(2, false), new FetchOlder(), new DropConnection(), new RestoreConnection(), new Pin(2, true), new OtherDeviceDeletesIds(1, Array(21).fill(0)),
      new OtherDeviceSends(0), new Incoming(0, 1), new DeleteIds([0], false), new OtherDevicePins(2, true), new Settle(),
    ])
  })

  it('an unpin answered while the resync\'s reads are out does not beat them (a list read out when a pin change settles is read again)', async () => {
    await scenario(231137487, [
      new Latency(true, false), new FetchOlder(), new Failures(true, 'ajax'), new Pin(2, false), new DropConnection(), new OtherDevicePins(2, true),
      new OtherDeviceDeletesBefore(0, 0),
    ])
  })

  it('deletions refused while offline leave the conversation listed once the lists are read again (putBackListed reads every list read since)', async () => {
    await scenario(19, [
      new Latency(false, false), new DropConnection(), new DeleteConversation(1, false, false), new DeleteConversation(1, false, true), new Latency(true, false),
      new DeleteConversation(1, false, false), new RestoreConnection(), new Settle(),
    ])
  })

  it('a removal refused offline whose tombstone hid a whole older page on refetch leaves those messages reachable (empty older pages are dropped only when the server answered empty)', async () => {
    await scenario(401341995, [
      new Pin(0, false), new FetchOlder(), new Pin(0, false), new DeleteConversation(0, false, true), new Latency(true, false),
      new DeleteIds([0, 0, 215, 0, 3466, 0, 315, 0, 0, 0, 3863, 373, 300, 433, 5, 0, 77, 0, 0, 369, 210], false), new OtherDeviceSends(0),
      new DropConnection(), new OtherDeviceDeletesIds(0, [0]),
      new DeleteIds([0, 0, 0, 0, 0, 0, 6995, 0, 0, 0, 0, 0, 0, 0, 0, 610, 0, 0, 0, 0, 0], false),
    ], [33, 30, 30], 20)
  })

  it('a pin from the other device of a conversation emptied on the server reads the pinned list (the copied entry may be out of date)', async () => {
    await scenario(436172317, [
      new DeleteBefore(0, false), new OtherDeviceDeletesBefore(0, 0), new OtherDeviceDeletesIds(0, [0]), new Settle(), new DropConnection(),
      new DeleteConversation(1, false, false), new Incoming(2, 2), new OtherDeviceDeletesIds(0, [0]), new DeleteBefore(0, false),
      new Latency(false, true), new OtherDeviceDeletesBefore(0, 4424), new OtherDeviceDeletesBefore(0, 0), new DeleteIds(Array(21).fill(0), false),
      new OtherDeviceDeletesConversation(1, false), new DeleteIds([0], false), new Failures(true, 'ajax'), new RestoreConnection(), new Open(1),
      new AdvanceTime(73), new OtherDevicePins(0, true),
    ])
  })

  it('a message pushed after the other device\'s deletion event, but stored before it, is read from the server, not shown (deleteRoam is not in the event)', async () => {
    await scenario(1073741804, [
      new FetchOlder(), new JumpTo(0), new Pin(0, false), new DeleteBefore(0, true), new OtherDeviceDeletesConversation(0, true),
      new OtherDeviceSends(0), new OtherDeviceDeletesBefore(1, 0), new Settle(),
    ], [34, 30, 30], 5)
  })

  // A race fixed by taking the server's time of the deletion (RoamingClient.deleteConversation resolves it): a
  // message stored just before the deletion but pushed after it looked newer and brought the conversation back.
  it('a message stored before an own deleteConversation, pushed after it, does not recreate the conversation', async () => {
    const server = createRoamingServer({ seed: 1, latency: 0 })
    for (let n = 0; n < 10; n++) server.sendMessage({ from: 'wei', to: USER, text: `old ${n}` })
    await vi.advanceTimersByTimeAsync(1_000)
    const real = new Real(server, server.connect(USER), createRoamingClient(server.connect(USER)), server.connect(USER), ['wei'], new Map(), 5)
    await real.settle()
    // The message is stored now; its push to this device takes 50 ms. The deletion is processed after it.
    server.configure({ latency: 50 })
    server.sendMessage({ from: 'wei', to: USER, text: 'late push' })
    server.configure({ latency: 5 })
    inAct(() => { void real.track(real.current.del.deleteConversationAsync({ conversationId: 'wei', chatType, deleteRoam: false })) })
    await real.settle()
    try {
      // The server deleted it (the message came before the deletion): the list must not show it.
      expect(real.current.list.conversations.map((c) => c.conversationId)).not.toContain('wei')
    } finally {
      real.hook.unmount()
    }
  })

  // The soak's counterexample at run 6,851 (seed -2036015072), made deterministic: a conversation deleted here, then
  // deleted again and refused; the rollback dropped the first deletion's mark, and the next list load put the
  // conversation back from the live messages logged before the deletion.
  it('a refused second deletion keeps the first one: a later list load does not bring the conversation back', async () => {
    const { server, real } = await emmaAndWei()
    try {
      server.configure({ latency: 5 })
      server.sendMessage({ from: 'wei', to: USER, text: 'live, logged' })
      await real.settle()
      inAct(() => { void real.track(real.current.del.deleteConversationAsync({ conversationId: 'wei', chatType, deleteRoam: false })) })
      await real.settle()
      server.configure({ failureRate: 1 })
      let refused = false
      inAct(() => { void real.track(real.current.del.deleteConversationAsync({ conversationId: 'wei', chatType, deleteRoam: false }), (o) => { refused = !o.ok }) })
      await real.settle()
      expect(refused).toBe(true)
      server.configure({ failureRate: 0 })
      inAct(() => { void real.track(real.queryClient.refetchQueries({ queryKey: ['roamkit'] })) })
      await real.settle()
      expect(real.current.list.conversations.map((c) => c.conversationId)).toEqual(['emma'])
    } finally {
      real.hook.unmount()
    }
  })

  // The soak's counterexample at run 4,117 (seed -1217604488), made deterministic: a removal noted the lists'
  // entries while this device's pin was out; both were refused, the pin first.
  it('a removal refused after this device\'s refused pin does not pin the conversation again (putBackListed takes the pin known now)', async () => {
    const { server, real } = await emmaAndWei()
    try {
      const message = real.current.history.messages[0]!
      server.configure({ failureRate: 1, latency: 5 })
      const refused: string[] = []
      inAct(() => { void real.track(real.current.pin.pinAsync({ conversationId: 'emma', chatType, isPinned: true }), (o) => { if (!o.ok) refused.push('pin') }) })
      await flush(0)
      inAct(() => { void real.track(real.current.remove.removeAsync({ conversationId: 'emma', chatType, messageIds: [message.id] }), (o) => { if (!o.ok) refused.push('removal') }) })
      await real.settle()
      expect(refused).toEqual(['pin', 'removal'])
      const pins = real.queryClient.getQueryCache().findAll({ queryKey: ['roamkit', USER, 'conversations'] })
        .map((q) => [q.queryKey.slice(3).join(), (q.state.data as ConversationListData).pages.flatMap((p) => p.conversations).map((c) => `${c.conversationId}${c.isPinned ? '*' : ''}`)])
      expect(pins).toEqual([['all,20', ['emma', 'wei']], ['pinned', []], ['marked,0,2', []]])
    } finally {
      real.hook.unmount()
    }
  })

  // The soak's counterexample at run 1,584 (seed -1267643166), made deterministic: another device removes the
  // newest message of a conversation without a loaded view, then the next newest; the preview request of the first
  // removal is answered last, and its answer (a message removed since) must not become the preview.
  it('a preview answer that lands after a newer refresh does not bring back a removed message', async () => {
    const { server, client2, real } = await emmaAndWei()
    try {
      let history: string[] = []
      void real.track(client2.getHistory({ conversationId: 'wei', chatType, pageSize: 3 }), (o) => { if (o.ok) history = o.value.messages.map((m) => m.id) })
      await real.settle()
      const [c, b, a] = history as [string, string, string]
      // The push of the first removal lands in 5 ms; the preview request it causes is answered in 300 ms.
      server.configure({ latency: 5 })
      void real.track(client2.removeMessages({ conversationId: 'wei', chatType, messageIds: [a] }))
      server.configure({ latency: 300 })
      await vi.advanceTimersByTimeAsync(6)
      server.configure({ latency: 5 })
      void real.track(client2.removeMessages({ conversationId: 'wei', chatType, messageIds: [b] }))
      await real.settle()
      expect(server.requests.filter((r) => r.method === 'getHistoryMessages' && r.resource === real.device.clientResource).length).toBeGreaterThanOrEqual(2)
      expect(real.current.list.conversations.find((x) => x.conversationId === 'wei')?.lastMessage?.id).toBe(c)
    } finally {
      real.hook.unmount()
    }
  })

  // The soak's counterexample at seed 1225530442 (path 5431), made deterministic: two removals of every message of
  // a fully loaded conversation, the second sent while the first was pending, both refused. The first one's
  // optimistic update took the conversation out of the list, so the second noted no entry to put back; the first
  // rollback put it back, the preview refresh took it out again (the second still hid every row), and the second
  // rollback had nothing to restore: the conversation stayed out of the list while the server still listed it.
  it('overlapping removals that empty a conversation and both fail leave it listed', async () => {
    const server = createRoamingServer({ seed: 1, latency: 0 })
    for (let n = 0; n < 3; n++) server.sendMessage({ from: 'wei', to: USER, text: `old ${n}` })
    server.sendMessage({ from: 'emma', to: USER, text: 'hello' })
    await vi.advanceTimersByTimeAsync(1_000)
    const real = new Real(server, server.connect(USER), createRoamingClient(server.connect(USER)), server.connect(USER), ['wei', 'emma'], new Map(), 5)
    await real.settle()
    try {
      const ids = real.shown()
      expect(ids.length).toBe(3)
      expect(real.current.history.hasOlder).toBe(false)
      server.configure({ latency: 50, failureRate: 1 })
      const removeAll = () => inAct(() => { void real.track(real.current.remove.removeAsync({ conversationId: 'wei', chatType, messageIds: ids }), () => undefined) })
      removeAll()
      await flush(0)
      expect(real.current.list.conversations.map((c) => c.conversationId)).toEqual(['emma'])
      removeAll()
      await real.settle()
      server.configure({ failureRate: 0 })
      expect(real.shown()).toEqual(ids)
      expect(real.current.list.conversations.map((c) => c.conversationId)).toEqual(['emma', 'wei'])
      expect(real.current.list.conversations.find((c) => c.conversationId === 'wei')?.lastMessage?.id).toBe(ids.at(-1))
    } finally {
      real.hook.unmount()
    }
  })

  // The soak's counterexample at run 4,621 (seed 1241141771), made deterministic: the message that recreated a
  // deleted conversation reached the view by a refetch before its push, and this device removed it; the push then
  // landed as an already-removed message and was ignored, so the conversation stayed out of the list while the
  // server lists it again with the history the deletion (without deleteRoam) kept.
  it('a message that recreates a deleted conversation, removed before its push lands, leaves the conversation listed', async () => {
    const { server, client2, real } = await emmaAndWei()
    try {
      void real.track(client2.deleteConversation({ conversationId: 'wei', chatType, deleteRoam: false }))
      await real.settle()
      expect(real.current.list.conversations.map((c) => c.conversationId)).not.toContain('wei')
      // Opened after the deletion: the history the deletion kept shows.
      await new Open(1).act(real)
      await real.settle()
      const kept = real.shown().at(-1)
      // Stored now, pushed to this device in 500 ms; this device removes it by id meanwhile (as a user of the
      // client can: ids need not be loaded).
      server.configure({ latency: 500 })
      const recreating = server.sendMessage({ from: 'wei', to: USER, text: 'recreates' }).id
      server.configure({ latency: 5 })
      inAct(() => { void real.track(real.current.remove.removeAsync({ conversationId: 'wei', chatType, messageIds: [recreating] })) })
      await flush(100)
      expect(real.current.list.conversations.map((c) => c.conversationId)).not.toContain('wei')
      await real.settle()
      expect(server.pending()).toBe(0)
      const listed = real.current.list.conversations.find((c) => c.conversationId === 'wei')
      expect(listed?.lastMessage?.id).toBe(kept)
      let onServer: unknown
      void real.track(client2.getConversations({ pageSize: 20 }), (o) => { if (o.ok) onServer = o.value.conversations.find((c) => c.conversationId === 'wei') })
      await real.settle()
      expect(listed).toEqual(onServer)
    } finally {
      real.hook.unmount()
    }
  })
})


/** A clock the simulator reads at call time, so fake timers installed after creation still apply. */
export interface SimulatorClock {
  /** Current time in ms. */
  now(): number
  /** Schedules `fn` after `ms`. */
  setTimeout(fn: () => void, ms: number): unknown
  /** Cancels a scheduled call. */
  clearTimeout(handle: unknown): void
}

/** The real clock: `Date.now` and the global timers, looked up on every call. */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Response delay in ms: fixed, or uniformly random in `[min, max]` so responses can overtake each other. */
export type Latency = number | readonly [min: number, max: number]

/**
 * Knobs that may change while the server runs (`server.configure`). Defaults in brackets.
 */
export interface SimulatorKnobs {
  /** Delay of every answer and push (the way back). [0] */
  latency: Latency
  /**
   * Delay before the server processes a request (the way there). The server computes the answer when the request
   * arrives, so with this set a request sent later can be processed earlier, as over a real network. [0]
   */
  uplinkLatency: Latency
  /** Probability in [0, 1] that a request fails (after validation and the login check). [0] */
  failureRate: number
  /**
   * Shape of an injected failure: `ajax` = an HTTP 500 mapped to `{type:17}`, `busy` = `{type:500}`,
   * `unknown` = a network error `{type:-2}`. ['ajax']
   */
  failure: 'ajax' | 'busy' | 'unknown'
  /** Requests per rolling second (per app key, as the real limit) before answering with `answer`. [null: none] */
  rateLimit: { maxPerSecond: number; answer: 'busy' | 'maxLimit' } | null
  /**
   * `offline`: every request fails with `{type:-2}`; `timeout`: every request fails with `{type:-1}` after
   * `requestTimeoutMs`; `paused`: requests wait, unanswered, until the network is set back. ['online']
   */
  network: 'online' | 'offline' | 'timeout' | 'paused'
}

/** Behaviour where the real server is unknown or configurable (`shared/spec/agora-sdk.md` §6, §8). */
export interface SimulatorBehaviour {
  /** Conversations the server keeps per user; older ones drop out of the list. [100] */
  conversationLimit: number
  /** Most pinned conversations per user. [50] */
  pinnedLimit: number
  /** A `pageSize` above 50: clamp to 50, or reject as an HTTP 400 (`{type:17}`). ['clamp'] */
  oversizedPageSize: 'clamp' | 'reject'
  /** `beforeTimeStamp` removes messages at the time too (`<=`, the Easemob server docs) or only before (`<`). [true] */
  removeBeforeInclusive: boolean
  /**
   * When a history page comes back full and nothing follows it: `lookahead` marks it `isLast` (so N messages take
   * ceil(N / pageSize) calls), `shortPageOnly` leaves `isLast: false` and answers one more, empty, page (the d.ts
   * wording: "last page" only when fewer than `pageSize` come back). ['lookahead']
   */
  fullLastPage: 'lookahead' | 'shortPageOnly'
  /**
   * A history cursor includes its own message in the next page. [false: exclusive] Either way, following the
   * returned `cursor` never overlaps or skips (§6.11): an inclusive server's `next_key` names the first message of
   * the next page.
   */
  cursorInclusive: boolean
  /** Mixed-case login ids: `lowercase` (ids are case-insensitive) or `emptyList` (the seed page's symptom). ['lowercase'] */
  mixedCaseLogin: 'lowercase' | 'emptyList'
  /** Reproduce agora-chat 1.4.0: `getHistoryMessages` never settles when logged out. [false: rejects, as easemob] */
  historyHangsWhenLoggedOut: boolean
  /** How the connection was created: `appId` (agora-chat: logged out is 39) or `appKey` (easemob: 700). ['appId'] */
  initWith: 'appId' | 'appKey'
  /** The SDK's XHR timeout. [15000] */
  requestTimeoutMs: number
  /**
   * Devices one user may be connected on at once (Agora's multi-device login: 4 per platform by default, up to 10;
   * every simulated device is a web one). A login or reconnection past it signs the earliest connected device out
   * (`onDisconnected` with type 206). [4]
   */
  maxDevices: number
}

/** Options of `createRoamingServer`. */
export interface RoamingServerOptions extends Partial<SimulatorKnobs>, Partial<SimulatorBehaviour> {
  /** Seed of every random choice (latency, failures, generated data). [1] */
  seed?: number
  /** Time source. [the system clock] */
  clock?: SimulatorClock
  /** App key, used in legacy `channel_id`s. ['roamkit#simulator'] */
  appKey?: string
}

export const DEFAULT_KNOBS: SimulatorKnobs = { latency: 0, uplinkLatency: 0, failureRate: 0, failure: 'ajax', rateLimit: null, network: 'online' }

export const DEFAULT_BEHAVIOUR: SimulatorBehaviour = {
  conversationLimit: 100, pinnedLimit: 50, oversizedPageSize: 'clamp', removeBeforeInclusive: true,
  cursorInclusive: false, fullLastPage: 'lookahead', mixedCaseLogin: 'lowercase', historyHangsWhenLoggedOut: false, initWith: 'appId', requestTimeoutMs: 15_000,
  maxDevices: 4,
}

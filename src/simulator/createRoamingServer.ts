import type { SdkMessageBody } from '../client/sdkTypes'
import { ajaxError, FORCED_LOGOUTS, maxLimit, requestTimeout, requestUnknown, serverBusy, type ForcedLogout } from './ErrorEvent'
import { generateRoamingData, type GenerateOptions, type GenerateResult } from './generateRoamingData'
import {
  DEFAULT_BEHAVIOUR, DEFAULT_KNOBS, systemClock,
  type RoamingServerOptions, type SimulatorBehaviour, type SimulatorClock, type SimulatorKnobs,
} from './options'
import { createRandom } from './random'
import { RoamingState } from './RoamingState'
import type { Device, ServerCore } from './ServerCore'
import { SimulatedConnection } from './SimulatedConnection'
import { storeMessage, type SendMessageInput } from './storeMessage'
import { toSdkBody } from './sdkShapes'

/** One request the server received, for tests and request-count figures. */
export interface RequestRecord {
  /** SDK method name, e.g. `getHistoryMessages`. */
  method: string
  /** Server-side user id of the caller. */
  user: string
  /** Resource of the calling device. */
  resource: string
  /** Parameters as passed. */
  params: unknown
  /** Server time of arrival. */
  time: number
  /** How it was answered. */
  outcome: 'ok' | 'failed' | 'throttled' | 'offline' | 'timeout' | 'error'
}

/** Settings in force: the run-time knobs and the behaviour choices. */
export type RoamingServerSettings = SimulatorKnobs & SimulatorBehaviour

/** The in-memory roaming server. */
export interface RoamingServer {
  /** App key used in legacy `channel_id`s. */
  readonly appKey: string
  /** Opens a device of `userId` (logged in unless `open: false`) with SDK-shaped methods and events. */
  connect(userId: string, options?: { resource?: string; open?: boolean }): SimulatedConnection
  /** Changes knobs or behaviour while running; leaving `paused` answers the held requests. */
  configure(settings: Partial<RoamingServerSettings>): void
  /** The settings in force. */
  readonly settings: Readonly<RoamingServerSettings>
  /** Creates (or extends) a group. */
  createGroup(groupId: string, members: readonly string[]): void
  /** Stores a message now and pushes it to the recipients' devices and the sender's devices. */
  sendMessage(input: SendMessageInput): SdkMessageBody
  /** Adds seeded, realistic data (users, single and group conversations, every message type). */
  generate(options: GenerateOptions): GenerateResult
  /** Connected devices of a user (logged in, connection not dropped). */
  devices(userId: string): readonly SimulatedConnection[]
  /**
   * Drops a logged-in device's connection, as a network loss does: the SDK dispatches `onReconnecting`; until
   * `restoreConnection`, its requests fail with a network error (`type: -2`), it misses multi-device events, and
   * chat messages for it wait on the server. Throws unless the device is logged in and connected.
   */
  dropConnection(connection: SimulatedConnection): void
  /**
   * Restores a dropped connection, as the SDK's reconnection does: `onConnected`, then, if any are waiting, the
   * chat messages that arrived meanwhile (the offline messages) and what was on its way when it dropped, between
   * `onOfflineMessageSyncStart` and `onOfflineMessageSyncFinish`. Multi-device events sent while it was down are not
   * replayed. Throws unless the device's connection was dropped.
   */
  restoreConnection(connection: SimulatedConnection): void
  /**
   * Signs a connected device out, as the server does (the SDK's `onError`, then `onDisconnected`, with the code of
   * `reason`): `loggedInElsewhere` (206), `userRemoved` (207), `passwordChanged` (216), `kickedByOtherDevice` (217).
   * Its chat messages wait for its next login as that user, as after a logout. Throws unless it is connected.
   */
  signOut(connection: SimulatedConnection, reason: ForcedLogout): void
  /**
   * The device's login token expires, as the SDK's own timer tells it: `onTokenExpired`, then the SDK's `close()`
   * (`onDisconnected` with no error; logged out). Throws unless it is logged in (dropped or not).
   */
  expireToken(connection: SimulatedConnection): void
  /** Every request received since creation or `clearRequests()`. */
  readonly requests: readonly RequestRecord[]
  /** Empties the request log. */
  clearRequests(): void
  /** Answers and pushes scheduled but not yet delivered (requests held while `paused` included). */
  pending(): number
}

/**
 * Creates an in-memory roaming server that reproduces the SDK facts of `shared/spec/agora-sdk.md` §6: ordering,
 * cursors, one-way deletion, multi-device events, limits, error shapes. Deterministic under `seed` and `clock`.
 */
export function createRoamingServer(options: RoamingServerOptions = {}): RoamingServer {
  const { seed = 1, clock = systemClock, appKey = 'roamkit#simulator', ...rest } = options
  const settings: RoamingServerSettings = { ...DEFAULT_KNOBS, ...DEFAULT_BEHAVIOUR }
  const random = createRandom(seed)
  const state = new RoamingState()
  const online = new Map<string, SimulatedConnection[]>()
  const requests: RequestRecord[] = []
  const recent: number[] = []
  const held: Array<() => void> = []
  const pushAt = new WeakMap<Device, number>()
  /**
   * Devices away from the server, dropped (reconnecting) or logged out, with the user they were and the deliveries
   * that wait for their return as that user: the server keeps a device's chat messages while it is offline, and sends
   * them at its next login or reconnection (the SDK's offline sync).
   */
  const away = new Map<Device, { user: string; loggedOut: boolean; waiting: Array<() => void> }>()
  /** Deliveries scheduled to each device and not made yet. */
  const onTheWay = new WeakMap<Device, Set<() => void>>()
  /** The offline sync's Start and Finish (and their deliveries): the SDK's own events, never redelivered. */
  const syncMarks = new WeakSet<() => void>()
  let scheduled = 0
  let resources = 0

  const configure = (next: Partial<RoamingServerSettings>) => {
    const candidate: Record<string, unknown> = { ...settings }
    for (const [key, value] of Object.entries(next)) {
      if (!(key in settings)) throw new TypeError(`createRoamingServer: unknown setting "${key}"`)
      if (value !== undefined) candidate[key] = value
    }
    // Validate a copy: a refused setting must leave the running server as it was.
    checkSettings(candidate as unknown as RoamingServerSettings)
    Object.assign(settings, candidate)
    if (settings.network !== 'paused') held.splice(0).forEach((run) => run())
  }
  configure(rest)

  const sample = (l: SimulatorKnobs['latency']): number => (typeof l === 'number' ? l : random.int(l[0], l[1]))
  const latency = (): number => sample(settings.latency)

  /** Runs `fn` after `ms`, counted as pending until it ran. */
  const later = (ms: number, fn: () => void) => {
    scheduled++
    const run = () => { scheduled--; fn() }
    if (ms <= 0) queueMicrotask(run)
    else clock.setTimeout(run, ms)
  }

  const core: ServerCore = {
    state, clock, appKey,
    get behaviour() { return settings },
    normalizeId: (id) => (settings.mixedCaseLogin === 'lowercase' ? id.toLowerCase() : id),
    request<T>(device: Device, method: string, params: unknown, compute: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const process = () => {
          const record: RequestRecord = { method, user: device.serverUser, resource: device.clientResource, params, time: clock.now(), outcome: 'ok' }
          requests.push(record)
          const fail = (outcome: RequestRecord['outcome'], error: unknown, ms = latency()) => {
            record.outcome = outcome
            later(ms, () => reject(error))
          }
          if (settings.network === 'offline' || away.get(device)?.loggedOut === false) return fail('offline', requestUnknown())
          if (settings.network === 'timeout') return fail('timeout', requestTimeout(), settings.requestTimeoutMs)
          const now = clock.now()
          while (recent.length > 0 && (recent[0] as number) <= now - 1000) recent.shift()
          recent.push(now)
          if (settings.rateLimit && recent.length > settings.rateLimit.maxPerSecond) {
            return fail('throttled', settings.rateLimit.answer === 'busy' ? serverBusy() : maxLimit())
          }
          if (settings.failureRate > 0 && random.next() < settings.failureRate) {
            return fail('failed', settings.failure === 'busy' ? serverBusy() : settings.failure === 'unknown' ? requestUnknown() : ajaxError(''))
          }
          let result: T
          try {
            result = compute()
          } catch (error) {
            return fail('error', error)
          }
          later(latency(), () => resolve(result))
        }
        const arrive = () => (settings.network === 'paused' ? held.push(process) : process())
        // The request's own trip: with it, requests can reach the server in another order than they were sent.
        const uplink = sample(settings.uplinkLatency)
        if (uplink > 0) later(uplink, arrive)
        else arrive()
      })
    },
    push(device, fn) {
      const waiting = away.get(device)?.waiting
      if (waiting) return void waiting.push(fn)
      const now = clock.now()
      const at = Math.max(pushAt.get(device) ?? 0, now + latency())
      pushAt.set(device, at)
      const ways = onTheWay.get(device) ?? new Set<() => void>()
      onTheWay.set(device, ways)
      // A wrapper per push: the set holds deliveries by identity, and one function pushed twice is two of them.
      const deliver = () => fn()
      if (syncMarks.has(fn)) syncMarks.add(deliver)
      ways.add(deliver)
      // Not delivered if the device went away meanwhile: `goAway` moved it to the waiting ones.
      later(at - now, () => { if (ways.delete(deliver)) fn() })
    },
    devicesOf: (user, offline) => [...online.get(user) ?? [], ...(offline ? [...away].filter(([, a]) => a.user === user).map(([d]) => d) : [])],
    isDropped: (device) => away.get(device)?.loggedOut === false,
    logIn: (device) => comeBack(device),
    logOut: (device) => goAway(device, true),
  }

  function list(device: Device, on: boolean): void {
    const devices = (online.get(device.serverUser) ?? []).filter((d) => d !== device)
    if (on) devices.push(device as SimulatedConnection)
    online.set(device.serverUser, devices)
  }
  /**
   * Takes a device off the server. What was on its way is unacknowledged: the server delivers it again at the
   * device's return. Not the Start and Finish of an offline sync it interrupted: the SDK dispatches those itself
   * around each sync (found by the model test: restored and dropped at once, the old Finish came mid-way through the
   * next sync, before the messages and events it was to follow).
   */
  function goAway(device: Device, loggedOut: boolean): void {
    list(device, false)
    const waiting = away.get(device)?.waiting ?? []
    const ways = onTheWay.get(device)
    waiting.push(...(ways ? [...ways].filter((deliver) => !syncMarks.has(deliver)) : []))
    ways?.clear()
    away.set(device, { user: device.serverUser, loggedOut, waiting })
  }
  /** Puts a device back: `onConnected`, then what waited for it as that user in the SDK's offline sync. */
  function comeBack(device: Device): void {
    const was = away.get(device)
    away.delete(device)
    list(device, true)
    device.dispatch('onConnected', undefined)
    // Past the device limit, the newest login signs the earliest connected device out (Agora's multi-device docs).
    const devices = online.get(device.serverUser) ?? []
    if (devices.length > settings.maxDevices) devices[0]?.signedOut(FORCED_LOGOUTS.loggedInElsewhere)
    // Another user's login on the device gets nothing of the first's.
    if (!was || was.user !== device.serverUser || was.waiting.length === 0) return
    // The SDK's offline sync: Start when the server reports queues to pull, Finish once the last one is in.
    const mark = (name: string) => { const fn = () => device.dispatch(name, undefined); syncMarks.add(fn); return fn }
    core.push(device, mark('onOfflineMessageSyncStart'))
    for (const deliver of was.waiting) core.push(device, deliver)
    core.push(device, mark('onOfflineMessageSyncFinish'))
  }

  const isConnected = (device: SimulatedConnection) => (online.get(device?.serverUser) ?? []).includes(device)
  function mustBeConnected(method: string, device: SimulatedConnection): void {
    if (!isConnected(device)) throw new TypeError(`${method}: connection must be a logged-in, connected device of this server (server.connect)`)
  }

  return {
    appKey,
    connect(userId, opts = {}) {
      const connection = new SimulatedConnection(core, opts.resource ?? `web_sim_${++resources}`)
      if (opts.open !== false) void connection.open({ user: userId, accessToken: 'simulated-token' })
      return connection
    },
    configure,
    get settings() { return { ...settings } },
    createGroup(groupId, members) {
      const group = state.groups.get(core.normalizeId(groupId)) ?? new Set<string>()
      members.forEach((m) => group.add(core.normalizeId(m)))
      state.groups.set(core.normalizeId(groupId), group)
    },
    sendMessage: (input) => toSdkBody(storeMessage(core, input), 'live'),
    generate: (opts) => generateRoamingData(core, opts),
    devices: (userId) => (online.get(core.normalizeId(userId)) ?? []).slice(),
    dropConnection(connection) {
      mustBeConnected('dropConnection', connection)
      goAway(connection, false)
      connection.dispatch('onReconnecting', undefined)
    },
    signOut(connection, reason) {
      mustBeConnected('signOut', connection)
      const error = Object.hasOwn(FORCED_LOGOUTS, reason) ? FORCED_LOGOUTS[reason] : undefined
      if (!error) throw new RangeError(`signOut: reason ${JSON.stringify(reason)} is invalid; expected ${Object.keys(FORCED_LOGOUTS).map((r) => `'${r}'`).join(', ')}`)
      connection.signedOut(error)
    },
    expireToken(connection) {
      if (!isConnected(connection) && away.get(connection)?.loggedOut !== false) {
        throw new TypeError('expireToken: connection must be a logged-in device of this server (server.connect)')
      }
      connection.dispatch('onTokenExpired', undefined)
      connection.close()
    },
    restoreConnection(connection) {
      if (away.get(connection)?.loggedOut !== false) throw new TypeError('restoreConnection: connection must be a device dropped with dropConnection')
      comeBack(connection)
    },
    get requests() { return requests },
    clearRequests: () => { requests.length = 0 },
    pending: () => scheduled + held.length,
  }
}

function checkSettings(s: RoamingServerSettings): void {
  const bad = (name: string, value: unknown, allowed: string) => {
    throw new RangeError(`createRoamingServer: ${name} ${JSON.stringify(value)} is invalid; expected ${allowed}`)
  }
  for (const name of ['latency', 'uplinkLatency'] as const) {
    const l = s[name]
    if (typeof l === 'number' ? !(l >= 0) : !(Array.isArray(l) && l.length === 2 && l[0] >= 0 && l[1] >= l[0])) {
      bad(name, l, 'a number >= 0 or [min, max] with 0 <= min <= max')
    }
  }
  if (!(s.failureRate >= 0 && s.failureRate <= 1)) bad('failureRate', s.failureRate, 'a number in [0, 1]')
  if (s.rateLimit && !(Number.isInteger(s.rateLimit.maxPerSecond) && s.rateLimit.maxPerSecond >= 1)) {
    bad('rateLimit.maxPerSecond', s.rateLimit.maxPerSecond, 'an integer >= 1')
  }
  if (!(Number.isInteger(s.conversationLimit) && s.conversationLimit >= 1)) bad('conversationLimit', s.conversationLimit, 'an integer >= 1')
  if (!(Number.isInteger(s.maxDevices) && s.maxDevices >= 1 && s.maxDevices <= 10)) bad('maxDevices', s.maxDevices, 'an integer in [1, 10]')
  if (!['online', 'offline', 'timeout', 'paused'].includes(s.network)) bad('network', s.network, "'online', 'offline', 'timeout' or 'paused'")
  if (s.initWith !== 'appId' && s.initWith !== 'appKey') bad('initWith', s.initWith, "'appId' or 'appKey'")
  if (!(s.failure === 'ajax' || s.failure === 'busy' || s.failure === 'unknown')) bad('failure', s.failure, "'ajax', 'busy' or 'unknown'")
}

export type { SimulatorClock }

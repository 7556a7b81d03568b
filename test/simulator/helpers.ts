import { createRoamingServer, type RoamingServer } from '../../src/simulator/createRoamingServer'
import type { RoamingServerOptions, SimulatorClock } from '../../src/simulator/options'
import type { SimulatedConnection } from '../../src/simulator/SimulatedConnection'

/** A hand-driven clock: `now()` is `t`; timers run only when `advance` passes them. */
export interface ManualClock extends SimulatorClock {
  t: number
  advance(ms: number): void
  /** Timers scheduled and not yet run. */
  readonly timers: number
}

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let queue: Array<{ at: number; seq: number; fn: () => void }> = []
  let seq = 0
  const clock: ManualClock = {
    t: start,
    now: () => clock.t,
    setTimeout(fn, ms) {
      const entry = { at: clock.t + ms, seq: seq++, fn }
      queue.push(entry)
      return entry
    },
    clearTimeout(handle) {
      queue = queue.filter((e) => e !== handle)
    },
    advance(ms) {
      const end = clock.t + ms
      for (;;) {
        const due = queue.filter((e) => e.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
        if (!due) break
        queue = queue.filter((e) => e !== due)
        clock.t = due.at
        due.fn()
      }
      clock.t = end
    },
    get timers() {
      return queue.length
    },
  }
  return clock
}

/** A server on a manual clock at a fixed time, so message times are predictable (T, T+1, …). */
export function setup(options: RoamingServerOptions = {}): { server: RoamingServer; clock: ManualClock } {
  const clock = (options.clock as ManualClock | undefined) ?? manualClock()
  return { server: createRoamingServer({ ...options, clock }), clock }
}

/** Lets queued microtasks (zero-latency answers and pushes) run. */
export async function ticks(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve()
}

export interface Recorded {
  name: string
  payload: unknown
}

const EVENT_NAMES = [
  'onMessage', 'onTextMessage', 'onImageMessage', 'onFileMessage', 'onAudioMessage', 'onVideoMessage', 'onLocationMessage',
  'onCustomMessage', 'onCmdMessage', 'onCombineMessage', 'onMultiDeviceEvent', 'onChannelMessage', 'onConnected', 'onDisconnected',
  'onReconnecting', 'onOfflineMessageSyncStart', 'onOfflineMessageSyncFinish', 'onError', 'onTokenExpired',
]

/** Registers a handler on `conn` that records every callback it knows, in order. */
export function record(conn: SimulatedConnection, id = 'recorder'): Recorded[] {
  const events: Recorded[] = []
  const handler: Record<string, (payload: unknown) => void> = {}
  for (const name of EVENT_NAMES) handler[name] = (payload) => events.push({ name, payload })
  conn.addEventHandler(id, handler)
  return events
}

/** Multi-device events only. */
export const multiDevice = (events: Recorded[]) => events.filter((e) => e.name === 'onMultiDeviceEvent').map((e) => e.payload)

/** Captures the settlement of a promise without awaiting it (for "never settles" and ordering checks). */
export function track<T>(p: Promise<T>): { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } {
  const out: { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = { state: 'pending' }
  p.then((value) => { out.state = 'resolved'; out.value = value }, (error) => { out.state = 'rejected'; out.error = error })
  return out
}

/** The rejection reason of a promise; fails the test if it resolves. */
export async function rejectionOf(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection, got a resolution')
}

/** Sends `n` messages from `from` to `to`, returning their ids in order. */
export function sendMany(server: RoamingServer, from: string, to: string, n: number, chatType: 'singleChat' | 'groupChat' | 'chatRoom' = 'singleChat'): string[] {
  return Array.from({ length: n }, (_, k) => server.sendMessage({ from, to, chatType, text: `m${k}` }).id)
}

/** `n` messages from bob to alice, `stepMs` apart on the clock from `start`; their ids, oldest first. */
export function sendSpaced(server: RoamingServer, clock: ManualClock, n: number, start: number, stepMs = 10): string[] {
  return Array.from({ length: n }, (_, i) => {
    clock.t = start + i * stepMs
    return server.sendMessage({ from: 'bob', to: 'alice', text: `m${i}` }).id
  })
}

/** Every history page of a conversation, following the cursor until `isLast`. */
export async function allHistory(
  conn: SimulatedConnection, targetId: string, direction: 'up' | 'down', pageSize = 20,
  chatType: 'singleChat' | 'groupChat' | 'chatRoom' = 'singleChat',
): Promise<{ ids: string[]; times: number[]; calls: number }> {
  const ids: string[] = []
  const times: number[] = []
  let cursor: string | undefined
  let calls = 0
  for (;;) {
    const page = await conn.getHistoryMessages({ targetId, chatType, pageSize, searchDirection: direction, ...(cursor === undefined ? {} : { cursor }) })
    calls++
    for (const m of page.messages) {
      ids.push(m.id)
      times.push(Number(m.time))
    }
    if (page.isLast) break
    cursor = page.cursor
    if (calls > 100_000) throw new Error('runaway paging')
  }
  return { ids, times, calls }
}

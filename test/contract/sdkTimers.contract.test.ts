/**
 * The SDK's import and connection side effects on timers (spec §1): importing starts none; the first
 * `new connection()` of a loaded SDK module starts one 60 s `setInterval` (the data-report "governor"), which the
 * SDK clears only on `beforeunload`. The adapter adds no timer that outlives a call.
 *
 * This file imports the SDKs itself, under fake timers, so that it sees the very first construction (the
 * governor belongs to a module-level singleton: later connections of the same module start nothing).
 */
import type { SdkConnection } from '../../src/index'
import { createRoamingClient } from '../../src/index'
import type { RealConnection, RealSdkModule } from './harness'
import { installNetwork, json } from './network'

const sdks = [
  { name: 'agora-chat', load: () => import('agora-chat'), init: { appId: 'timer-app' } },
  { name: 'easemob-websdk', load: () => import('easemob-websdk'), init: { appKey: 'org1#app1' } },
] as const

afterEach(() => {
  vi.useRealTimers()
})

describe.each(sdks)('$name timers', ({ load, init }) => {
  test('import: no timer; first connection: one 60 s interval; beforeunload clears it; the adapter leaves none', async () => {
    vi.useFakeTimers()
    const ns = (await load()) as unknown as { default: RealSdkModule }
    const sdk = ns.default
    expect(typeof sdk.connection).toBe('function')
    // Importing writes localStorage.loglevel (the bundled loglevel's enableAll); when the value changes, jsdom
    // queues its storage event with a setTimeout 0. Nothing else: after 0 ms no timer is left.
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(vi.getTimerCount()).toBe(0) // importing started no SDK timer
    expect((window as { WebIM?: unknown }).WebIM).toBeDefined() // …but set window.WebIM

    sdk.logger.disableAll() // writes localStorage.loglevel: jsdom queues a storage-event timer (setTimeout 0)
    await vi.advanceTimersByTimeAsync(0)
    expect(vi.getTimerCount()).toBe(0)

    const conn = new sdk.connection({ ...init, isHttpDNS: false }) as RealConnection
    expect(vi.getTimerCount()).toBe(1) // the governor: setInterval(…, 60000)
    await vi.advanceTimersByTimeAsync(3 * 60_000)
    expect(vi.getTimerCount()).toBe(1) // an interval: still there after it fired

    new sdk.connection({ ...init, isHttpDNS: false })
    expect(vi.getTimerCount()).toBe(1) // a module-level singleton: not one per connection

    // The adapter's own per-call timer is cleared when the call settles; subscribing adds no timer.
    conn.apiUrl = 'https://a1.example.test'
    Object.assign(conn.context, { appName: 'app1', orgName: 'org1', accessToken: 't', userId: 'alice' })
    conn.user = 'alice'
    const net = installNetwork(() => json({ data: { cursor: '', channel_infos: [] } }))
    try {
      const client = createRoamingClient(conn as unknown as SdkConnection, { timeoutMs: 5_000 })
      const stop = client.subscribe(() => {})
      await expect(client.getConversations()).resolves.toEqual({ conversations: [], nextCursor: null })
      stop()
      expect(vi.getTimerCount()).toBe(1)
    } finally {
      net.restore()
    }

    // The only way the SDK clears it: its `addEventListener('beforeunload', () => clearInterval(t))`.
    window.dispatchEvent(new Event('beforeunload'))
    expect(vi.getTimerCount()).toBe(0)
  })
})

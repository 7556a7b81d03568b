/**
 * Rate limits and outages (issue 6, part 3): retryable answers (500, 50, -1) are retried with exponential backoff
 * and jitter a bounded number of times, the others never; a storm of 100 views of one thread and an outage stay
 * under a request bound, show an error, and recover when the server is back.
 */
import { act, renderHook } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import { RoamingArgumentError, RoamingError } from '../../src/client/RoamingError'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { MAX_RETRIES, retryDelay, shouldRetry } from '../../src/query/retry'
import { RoamingProvider } from '../../src/provider/RoamingProvider'
import { createRoamingServer, type RoamingServerOptions } from '../../src/testing'
import { newQueryClient } from '../kit'
import { flush, settle, withFakeTime } from './harness'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }

function world(options: RoamingServerOptions = {}) {
  const server = createRoamingServer({ seed: 3, ...options })
  server.generate({ user: 'alice', conversations: 2, groupShare: 0, bigConversation: { with: 'bob', messages: 200 } })
  const device = server.connect('alice')
  const queryClient = newQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode><RoamingProvider connection={device} queryClient={queryClient}>{children}</RoamingProvider></StrictMode>
  )
  return { server, device, queryClient, wrapper }
}

const historyRequests = (server: { requests: readonly { method: string; time: number; outcome: string }[] }) =>
  server.requests.filter((r) => r.method === 'getHistoryMessages')

withFakeTime()

describe('retries', () => {
  it.each([
    ['500 (server busy)', { failureRate: 1, failure: 'busy' } as const, 'failed', 500],
    ['-2 (network error)', { failureRate: 1, failure: 'unknown' } as const, 'failed', -2],
    ['-1 (request timeout)', { network: 'timeout', requestTimeoutMs: 100 } as const, 'timeout', -1],
  ])(`a history load answered %s is retried ${MAX_RETRIES} times with exponential backoff and jitter, then shows the error`, async (_what, knobs, outcome, code) => {
    const { server, queryClient, wrapper } = world()
    server.configure(knobs)
    const { result } = renderHook(() => useHistoryMessages({ ...bob }), { wrapper })
    await settle(server, queryClient)
    const calls = historyRequests(server)
    console.log(`retry: code ${code} → ${calls.length} requests (1 + ${MAX_RETRIES} retries), gaps ${calls.slice(1).map((c, i) => c.time - calls[i]!.time).join(', ')} ms`)
    expect(calls).toHaveLength(1 + MAX_RETRIES)
    expect(calls.every((c) => c.outcome === outcome)).toBe(true)
    // Gap k (k = 0, 1, 2) = the answer's own delay + a backoff in [ceiling/2, ceiling], ceiling 500·2^k (retryDelay).
    const answerDelay = outcome === 'timeout' ? 100 : 0
    calls.slice(1).forEach((c, i) => {
      const ceiling = Math.min(8_000, 500 * 2 ** i)
      const backoff = c.time - calls[i]!.time - answerDelay
      expect(backoff).toBeGreaterThanOrEqual(ceiling / 2)
      expect(backoff).toBeLessThanOrEqual(ceiling)
    })
    expect(result.current.status).toBe('error')
    expect(result.current.error).toBeInstanceOf(RoamingError)
    expect((result.current.error as RoamingError).code).toBe(code)
  })

  it('a throttled (code 50) load waits and succeeds once the rate limit allows, within the bound', async () => {
    const { server, device, queryClient, wrapper } = world({ rateLimit: { maxPerSecond: 1, answer: 'maxLimit' } })
    // Another call uses up this second's budget.
    await createRoamingClient(device).getConversations()
    const { result } = renderHook(() => useHistoryMessages({ ...bob }), { wrapper })
    await settle(server, queryClient)
    const calls = historyRequests(server)
    console.log(`retry: code 50 → ${calls.map((c) => c.outcome).join(', ')}`)
    expect(calls[0]!.outcome).toBe('throttled')
    expect(calls.at(-1)!.outcome).toBe('ok')
    expect(calls.length).toBeLessThanOrEqual(1 + MAX_RETRIES)
    // The list's own loads were throttled too, and retried: all of roamkit's reads end loaded.
    expect(result.current.status).toBe('success')
  })

  it('the jitter spreads retries of many clients: 200 delays of one attempt take many values within the band', () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const ceiling = Math.min(8_000, 500 * 2 ** attempt)
      const delays = Array.from({ length: 200 }, () => retryDelay(attempt))
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(ceiling / 2)
      expect(Math.max(...delays)).toBeLessThanOrEqual(ceiling)
      expect(new Set(delays).size).toBeGreaterThan(50)
    }
  })

  it.each([
    ['17 (HTTP error)', { failureRate: 1, failure: 'ajax' } as const, 17],
  ])('a history load answered %s is not retried', async (_what, knobs, code) => {
    const { server, queryClient, wrapper } = world()
    server.configure(knobs)
    const { result } = renderHook(() => useHistoryMessages({ ...bob }), { wrapper })
    await settle(server, queryClient)
    expect(historyRequests(server)).toHaveLength(1)
    expect((result.current.error as RoamingError).code).toBe(code)
  })

  it('not logged in (39) is not retried: one SDK call, no request reaches the server', async () => {
    const { server, device, queryClient, wrapper } = world()
    device.close()
    const sdkCalls = vi.spyOn(device, 'getHistoryMessages')
    const { result } = renderHook(() => useHistoryMessages({ ...bob }), { wrapper })
    await settle(server, queryClient)
    expect(sdkCalls).toHaveBeenCalledTimes(1)
    expect(historyRequests(server)).toHaveLength(0)
    expect((result.current.error as RoamingError).code).toBe(39)
  })

  it('argument errors are never retried (shouldRetry), and a bad call sends nothing', async () => {
    const error = new RoamingArgumentError('getHistory', 'pageSize', 0, 'an integer in [1, 50]')
    expect([0, 1, 2].map((n) => shouldRetry(n, error))).toEqual([false, false, false])
    const { server, device } = world()
    const sdkCalls = vi.spyOn(device, 'getHistoryMessages')
    await expect(createRoamingClient(device).getHistory({ ...bob, pageSize: 0 })).rejects.toBeInstanceOf(RoamingArgumentError)
    expect(sdkCalls).not.toHaveBeenCalled()
    expect(server.requests).toHaveLength(0)
  })
})

describe('storm and outage', () => {
  it('100 views of one thread cost one history request; an outage stays bounded, shows errors, and recovers', { timeout: 60_000 }, async () => {
    const { server, queryClient, wrapper } = world({ latency: [5, 40] })
    const VIEWS = Number(process.env.STORM_VIEWS ?? 100)
    const { result } = renderHook(() => ({
      views: Array.from({ length: VIEWS }, () => useHistoryMessages({ ...bob, pageSize: 20 })),
      list: useConversationList({ pageSize: 20 }),
    }), { wrapper })
    await settle(server, queryClient)
    const storm = historyRequests(server).length
    expect(result.current.views.every((v) => v.status === 'success' && v.messages.length === 20)).toBe(true)
    expect(storm).toBe(1)

    // Outage: the server is unreachable (the browser still thinks it is online). Another device removes messages,
    // so every view must refetch; all 100 also ask for older messages at once.
    const phone = createRoamingClient(server.connect('alice'))
    const gone = result.current.views[0]!.messages.slice(-3).map((m) => m.id)
    const removing = new Set([phone.removeMessages({ ...bob, messageIds: gone })])
    void [...removing][0]!.finally(() => removing.clear())
    // The removal is answered; its event reaches this device a little later, during the outage.
    while (removing.size > 0) await flush(1)
    server.configure({ network: 'offline' })
    const before = server.requests.length
    await flush(60)
    act(() => { for (const v of result.current.views) v.fetchOlder() })
    act(() => result.current.list.refetch())
    await settle(server, queryClient)
    const outage = server.requests.slice(before)
    const outageHistory = outage.filter((r) => r.method === 'getHistoryMessages').length
    console.log(`storm: ${VIEWS} views → ${storm} history request; outage: ${outage.length} requests (${outageHistory} history, bound ${2 * (1 + MAX_RETRIES) + 2 * (1 + MAX_RETRIES)})`)
    // One refetch (deduplicated across the 100 views) and the list's, each with at most MAX_RETRIES retries.
    expect(outage.length).toBeLessThanOrEqual(2 * (1 + MAX_RETRIES) + 2 * (1 + MAX_RETRIES))
    expect(outage.every((r) => r.outcome === 'offline')).toBe(true)
    expect(result.current.views.every((v) => v.status === 'error' && (v.error as RoamingError).code === -2)).toBe(true)
    expect(result.current.list.status).toBe('error')

    // Back online: the user's next action (scrolling one view, retrying the list) recovers every view.
    server.configure({ network: 'online' })
    const back = server.requests.length
    act(() => result.current.views[0]!.fetchOlder())
    act(() => result.current.list.refetch())
    await settle(server, queryClient)
    console.log(`recovery: ${server.requests.length - back} requests`)
    expect(server.requests.length - back).toBeLessThanOrEqual(4)
    for (const v of result.current.views) {
      expect(v.status).toBe('success')
      expect(v.messages.filter((m) => gone.includes(m.id))).toEqual([])
    }
    expect(result.current.list.status).toBe('success')
  })
})

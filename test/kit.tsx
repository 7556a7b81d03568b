import { QueryClient } from '@tanstack/react-query'
import { fireEvent, waitFor, within } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import type { MockInstance } from 'vitest'
import { RoamingProvider } from '../src/provider/RoamingProvider'
import { createRoamingServer, type RoamingServerOptions } from '../src/testing'
import type { SimulatedConnection } from '../src/simulator/SimulatedConnection'

/** A fresh query cache per test: nothing leaks between tests. */
export const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })

/** A simulator, a device of `alice`, and a StrictMode wrapper with a RoamingProvider over that device. */
export function setup(options: RoamingServerOptions = {}) {
  const server = createRoamingServer({ seed: 1, ...options })
  const device = server.connect('alice')
  const queryClient = newQueryClient()
  const wrapper = providerFor(device, queryClient)
  return { server, device, queryClient, wrapper }
}

/** A StrictMode RoamingProvider over a device. */
export function providerFor(device: SimulatedConnection, queryClient = newQueryClient()) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StrictMode>
        <RoamingProvider connection={device} queryClient={queryClient}>{children}</RoamingProvider>
      </StrictMode>
    )
  }
}

/**
 * Waits (in `waitFor`, so inside act) until the cache has no fetch and no mutation in flight: the follow-ups a
 * settled change starts (a preview read, a view read again) land before the test goes on.
 */
export const settled = (queryClient: QueryClient) =>
  waitFor(() => expect(queryClient.isFetching() + queryClient.isMutating()).toBe(0))

/** Requests the server received for one SDK method. */
export const callsOf = (server: { requests: readonly { method: string }[] }, method: string) =>
  server.requests.filter((r) => r.method === method).length

/** Ids of a conversation's whole history as the server holds it for the device's user, ascending. */
export async function serverHistoryIds(device: SimulatedConnection, targetId: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await device.getHistoryMessages({ targetId, chatType: 'singleChat', pageSize: 50, searchDirection: 'down', ...(cursor ? { cursor } : {}) })
    ids.push(...page.messages.map((m) => m.id))
    if (page.isLast || !page.cursor) return ids
    cursor = page.cursor
  }
}

/**
 * A failed first load's alert while the device is logged out: its Retry is unavailable, described by the connection
 * notice, and a click on it calls the SDK (`reads`, a spy on the read's method) no more.
 */
export function expectRetryUnavailable(alert: HTMLElement, reads: MockInstance): void {
  const retry = within(alert).getByRole('button', { name: 'Retry' })
  expect(retry).toHaveAttribute('aria-disabled', 'true')
  expect(retry).toHaveAccessibleDescription('Disconnected. What shows may be out of date.')
  const tries = reads.mock.calls.length
  expect(tries).toBeGreaterThan(0)
  fireEvent.click(retry)
  expect(alert.isConnected).toBe(true)
  expect(reads).toHaveBeenCalledTimes(tries)
}

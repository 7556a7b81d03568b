/**
 * Leaks, jsdom with fake timers: after a RoamingProvider with ConversationList and MessageThread (StrictMode) is
 * unmounted, and the simulator has answered what was in flight, `vi.getTimerCount()` is back to its baseline.
 * Issue 6, part 5 (the Chromium run with heap figures is mountCycles.browser.test.tsx).
 */
import { QueryClient } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { VirtuosoMockContext } from 'react-virtuoso'
import { ConversationList, MessageThread, RoamingProvider } from '../../src'
import { createRoamingServer } from '../../src/testing'
import { endQueryClient } from './endQueryClient'

function setup() {
  const server = createRoamingServer({ seed: 2, latency: [5, 40] })
  server.generate({ user: 'alice', conversations: 12, bigConversation: { with: 'bob', messages: 120 } })
  return { server, device: server.connect('alice') }
}

type Setup = ReturnType<typeof setup>

/**
 * Advances fake time in steps of 50 ms, each its own `act`, so React renders between them as it would in a browser.
 * One `act` over the whole span would not do on React 18: inside an act scope it queues every render until the scope
 * exits (React 19 still renders sync updates in a microtask inside it). The thread's rows would then mount only at
 * the very end, and react-virtuoso opens a list at its last item a few animation frames after mounting it.
 */
async function advanceInSteps(ms: number) {
  for (let t = 0; t < ms; t += 50) await act(() => vi.advanceTimersByTimeAsync(Math.min(50, ms - t)))
}

/** Mounts the provider with both components; `settle` waits for rows, otherwise it unmounts with requests in flight. */
async function mountAndUnmount({ server, device }: Setup, settle: boolean, queryClient?: QueryClient) {
  const view = render(
    <StrictMode>
      <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>
        <RoamingProvider connection={device} {...(queryClient ? { queryClient } : {})}>
          <ConversationList />
          <MessageThread conversationId="bob" chatType="singleChat" />
        </RoamingProvider>
      </VirtuosoMockContext.Provider>
    </StrictMode>,
  )
  if (settle) {
    await advanceInSteps(500)
    expect(view.container.querySelectorAll('[role="option"]').length).toBeGreaterThan(0)
    expect(view.container.querySelectorAll('article').length).toBeGreaterThan(0)
  }
  view.unmount()
  if (queryClient) await endQueryClient(queryClient)
  // Answers to the unmounted provider arrive, and TanStack's 0 ms notification batches run.
  await act(() => vi.advanceTimersByTimeAsync(200))
  expect(server.pending()).toBe(0)
  expect(Object.keys(device.eventHandler.handlerData)).toEqual([])
}

describe('timers after unmount (jsdom, fake timers)', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('with a QueryClient the app clears after unmount: back to the baseline at once', async () => {
    const s = setup()
    const baseline = vi.getTimerCount()
    await mountAndUnmount(s, true, new QueryClient())
    await mountAndUnmount(s, false, new QueryClient())
    expect(vi.getTimerCount()).toBe(baseline)
  })

  // The provider clears the cache it made on its final unmount (a microtask later, for StrictMode).
  it('with the provider\'s own cache: back to the baseline at once', async () => {
    const s = setup()
    const baseline = vi.getTimerCount()
    await mountAndUnmount(s, true)
    await mountAndUnmount(s, false)
    expect(vi.getTimerCount()).toBe(baseline)
  })
})

/**
 * The store's `connected`: the SDK's drops and reconnections, and the browser's own word (`navigator.onLine` and its
 * `offline` / `online` events), which comes at once and at mount. What the components show of it is tested with them.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { ErrorEvent } from '../../src/testing'
import { providerFor, setup } from '../kit'

/** Makes the browser say it is offline (jsdom always says online) and tells the window, as a browser does. */
function browserOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

/** What the SDK's `onDisconnected` passes once its reconnection attempts ran out (read in the shipped SDK). */
const reconnectionFailed = new ErrorEvent({ type: 16, message: 'reconnection failed' })

afterEach(() => { vi.restoreAllMocks() })

describe('connected', () => {
  it('follows the SDK: false from a drop to the reconnection, reconnecting unless the SDK stopped', async () => {
    const ctx = setup()
    const { result } = renderHook(() => [useRoamingStore((s) => s.connected), useRoamingStore((s) => s.reconnecting)], { wrapper: ctx.wrapper })
    expect(result.current).toEqual([true, false])
    act(() => ctx.server.dropConnection(ctx.device))
    expect(result.current).toEqual([false, true])
    // The attempts failed: the SDK stops until the browser's network comes back, or a new login.
    act(() => ctx.device.dispatch('onDisconnected', reconnectionFailed))
    expect(result.current).toEqual([false, false])
    act(() => ctx.device.dispatch('onReconnecting', undefined))
    expect(result.current).toEqual([false, true])
    act(() => ctx.server.restoreConnection(ctx.device))
    expect(result.current).toEqual([true, false])
    act(() => ctx.device.close())
    expect(result.current).toEqual([false, false])
    await act(() => ctx.device.open({ user: 'alice', accessToken: 't' }))
    expect(result.current).toEqual([true, false])
  })

  it('an SDK that gave up without a network is reconnecting still (it starts again at the browser\'s online); stopped online, it is not; a logout is a stop, offline too', async () => {
    const ctx = setup()
    const { result } = renderHook(() => [useRoamingStore((s) => s.connected), useRoamingStore((s) => s.reconnecting)], { wrapper: ctx.wrapper })
    act(() => browserOnline(false))
    act(() => ctx.server.dropConnection(ctx.device))
    act(() => ctx.device.dispatch('onDisconnected', reconnectionFailed))
    expect(result.current).toEqual([false, true])
    // Back online: the SDK starts again by itself (its own `online` listener), then reconnects.
    act(() => browserOnline(true))
    expect(result.current).toEqual([false, true])
    act(() => ctx.server.restoreConnection(ctx.device))
    expect(result.current).toEqual([true, false])
    // A logout online stays a stop when the browser then goes offline.
    act(() => ctx.device.close())
    act(() => browserOnline(false))
    expect(result.current).toEqual([false, false])
    // A logout while offline is a stop too: the SDK does not come back from it by itself.
    await act(() => ctx.device.open({ user: 'alice', accessToken: 't' }))
    expect(result.current).toEqual([false, true])
    act(() => ctx.device.close())
    expect(result.current).toEqual([false, false])
  })

  it('tells why the SDK stopped (`stopReason`): a logout, each forced logout, a failure; null while up or reconnecting', async () => {
    const ctx = setup()
    const { result } = renderHook(() => [useRoamingStore((s) => s.connected), useRoamingStore((s) => s.reconnecting), useRoamingStore((s) => s.stopReason)], { wrapper: ctx.wrapper })
    const login = () => act(() => ctx.device.open({ user: 'alice', accessToken: 't' }))
    expect(result.current).toEqual([true, false, null])
    for (const reason of ['loggedInElsewhere', 'userRemoved', 'passwordChanged', 'kickedByOtherDevice'] as const) {
      act(() => ctx.server.signOut(ctx.device, reason))
      expect(result.current).toEqual([false, false, reason])
      await login()
      expect(result.current).toEqual([true, false, null])
    }
    act(() => ctx.device.close())
    expect(result.current).toEqual([false, false, 'loggedOut'])
    await login()
    act(() => ctx.server.expireToken(ctx.device))
    expect(result.current).toEqual([false, false, 'tokenExpired'])
    await login()
    act(() => ctx.server.dropConnection(ctx.device))
    expect(result.current).toEqual([false, true, null])
    act(() => ctx.device.dispatch('onDisconnected', reconnectionFailed))
    expect(result.current).toEqual([false, false, 'failed'])
  })

  it('is false at mount when the browser is offline (a reload without a network), true once it is back', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const ctx = setup()
    const { result } = renderHook(() => useRoamingStore((s) => s.connected), { wrapper: ctx.wrapper })
    expect(result.current).toBe(false)
    act(() => browserOnline(true))
    expect(result.current).toBe(true)
  })

  it('goes false as soon as the browser goes offline; back online, it waits for the SDK if that dropped too', () => {
    const ctx = setup()
    const { result } = renderHook(() => useRoamingStore((s) => s.connected), { wrapper: ctx.wrapper })
    act(() => browserOnline(false))
    expect(result.current).toBe(false)
    act(() => ctx.server.dropConnection(ctx.device))
    act(() => browserOnline(true))
    expect(result.current).toBe(false)
    act(() => ctx.server.restoreConnection(ctx.device))
    expect(result.current).toBe(true)
  })

  it('is false at mount while the SDK reconnects (no drop to hear), and the reconnection reads what failed meanwhile', async () => {
    const ctx = setup()
    ctx.server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    act(() => ctx.server.dropConnection(ctx.device))
    const { result } = renderHook(() => ({ connected: useRoamingStore((s) => s.connected), list: useConversationList() }), { wrapper: ctx.wrapper })
    expect(result.current.connected).toBe(false)
    await waitFor(() => expect(ctx.server.requests.some((r) => r.outcome === 'offline')).toBe(true))
    act(() => ctx.server.restoreConnection(ctx.device))
    expect(result.current.connected).toBe(true)
    await waitFor(() => expect(result.current.list.conversations.map((c) => c.conversationId)).toEqual(['bob']))
  })

  it('is false at mount before the login (a stop: logged out, not reconnecting), true with it, and the list the login allows is read', async () => {
    const ctx = setup()
    ctx.server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    const device = ctx.server.connect('alice', { open: false })
    const { result } = renderHook(() => ({
      connected: useRoamingStore((s) => s.connected), reconnecting: useRoamingStore((s) => s.reconnecting),
      stopReason: useRoamingStore((s) => s.stopReason), list: useConversationList(),
    }), { wrapper: providerFor(device) })
    expect([result.current.connected, result.current.reconnecting, result.current.stopReason]).toEqual([false, false, 'loggedOut'])
    await waitFor(() => expect(result.current.list.status).toBe('error'))
    await act(() => device.open({ user: 'alice', accessToken: 't' }))
    expect(result.current.connected).toBe(true)
    await waitFor(() => expect(result.current.list.conversations.map((c) => c.conversationId)).toEqual(['bob']))
  })

  it('mounted after the server signed the device out, says why at once; the login brings it back', async () => {
    const ctx = setup()
    ctx.server.signOut(ctx.device, 'loggedInElsewhere')
    const { result } = renderHook(() => [useRoamingStore((s) => s.connected), useRoamingStore((s) => s.reconnecting), useRoamingStore((s) => s.stopReason)], { wrapper: ctx.wrapper })
    expect(result.current).toEqual([false, false, 'loggedInElsewhere'])
    await act(() => ctx.device.open({ user: 'alice', accessToken: 't' }))
    expect(result.current).toEqual([true, false, null])
  })

  it('leaves no listener on the window once unmounted', () => {
    const ctx = setup()
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const { unmount } = renderHook(() => useRoamingStore((s) => s.connected), { wrapper: ctx.wrapper })
    unmount()
    const names = (calls: unknown[][]) => calls.map((c) => c[0]).filter((n) => n === 'online' || n === 'offline').sort()
    expect(names(add.mock.calls).length).toBeGreaterThan(0)
    expect(names(remove.mock.calls)).toEqual(names(add.mock.calls))
  })
})

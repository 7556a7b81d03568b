/**
 * RoamingProvider across logins on one connection: each user gets a store and a kit of their own, and the hooks read
 * their keys again, so nothing of one user shows to another.
 */
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import { StrictMode, useState, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import type { RoamingClient } from '../../src/client/types'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import { clearRoamingCache } from '../../src/provider/clearRoamingCache'
import { RoamingProvider } from '../../src/provider/RoamingProvider'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { newQueryClient, setup } from '../kit'

const ids = (list: { conversations: { conversationId: string }[] }) => list.conversations.map((c) => c.conversationId)

describe('RoamingProvider', () => {
  it('a login as another user on the same connection shows nothing of the first: not their list, nor their open conversation', async () => {
    const ctx = setup()
    ctx.server.sendMessage({ from: 'bob', to: 'alice', text: 'for alice' })
    ctx.server.sendMessage({ from: 'dave', to: 'carol', text: 'for carol' })
    const { result } = renderHook(() => ({
      list: useConversationList(),
      open: useRoamingStore((s) => s.activeConversation),
      setOpen: useRoamingStore((s) => s.setActiveConversation),
    }), { wrapper: ctx.wrapper })
    await waitFor(() => expect(ids(result.current.list)).toEqual(['bob']))
    act(() => result.current.setOpen({ conversationId: 'bob', chatType: 'singleChat' }))

    act(() => ctx.device.close())
    await act(() => ctx.device.open({ user: 'carol', accessToken: 't' }))
    expect(ids(result.current.list)).not.toContain('bob')
    expect(result.current.open).toBeNull()
    await waitFor(() => expect(ids(result.current.list)).toEqual(['dave']))

    // And back: alice's own list, read again (what she had is hers, and may have changed meanwhile).
    act(() => ctx.device.close())
    await act(() => ctx.device.open({ user: 'alice', accessToken: 't' }))
    expect(ids(result.current.list)).not.toContain('dave')
    await waitFor(() => expect(ids(result.current.list)).toEqual(['bob']))
  })

  it('a login as another user remounts the children: a draft typed by the first is not shown to the second; a reconnection keeps it', async () => {
    const ctx = setup()
    function Draft() {
      const [text, setText] = useState('')
      return <input aria-label="draft" value={text} onChange={(e) => setText(e.target.value)} />
    }
    render(<Draft />, { wrapper: ctx.wrapper })
    fireEvent.change(screen.getByRole('textbox', { name: 'draft' }), { target: { value: 'for bob, from alice' } })
    act(() => ctx.server.dropConnection(ctx.device))
    act(() => ctx.server.restoreConnection(ctx.device))
    expect(screen.getByRole('textbox', { name: 'draft' })).toHaveValue('for bob, from alice')
    act(() => ctx.device.close())
    await act(() => ctx.device.open({ user: 'carol', accessToken: 't' }))
    expect(screen.getByRole('textbox', { name: 'draft' })).toHaveValue('')
  })

  it('a new client of the same user keeps the store: the open conversation stays open', async () => {
    const ctx = setup()
    const queryClient = newQueryClient()
    let client: RoamingClient = createRoamingClient(ctx.device)
    const { result, rerender } = renderHook(() => ({
      open: useRoamingStore((s) => s.activeConversation),
      setOpen: useRoamingStore((s) => s.setActiveConversation),
    }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StrictMode><RoamingProvider client={client} queryClient={queryClient}>{children}</RoamingProvider></StrictMode>
      ),
    })
    act(() => result.current.setOpen({ conversationId: 'bob', chatType: 'singleChat' }))
    client = createRoamingClient(ctx.device)
    rerender()
    expect(result.current.open).toEqual({ conversationId: 'bob', chatType: 'singleChat' })
  })

  it('refuses bad persist options before anything is read or saved, naming the option and what it allows', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const ctx = setup()
    const mount = (persist: unknown) => () => render(<RoamingProvider connection={ctx.device} queryClient={ctx.queryClient} persist={persist as never}><p /></RoamingProvider>)
    expect(mount('yes')).toThrow(`RoamingProvider: invalid persist "yes"; expected true, false, or options { maxAge, buster, throttleMs, eraseOn }`)
    expect(mount({ maxAge: -1 })).toThrow('RoamingProvider: invalid persist.maxAge -1; expected an integer in [0, 9007199254740991]')
    expect(mount({ throttleMs: 1.5 })).toThrow(RoamingArgumentError)
    expect(mount({ buster: 3 })).toThrow('RoamingProvider: invalid persist.buster 3; expected a string')
    expect(mount({ eraseOn: ['loggedOut', 'logout'] })).toThrow(
      `RoamingProvider: invalid persist.eraseOn[1] "logout"; expected one of 'loggedOut', 'loggedInElsewhere', 'kickedByOtherDevice', 'passwordChanged', 'userRemoved', 'tokenExpired', 'failed'`)
    expect(mount({ eraseOn: 'loggedOut' })).toThrow(RoamingArgumentError)
    expect(ctx.server.requests).toHaveLength(0)
    expect(mount({ maxAge: 0, buster: 'b', throttleMs: 0, eraseOn: ['loggedOut', 'tokenExpired'] })).not.toThrow()
    spy.mockRestore()
    // Without IndexedDB (here jsdom, as in server rendering) nothing was saved, so there is nothing to erase.
    await expect(clearRoamingCache('alice')).resolves.toBeUndefined()
    await expect(clearRoamingCache('')).rejects.toThrow('clearRoamingCache: invalid userId ""; expected a user id, or nothing for every user')
  })
})

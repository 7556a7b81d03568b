/**
 * Read acks: the conversation open in the thread view is read on the server too (the conversation read ack), so its
 * unread count stays 0 through list reads and on the user's other devices.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { focusManager } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useDeleteConversation } from '../../src/hooks/useDeleteConversation'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { RoamingProvider } from '../../src/provider/RoamingProvider'
import type { SimulatedConnection } from '../../src/simulator/SimulatedConnection'
import { newQueryClient, providerFor, settled, setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' } as const

/** The conversation list of a device, the store's `setActiveConversation` and conversation deletion. */
const useDevice = () => ({ list: useConversationList(), open: useRoamingStore((s) => s.setActiveConversation), del: useDeleteConversation() })

/** The unread count of `id` on the server, as a fresh read of `device` sees it. */
async function serverUnread(device: SimulatedConnection, id: string): Promise<number | undefined> {
  const page = await device.getServerConversations({ pageSize: 50 })
  return page.data.conversations.find((c) => c.conversationId === id)?.unReadCount
}

/** Read acks the server received. */
const acks = (server: { requests: readonly { method: string; params: unknown }[] }) =>
  server.requests.filter((r) => r.method === 'send' && (r.params as { type?: string }).type === 'channel')

function laptopAndPhone() {
  const { server, device, queryClient, wrapper } = setup()
  const phone = server.connect('alice', { resource: 'phone' })
  for (let i = 0; i < 3; i++) server.sendMessage({ from: 'bob', to: 'alice', text: `b${i}` })
  server.sendMessage({ from: 'carol', to: 'alice', text: 'c' })
  const phoneQueries = newQueryClient()
  const laptop = renderHook(useDevice, { wrapper })
  const onPhone = renderHook(useDevice, { wrapper: providerFor(phone, phoneQueries) })
  const unread = (r: typeof laptop, id: string) => r.result.current.list.conversations.find((c) => c.conversationId === id)?.unreadCount
  return { server, device, phone, queryClient, phoneQueries, laptop, onPhone, unread }
}

afterEach(() => focusManager.setFocused(undefined))

describe('read acks', () => {
  it('opening a conversation with unread messages sends one ack: the count stays 0 after a list read, and the phone shows 0 without reading', async () => {
    const { server, device, queryClient, laptop, onPhone, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(3))
    server.clearRequests()

    act(() => laptop.result.current.open(bob))
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(0))
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(0))
    expect(acks(server)).toHaveLength(1)
    expect(acks(server)[0]).toMatchObject({ resource: device.clientResource, params: { to: 'bob', chatType: 'singleChat' } })
    // The phone learnt it from the ack's event, not from a list read.
    expect(server.requests.filter((r) => r.method === 'getServerConversations')).toEqual([])
    expect(await serverUnread(device, 'bob')).toBe(0)

    await act(() => laptop.result.current.list.refetch())
    await settled(queryClient)
    expect(unread(laptop, 'bob')).toBe(0)
    expect(unread(laptop, 'carol')).toBe(1)
    // Opening a conversation already read, or opening it again, sends nothing.
    act(() => laptop.result.current.open(null))
    act(() => laptop.result.current.open(bob))
    expect(acks(server)).toHaveLength(1)
  })

  it('messages from others while it is open are acked, two acks at most for a burst; own messages and other conversations are not', async () => {
    const { server, device, phone, queryClient, laptop, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    act(() => laptop.result.current.open(bob))
    await settled(queryClient)
    server.clearRequests()

    // Each ack takes 50 ms: the burst's later messages come while the first is out.
    server.configure({ latency: 50 })
    act(() => { for (let i = 0; i < 5; i++) server.sendMessage({ from: 'bob', to: 'alice', text: `burst${i}` }) })
    await waitFor(() => expect(acks(server)).toHaveLength(2), { timeout: 2000 })
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
    expect(acks(server)).toHaveLength(2)
    server.configure({ latency: 0 })
    expect(await serverUnread(device, 'bob')).toBe(0)

    await act(() => phone.send({ type: 'txt', to: 'bob', chatType: 'singleChat', msg: 'from my phone' }))
    act(() => { server.sendMessage({ from: 'carol', to: 'alice', text: 'c2' }) })
    await waitFor(() => expect(unread(laptop, 'carol')).toBe(2))
    await settled(queryClient)
    expect(acks(server)).toHaveLength(2)
    expect(unread(laptop, 'bob')).toBe(0)
  })

  it('a failed ack is sent again when a list read shows the open conversation with unread messages', async () => {
    const { server, device, queryClient, laptop, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    server.configure({ network: 'offline' })
    act(() => laptop.result.current.open(bob))
    await waitFor(() => expect(acks(server)).toHaveLength(1))
    expect(acks(server)[0]).toMatchObject({ outcome: 'offline' })
    server.configure({ network: 'online' })
    expect(await serverUnread(device, 'bob')).toBe(3)

    await act(() => laptop.result.current.list.refetch())
    await settled(queryClient)
    expect(acks(server)).toHaveLength(2)
    expect(unread(laptop, 'bob')).toBe(0)
    expect(await serverUnread(device, 'bob')).toBe(0)
  })

  it('opening an unlisted conversation acks it (its count is unknown); with readAcks={false}, counts clear on this device only', async () => {
    const { server, device, queryClient, laptop, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    server.clearRequests()
    act(() => laptop.result.current.open({ conversationId: 'dave', chatType: 'singleChat' }))
    await settled(queryClient)
    expect(acks(server).map((r) => (r.params as { to: string }).to)).toEqual(['dave'])

    const quiet = newQueryClient()
    const phone = server.connect('alice', { resource: 'tablet' })
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode><RoamingProvider connection={phone} queryClient={quiet} readAcks={false}>{children}</RoamingProvider></StrictMode>
    )
    const tablet = renderHook(useDevice, { wrapper })
    await waitFor(() => expect(unread(tablet, 'bob')).toBe(3))
    server.clearRequests()
    act(() => tablet.result.current.open(bob))
    await waitFor(() => expect(unread(tablet, 'bob')).toBe(0))
    await act(() => tablet.result.current.list.refetch())
    await settled(quiet)
    // Still read here while open, still unread on the server.
    expect(unread(tablet, 'bob')).toBe(0)
    expect(acks(server)).toEqual([])
    expect(await serverUnread(device, 'bob')).toBe(3)
  })

  it('while the page is hidden nothing is acked: the phone keeps its badge; one ack when the page shows, if the conversation is still open', async () => {
    const { server, device, queryClient, laptop, onPhone, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    act(() => laptop.result.current.open(bob))
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(0))
    await settled(queryClient)
    server.clearRequests()

    act(() => focusManager.setFocused(false))
    act(() => { for (let i = 0; i < 2; i++) server.sendMessage({ from: 'bob', to: 'alice', text: `away${i}` }) })
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(2))
    await settled(queryClient)
    expect(acks(server)).toEqual([])
    expect(await serverUnread(device, 'bob')).toBe(2)

    act(() => focusManager.setFocused(true))
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(0))
    expect(acks(server)).toHaveLength(1)

    // Closed while hidden: nothing is sent when the page shows.
    act(() => focusManager.setFocused(false))
    act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'later' }) })
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(1))
    act(() => laptop.result.current.open(null))
    act(() => focusManager.setFocused(true))
    await settled(queryClient)
    expect(acks(server)).toHaveLength(1)
    expect(await serverUnread(device, 'bob')).toBe(1)
  })

  // A list read started before another device read the conversation: the server read it before the read (its old
  // count must not come back), or after a newer message (which it counts, and which must stay counted).
  it.each([
    ['answered after the read, read by the server before it', { latency: 200 }],
    ['read by the server after the read and a newer message', { uplinkLatency: 200 }],
  ] as const)('a list read out when another device read the conversation: %s', async (_, slow) => {
    const { server, phoneQueries, laptop, onPhone, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(3))
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    server.configure(slow)
    act(() => onPhone.result.current.list.refetch())
    server.configure({ latency: 0, uplinkLatency: 0 })
    act(() => laptop.result.current.open(bob))
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(0))
    act(() => laptop.result.current.open(null))
    let after = ''
    act(() => { after = server.sendMessage({ from: 'bob', to: 'alice', text: 'after the read' }).id })
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(1))

    // The list read lands.
    await settled(phoneQueries)
    expect(onPhone.result.current.list.conversations.find((c) => c.conversationId === 'bob')?.lastMessage?.id).toBe(after)
    expect(unread(onPhone, 'bob')).toBe(1)
    expect(unread(onPhone, 'carol')).toBe(1)
  })

  it('messages that came while a list read was out and were then read on another device stay read when it lands', async () => {
    const { server, phoneQueries, laptop, onPhone, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(3))
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    server.configure({ latency: 200 })
    act(() => onPhone.result.current.list.refetch())
    server.configure({ latency: 0 })
    for (let i = 0; i < 2; i++) act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: `before the read ${i}` }) })
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(5))
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(5))
    act(() => laptop.result.current.open(bob))
    await waitFor(() => expect(unread(onPhone, 'bob')).toBe(0))
    await settled(phoneQueries)
    expect(unread(onPhone, 'bob')).toBe(0)
  })

  it('opened while its deletion is out, a refused deletion puts the conversation back without its old count', async () => {
    const { server, queryClient, laptop, unread } = laptopAndPhone()
    await waitFor(() => expect(unread(laptop, 'bob')).toBe(3))
    server.configure({ latency: 50, failureRate: 1 })
    let refused = false
    act(() => { laptop.result.current.del.deleteConversationAsync({ ...bob, deleteRoam: false }).catch(() => { refused = true }) })
    await waitFor(() => expect(unread(laptop, 'bob')).toBeUndefined())
    act(() => laptop.result.current.open(bob))
    await waitFor(() => expect(refused).toBe(true), { timeout: 3000 })
    server.configure({ latency: 0, failureRate: 0 })
    await settled(queryClient)
    expect(unread(laptop, 'bob')).toBe(0)
  })
})

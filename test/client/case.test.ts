import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import type { RoamingEvent } from '../../src/client/types'
import { createRoamingServer } from '../../src/testing'

afterEach(() => {
  vi.restoreAllMocks()
})

function make(user: string) {
  const server = createRoamingServer()
  const conn = server.connect(user)
  const warnings: string[] = []
  const client = createRoamingClient(conn, { warn: (m) => warnings.push(m) })
  return { server, conn, client, warnings }
}

describe('mixed-case user ids', () => {
  it('warns once about a mixed-case login id, however many calls are made', async () => {
    const { server, client, warnings } = make('Alice')
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    const page = await client.getConversations()
    await client.getConversations()
    await client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })
    await client.getPinnedConversations()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('"Alice"')
    expect(warnings[0]).toContain('the logged-in user id')
    expect(warnings[0]).toContain('lowercase')
    // The simulator (like the server, by default) reads ids case-insensitively: the list is there.
    expect(page.conversations.map((c) => c.conversationId)).toEqual(['bob'])
    expect(client.userId()).toBe('Alice')
  })

  it('warns once per mixed-case peer id, and never about lowercase ids or group ids', async () => {
    const { client, warnings } = make('alice')
    await client.getHistory({ conversationId: 'Bob', chatType: 'singleChat' })
    await client.getHistory({ conversationId: 'Bob', chatType: 'singleChat', direction: 'down' })
    await client.removeMessages({ conversationId: 'Bob', chatType: 'singleChat', messageIds: ['1'] })
    await client.pinConversation({ conversationId: 'CaRoL', chatType: 'singleChat', isPinned: true })
    await client.deleteConversation({ conversationId: 'CaRoL', chatType: 'singleChat', deleteRoam: false })
    await client.getHistory({ conversationId: 'dave', chatType: 'singleChat' })
    await client.getHistory({ conversationId: 'GroupA', chatType: 'groupChat' })
    await client.getHistory({ conversationId: 'ROOM', chatType: 'chatRoom' })
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('the peer user id "Bob"')
    expect(warnings[1]).toContain('the peer user id "CaRoL"')
  })

  it('never warns for a lowercase login and lowercase peers', async () => {
    const { server, client, warnings } = make('alice_01')
    server.sendMessage({ from: 'bob', to: 'alice_01', text: 'hi' })
    await client.getConversations()
    await client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })
    await client.getHistory({ conversationId: 'user-2.x', chatType: 'singleChat' })
    await client.getHistory({ conversationId: '123', chatType: 'singleChat' })
    expect(warnings).toEqual([])
  })

  it('an all-uppercase id is not "mixed" and does not warn', async () => {
    const { client, warnings } = make('ALICE')
    await client.getHistory({ conversationId: 'BOB', chatType: 'singleChat' })
    expect(warnings).toEqual([])
  })

  it('goes to console.warn by default', async () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const server = createRoamingServer()
    const client = createRoamingClient(server.connect('Alice'))
    await client.getConversations()
    await client.getConversations()
    expect(spy).toHaveBeenCalledTimes(1)
    expect(String(spy.mock.calls[0]![0])).toContain('"Alice"')
  })

  it('a message the mixed-case user sent from another device belongs to the peer', async () => {
    const { server, conn, client } = make('Alice')
    const events: RoamingEvent[] = []
    client.subscribe((e) => events.push(e))
    server.sendMessage({ from: 'alice', to: 'bob', text: 'from my phone' })
    await vi.waitFor(() => expect(events).toHaveLength(1))
    expect(events[0]).toMatchObject({ type: 'message', message: { conversationId: 'bob', from: 'alice', to: 'bob', text: 'from my phone' } })
    void conn
  })
})

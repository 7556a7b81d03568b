import { useEffect, useState } from 'react'
import { createRoamingClient, type Conversation, type RoamingClient } from '../src'
import { createRoamingServer } from '../src/testing'

/** Props of the simulator inspector. */
export interface SimulatorInspectorProps {
  /** Conversations to generate. */
  conversations: number
  /** Page size of the server conversation list, in [1, 50]. */
  pageSize: number
}

function useClient(conversations: number): RoamingClient {
  const [client] = useState(() => {
    const server = createRoamingServer({ latency: [40, 200], conversationLimit: Math.max(100, conversations) })
    server.generate({ user: 'alice', conversations })
    return createRoamingClient(server.connect('alice'))
  })
  return client
}

/**
 * A bare page of the simulator's server conversation list, read through `createRoamingClient`: the raw seam,
 * before hooks and components.
 */
export function SimulatorInspector({ conversations, pageSize }: SimulatorInspectorProps) {
  const client = useClient(conversations)
  const [items, setItems] = useState<Conversation[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    client.getConversations({ pageSize }).then((page) => live && setItems(page.conversations), (e: Error) => live && setError(e.message))
    return () => { live = false }
  }, [client, pageSize])
  if (error) return <p role="alert">{error}</p>
  if (!items) return <p aria-busy="true">Loading…</p>
  return (
    <ul aria-label="Conversations">
      {items.map((c) => (
        <li key={c.conversationId}>
          <strong>{c.conversationId}</strong> ({c.chatType}) {c.unreadCount > 0 ? `· ${c.unreadCount} unread` : ''}
          {' · '}{c.lastMessage?.type === 'txt' ? c.lastMessage.text : c.lastMessage ? `[${c.lastMessage.type}]` : 'no message'}
        </li>
      ))}
    </ul>
  )
}

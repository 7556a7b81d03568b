import { QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { RoamingProvider, useConversationList, useHistoryMessages, useRemoveHistoryMessages, useRoamingStore } from '../../src'
import type { RoamingPersistOptions } from '../../src'
import type { RoamingServer, SimulatedConnection } from '../../src/testing'

/** A bare app: the list, the open thread, and buttons to open the first conversation and delete a message. */
export function Screen() {
  const list = useConversationList({ pageSize: 20 })
  const active = useRoamingStore((s) => s.activeConversation)
  const open = useRoamingStore((s) => s.setActiveConversation)
  const connected = useRoamingStore((s) => s.connected)
  const first = list.conversations[0]
  return (
    <div>
      <output aria-label="connection">{connected ? 'online' : 'offline'}</output>
      <ul aria-label="conversations">{list.conversations.map((c) => <li key={c.conversationId}>{c.conversationId}</li>)}</ul>
      {first && <button onClick={() => open({ conversationId: first.conversationId, chatType: first.chatType })}>open first</button>}
      {active && <Thread id={active.conversationId} />}
    </div>
  )
}

function Thread({ id }: { id: string }) {
  const view = useHistoryMessages({ conversationId: id, chatType: 'singleChat', pageSize: 20 })
  const removal = useRemoveHistoryMessages()
  const fourth = view.messages[3]
  return (
    <>
      <ol aria-label="thread">{view.messages.map((m) => <li key={m.id} data-id={m.id}>{m.id}</li>)}</ol>
      {fourth && <button onClick={() => removal.remove({ conversationId: id, chatType: 'singleChat', messageIds: [fourth.id] })}>delete fourth</button>}
      <output aria-label="removal">{removal.status}</output>
    </>
  )
}

type Persist = RoamingPersistOptions & { throttleMs: number }

/** The app in StrictMode under a provider with `persist`, on a device of its own. */
export const appOn = (device: SimulatedConnection, persist: Persist) => (
  <StrictMode>
    <RoamingProvider connection={device} queryClient={new QueryClient()} persist={persist}>
      <Screen />
    </RoamingProvider>
  </StrictMode>
)

/** The app on a new device of `user`. */
export const app = (server: RoamingServer, user: string, persist: Persist) => appOn(server.connect(user), persist)


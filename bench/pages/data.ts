/** The simulator setup shared by kit and baseline pages: the same seeded data for both. */
import { createRoamingClient, type Conversation, type RoamingMessage } from '../../src/index'
import { createRoamingServer, type RoamingServer } from '../../src/testing'

export const PAGE = 50
export const PEER = 'bob'

export function threadServer(messages: number): RoamingServer {
  const server = createRoamingServer({ seed: 1, latency: 0 })
  server.generate({ user: 'alice', conversations: 20, bigConversation: { with: PEER, messages } })
  return server
}

export function listServer(conversations: number): RoamingServer {
  const server = createRoamingServer({ seed: 1, latency: 0, conversationLimit: conversations + 10 })
  server.generate({ user: 'alice', conversations, messagesPerConversation: 2 })
  return server
}

/** Every message of the big conversation, ascending, read with the plain client (not the hooks). */
export async function readAllMessages(server: RoamingServer): Promise<RoamingMessage[]> {
  const client = createRoamingClient(server.connect('alice'))
  const pages: RoamingMessage[][] = []
  let cursor: string | null = null
  for (;;) {
    const page = await client.getHistory({ conversationId: PEER, chatType: 'singleChat', pageSize: PAGE, direction: 'up', cursor })
    pages.push(page.messages)
    if (page.isLast || !page.nextCursor) break
    cursor = page.nextCursor
  }
  return pages.reverse().flat()
}

/** Every conversation, in server order, read with the plain client. */
export async function readAllConversations(server: RoamingServer): Promise<Conversation[]> {
  const client = createRoamingClient(server.connect('alice'))
  const out: Conversation[] = []
  let cursor: string | null = null
  for (;;) {
    const page = await client.getConversations({ pageSize: PAGE, cursor })
    out.push(...page.conversations)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return out
}

/** The newest message id of the big conversation. */
export async function newestId(server: RoamingServer): Promise<string> {
  const client = createRoamingClient(server.connect('alice'))
  const page = await client.getHistory({ conversationId: PEER, chatType: 'singleChat', pageSize: 1, direction: 'up' })
  return page.messages.at(-1)!.id
}

export const historyCalls = (server: RoamingServer, resource?: string) =>
  server.requests.filter((r) => r.method === 'getHistoryMessages' && (!resource || r.resource === resource))

/** Requests with the same method and parameters as an earlier one. */
export function duplicates(server: RoamingServer, method: string): number {
  const seen = new Set<string>()
  let dup = 0
  for (const r of server.requests) {
    if (r.method !== method) continue
    const key = `${r.resource}|${JSON.stringify(r.params)}`
    if (seen.has(key)) dup++
    seen.add(key)
  }
  return dup
}

/** Plain text of a message for baseline rows. */
export const plainText = (m: RoamingMessage) => (m.type === 'txt' ? m.text : `[${m.type}]`)

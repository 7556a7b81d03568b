import { createRoamingClient, type RoamingClientOptions } from '../../src/client/createRoamingClient'
import type { SdkConnection } from '../../src/client/sdkTypes'
import type { RoamingClient } from '../../src/client/types'
import { createRoamingServer, type RoamingServer, type RoamingServerOptions, type SimulatedConnection } from '../../src/testing'

/** A server, one logged-in device of `user` and a client over it. */
export function setup(opts: { user?: string; server?: RoamingServerOptions; client?: RoamingClientOptions } = {}): {
  server: RoamingServer
  conn: SimulatedConnection
  client: RoamingClient
} {
  const server = createRoamingServer(opts.server)
  const conn = server.connect(opts.user ?? 'alice')
  const client = createRoamingClient(conn, { warn: () => {}, ...opts.client })
  return { server, conn, client }
}

/** `n` text messages from `from` to `to`, oldest first; returns their server ids in send order. */
export function sendMany(server: RoamingServer, n: number, input: { from: string; to: string; chatType?: 'singleChat' | 'groupChat' }): string[] {
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push(server.sendMessage({ ...input, text: `m${i}` }).id)
  return ids
}

/** Requests the server received for one SDK method. */
export function requestsOf(server: RoamingServer, method: string): Array<Record<string, unknown>> {
  return server.requests.filter((r) => r.method === method).map((r) => r.params as Record<string, unknown>)
}

/**
 * A small hand-written connection: every method delegates to `conn`, except those in `overrides`. This is real
 * code, not a mock: the overrides are ordinary functions, typically throwing synchronously.
 */
export function wrapConnection(conn: SimulatedConnection, overrides: Partial<SdkConnection> = {}): SdkConnection {
  const base: SdkConnection = {
    get user() { return conn.user },
    get context() { return conn.context },
    getServerConversations: (p) => conn.getServerConversations(p),
    getServerPinnedConversations: (p) => conn.getServerPinnedConversations(p),
    getServerConversationsByFilter: (p) => conn.getServerConversationsByFilter(p),
    deleteAllMessagesAndConversations: () => conn.deleteAllMessagesAndConversations(),
    getConversationlist: (p) => conn.getConversationlist(p),
    getHistoryMessages: (o) => conn.getHistoryMessages(o),
    removeHistoryMessages: (o) => conn.removeHistoryMessages(o),
    deleteConversation: (p) => conn.deleteConversation(p),
    pinConversation: (p) => conn.pinConversation(p),
    addConversationMark: (p) => conn.addConversationMark(p),
    removeConversationMark: (p) => conn.removeConversationMark(p),
    send: (m) => conn.send(m),
    addEventHandler: (id, h) => conn.addEventHandler(id, h as never),
    removeEventHandler: (id) => conn.removeEventHandler(id),
  }
  return Object.assign(base, overrides)
}

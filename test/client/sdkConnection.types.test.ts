import type { AgoraChat } from 'agora-chat'
import type { EasemobChat } from 'easemob-websdk'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import type { SdkConnection, SdkEventHandler } from '../../src/client/sdkTypes'
import type { RoamingClient } from '../../src/client/types'
import { createRoamingServer, type SimulatedConnection } from '../../src/testing'

// Type-only values: no SDK is imported at run time, only its types.
declare const agoraConn: AgoraChat.Connection
declare const easemobConn: EasemobChat.Connection
declare const sdkConn: SdkConnection

// Checked by `tsc --noEmit -p tsconfig.json`; never called at run time.
export function typeChecks(): void {
  // A real agora-chat 1.4 connection and a real easemob-websdk 4.x connection are accepted as they are.
  expectTypeOf(createRoamingClient).toBeCallableWith(agoraConn)
  expectTypeOf(createRoamingClient).toBeCallableWith(easemobConn)
  expectTypeOf(createRoamingClient).toBeCallableWith(easemobConn, { maxIdsPerCall: 20, timeoutMs: 5000 })
  expectTypeOf<AgoraChat.Connection>().toExtend<SdkConnection>()
  expectTypeOf<EasemobChat.Connection>().toExtend<SdkConnection>()
  expectTypeOf<SimulatedConnection>().toExtend<SdkConnection>()
  expectTypeOf(createRoamingClient(agoraConn)).toEqualTypeOf<RoamingClient>()

  // Every callback the adapter registers is one both SDKs dispatch (a misspelt name would never be called).
  expectTypeOf<keyof SdkEventHandler>().toExtend<keyof AgoraChat.EventHandlerType>()
  expectTypeOf<keyof SdkEventHandler>().toExtend<keyof EasemobChat.EventHandlerType>()

  // Something that is not a connection is refused.
  // @ts-expect-error: a plain object lacks every SDK method.
  createRoamingClient({ user: 'alice' })
  // @ts-expect-error: the SDK module (`AC`) is not a connection; `new AC.connection(...)` is.
  createRoamingClient({ connection: class {}, message: {} })
  // @ts-expect-error: an option of the wrong type.
  createRoamingClient(agoraConn, { maxIdsPerCall: '20' })
  // Partial connections are refused too: removeHistoryMessages is missing.
  const { removeHistoryMessages: _omit, ...partial } = sdkConn
  // @ts-expect-error: not every method the adapter uses is there.
  createRoamingClient(partial)
}

describe('SdkConnection types', () => {
  it('the simulator connection, typed as the SDK slice, makes a working client', async () => {
    const server = createRoamingServer()
    const conn: SdkConnection = server.connect('alice')
    const client = createRoamingClient(conn)
    expect(client.userId()).toBe('alice')
    expect(await client.getConversations()).toEqual({ conversations: [], nextCursor: null })
    expect(typeof typeChecks).toBe('function')
  })
})

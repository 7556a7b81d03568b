import AC from 'agora-chat'
import type { SdkConnection } from '../src'

/** What the connect form asks for. */
export interface AgoraLogin {
  /** `org#app` app key, or an App ID. */
  appKey: string
  /** The user to log in as (lowercase). */
  userId: string
  /** A user token from your app server. */
  token: string
}

/** Opens a real `agora-chat` connection; only the demo imports the SDK (it is not part of the kit's bundle). */
export async function connectAgora({ appKey, userId, token }: AgoraLogin): Promise<SdkConnection & { close(): void }> {
  const connection = new AC.connection(appKey.includes('#') ? { appKey } : { appId: appKey })
  await connection.open({ user: userId, accessToken: token })
  return connection
}

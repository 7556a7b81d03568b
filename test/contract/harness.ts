/**
 * Contract-test harness: the REAL `agora-chat` 1.4.0 / `easemob-websdk` 4.21.1 connection, with only the network
 * faked at the `XMLHttpRequest` boundary. Nothing of the SDK is patched or stubbed: the connection is put in the
 * state its own login leaves it in (the fields `ne()` and the accessToken branch of its login set, plus `logOut`
 * and the resource the socket provision would assign), and every REST answer is a fake server's HTTP reply that
 * the SDK's own XHR code parses.
 */
import AC from 'agora-chat'
import EM from 'easemob-websdk'

// ---------------------------------------------------------------------------------------------------------------
// The two SDKs
// ---------------------------------------------------------------------------------------------------------------

export type SdkName = 'agora-chat' | 'easemob-websdk'

/** What a test needs of one SDK package. Typed loosely: the packages' own types do not list the runtime fields. */
export interface SdkUnderTest {
  name: SdkName
  /** `new connection(...)` options as an app would pass them. */
  init: Record<string, string>
  /** The app key the server (DNS for agora, the init option for easemob) yields. */
  appKey: string
  /** The module object (`{ connection, message, utils, logger, statusCode }`). */
  module: RealSdkModule
  /** The code a call rejects with before login (§4.1 / §3.9): 39 for appId init, 700 for appKey init. */
  notLoggedInCode: number
  /** agora-chat 1.4.0 `getHistoryMessages` never settles before login; easemob rejects. */
  historyHangsWhenLoggedOut: boolean
}

export interface RealSdkModule {
  connection: new (options: Record<string, unknown>) => RealConnection
  message: { create(options: Record<string, unknown>): Record<string, unknown> }
  logger: { disableAll(): void; enableAll(): void }
  statusCode: Record<string, number>
}

/** The runtime fields of a real connection this harness reads or sets (the same ones the SDK's login sets). */
export type RealConnection = Record<string, any> & {
  context: Record<string, any>
  eventHandler: { handlerData: Record<string, Record<string, ((p: unknown) => void) | undefined>>; dispatch(name: string, payload: unknown): void }
  root: { lookup(name: string): ProtoType }
}

/** The slice of a protobuf.js `Type` used to encode history pages with the SDK's own schema. */
export interface ProtoType {
  create(props: Record<string, unknown>): unknown
  encode(message: unknown): { finish(): Uint8Array }
  decode(bytes: Uint8Array | number[]): Record<string, any>
  values?: Record<string, number>
}

// Vite's CJS interop honours agora-chat's `__esModule` (default = the SDK object); easemob sets module.exports
// directly, so its default import is module.exports itself. Both end up as `{ connection, … }` (spec §1).
const agora = AC as unknown as RealSdkModule
const easemob = EM as unknown as RealSdkModule

export const SDKS: readonly SdkUnderTest[] = [
  {
    name: 'agora-chat', init: { appId: 'test-app-id' }, appKey: 'org1#app1', module: agora,
    notLoggedInCode: 39, historyHangsWhenLoggedOut: true,
  },
  {
    name: 'easemob-websdk', init: { appKey: 'org1#app1' }, appKey: 'org1#app1', module: easemob,
    notLoggedInCode: 700, historyHangsWhenLoggedOut: false,
  },
]

export const API_URL = 'https://a1.example.test'

/** A real connection, its logger silenced. Constructing it starts the SDK's 60 s "governor" interval. */
export function newConnection(sdk: SdkUnderTest): RealConnection {
  sdk.module.logger.disableAll()
  return new sdk.module.connection({ ...sdk.init, isHttpDNS: false })
}

/**
 * Puts a real connection in the state a successful `open({ user, accessToken })` leaves it in, without a server:
 * - what the DNS answer sets (`apiUrl`, and for appId init `appKey`/`orgName`/`appName`, `oe()` in the JS);
 * - the accessToken branch of login (`this.user`, `this.token`, `context.accessToken`, `grantType`, `Q()`);
 * - `ne()`: `context.jid`, `context.root`, `context.userId`, `context.appKey/appName/orgName`;
 * - what the socket provision sets: `clientResource` (also in `context.jid`), `logOut = false`.
 * The login check of every roaming method (`dO()` in agora, `St()` in easemob) reads only `context.appName`,
 * `context.orgName` and `context.accessToken`.
 */
export function fakeLogin(conn: RealConnection, sdk: SdkUnderTest, user: string, resource = 'web_device_a'): void {
  const [org, app] = sdk.appKey.split('#') as [string, string]
  conn.apiUrl = API_URL
  conn.appKey = sdk.appKey
  conn.orgName = org
  conn.appName = app
  conn.user = user
  conn.token = 'fake-token'
  conn.grantType = 'accessToken'
  conn.clientResource = resource
  conn.logOut = false
  conn.context.jid = { appKey: sdk.appKey, name: user, domain: conn.domain, clientResource: resource }
  conn.context.root = conn.root
  conn.context.userId = user
  conn.context.appKey = sdk.appKey
  conn.context.appName = app
  conn.context.orgName = org
  conn.context.accessToken = 'fake-token'
  conn.context.restTokenData = 'fake-token'
}

export { installNetwork, json, restError } from './network'
export type { Reply, Responder, SentRequest } from './network'

// ---------------------------------------------------------------------------------------------------------------
// Server payloads
// ---------------------------------------------------------------------------------------------------------------

/** One message of a fake history page or `meta`. */
export interface ServerMessage {
  id: string
  time: number
  from: string
  to: string
  chatType: 'singleChat' | 'groupChat'
  kind: 'txt' | 'custom' | 'img'
  text?: string
  customEvent?: string
  url?: string
  ext?: Record<string, string>
}

/**
 * A message as the server stores it: an `easemob.pb.Meta` (ns CHAT) wrapping an `easemob.pb.MessageBody`, both
 * encoded with the schema the SDK itself decodes with (`connection.prototype.root`, protobuf.js).
 */
export function encodeMeta(root: RealConnection['root'], m: ServerMessage, appKey: string): string {
  const Meta = root.lookup('easemob.pb.Meta')
  const Body = root.lookup('easemob.pb.MessageBody')
  const jid = (name: string, group: boolean) => ({ appKey, name, domain: group ? 'conference.easemob.com' : 'easemob.com' })
  const content =
    m.kind === 'txt' ? { type: 0, text: m.text ?? '' }
      : m.kind === 'img' ? { type: 1, remotePath: m.url ?? '', displayName: 'a.png', size: { width: 640, height: 480 } }
        : { type: 7, customEvent: m.customEvent ?? '', customExts: [] }
  const group = m.chatType === 'groupChat'
  const body = Body.create({
    type: group ? 2 : 1,
    from: jid(m.from, false),
    to: jid(m.to, group),
    contents: [content],
    ext: Object.entries(m.ext ?? {}).map(([key, value]) => ({ key, type: 7, stringValue: value })),
  })
  const payload = Body.encode(body).finish()
  const meta = Meta.create({
    id: longOf(m.id), from: jid(m.from, false), to: jid(m.to, group), timestamp: longOf(String(m.time)), ns: 1, payload,
  })
  const bytes = Meta.encode(meta).finish()
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** A uint64 as protobuf.js takes it without the `long` package: `{ low, high, unsigned }`. */
function longOf(decimal: string): { low: number; high: number; unsigned: boolean } {
  const v = BigInt(decimal)
  return { low: Number(v & 0xffffffffn) | 0, high: Number((v >> 32n) & 0xffffffffn) | 0, unsigned: true }
}

/** The JSON answer of `POST …/messageroaming`: `{ data: { msgs: [{ msg: base64 Meta }], next_key, is_last } }`. */
export function historyAnswer(root: RealConnection['root'], appKey: string, messages: ServerMessage[], nextKey: string | undefined, isLast: boolean) {
  return {
    action: 'post', path: '/messageroaming', timestamp: 1_700_000_000_000, duration: 3,
    data: { msgs: messages.map((m) => ({ msg: encodeMeta(root, m, appKey) })), ...(nextKey !== undefined ? { next_key: nextKey } : {}), is_last: isLast },
  }
}

/**
 * The REST `meta` of a conversation's last message (`getServerConversations` / legacy list): JSON with the
 * payload as a JSON string, parsed by the SDK's `h.h()`.
 */
export function restMeta(m: ServerMessage) {
  const payload = {
    from: m.from, to: m.to,
    bodies: m.kind === 'txt' ? [{ type: 'txt', msg: m.text ?? '' }] : [{ type: 'custom', customEvent: m.customEvent ?? '', customExts: [] }],
    ext: m.ext ?? {},
    type: m.chatType === 'singleChat' ? 'chat' : 'groupchat',
  }
  return { id: m.id, from: m.from, to: m.to, timestamp: m.time, payload: JSON.stringify(payload) }
}

/** A `channel_infos` entry of `GET …/sdk/user/{u}/user_channels/list`. */
export function channelInfo(c: { id: string; group?: boolean; pinnedAt?: number; unread?: number; last?: ServerMessage; marks?: string[] }) {
  return {
    session_to: c.id,
    session_type: c.group ? 'groupchat' : 'chat',
    unread_num: c.unread ?? 0,
    is_top: c.pinnedAt !== undefined,
    update_top_status_time: c.pinnedAt ?? 0,
    meta: c.last ? restMeta(c.last) : {},
    ...(c.marks ? { marks: c.marks } : {}),
  }
}

/** Waits for the SDK's promise chains (microtasks and the fake XHR answer) without advancing fake time. */
export async function flush(times = 20): Promise<void> {
  for (let i = 0; i < times; i++) await Promise.resolve()
}

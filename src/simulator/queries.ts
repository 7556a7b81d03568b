import type { SdkChatType, SdkHistoryParams, SdkHistoryResult } from '../client/sdkTypes'
import { ajaxError } from './ErrorEvent'
import type { ListedConversation, StoredMessage, UserConversation } from './RoamingState'
import type { ServerCore } from './ServerCore'
import { toConversationItem, toLegacyChannel, toSdkBody } from './sdkShapes'

const SEVEN_DAYS = 7 * 24 * 3600 * 1000

/** The server's reading of a page size: `[1, max]`, above it clamped or rejected as configured. */
function pageSizeOf(core: ServerCore, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw ajaxError(`invalid page size: ${String(value)}`)
  if (value <= max) return value
  if (core.behaviour.oversizedPageSize === 'reject') throw ajaxError(`page size must not exceed ${max}`)
  return max
}

// The list cursor names the last item's sort position, so it stays valid while other conversations move.
const encodeCursor = (key: number, id: string) => btoa(encodeURIComponent(`${key}|${id}`))
function decodeCursor(cursor: string): { key: number; id: string } {
  try {
    const text = decodeURIComponent(atob(cursor))
    const bar = text.indexOf('|')
    const key = Number(text.slice(0, bar))
    if (bar > 0 && Number.isFinite(key)) return { key, id: text.slice(bar + 1) }
  } catch {
    // fall through to the error below
  }
  throw ajaxError('invalid cursor')
}

/** A page of `getServerConversations` / `getServerPinnedConversations` (the `data` of the envelope). */
export function conversationPage(
  core: ServerCore, user: string,
  q: { limit: number; cursor: string; pinnedOnly: boolean; includeEmpty: boolean; mark?: number; maxPageSize?: number },
) {
  const size = pageSizeOf(core, q.limit, q.maxPageSize ?? 50)
  let list = core.state.list(user, { pinnedOnly: q.pinnedOnly, includeEmpty: q.includeEmpty, limit: core.behaviour.conversationLimit })
  // `getServerConversationsByFilter({filter: {mark}})`: the marked conversations, in list order.
  if (q.mark !== undefined) list = list.filter((c) => c.uc.marks.includes(q.mark as number))
  const keyOf = (c: ListedConversation) => (q.pinnedOnly ? c.uc.pinnedTime : c.activity)
  let start = 0
  if (q.cursor !== '') {
    const at = decodeCursor(q.cursor)
    start = list.findIndex((c) => keyOf(c) < at.key || (keyOf(c) === at.key && c.uc.conversationId > at.id))
    if (start < 0) start = list.length
  }
  const page = list.slice(start, start + size)
  const last = page[page.length - 1]
  const more = start + size < list.length
  return { conversations: page.map(toConversationItem), cursor: more && last ? encodeCursor(keyOf(last), last.uc.conversationId) : '' }
}

/** The legacy `getConversationlist` answer: raw server JSON plus `type: 0`. */
export function legacyList(core: ServerCore, user: string, params: { pageNum?: unknown; pageSize?: unknown }) {
  const { pageNum, pageSize } = params ?? {}
  const list = core.state.list(user, { pinnedOnly: false, includeEmpty: false, limit: core.behaviour.conversationLimit })
  const paged = typeof pageNum === 'number' && pageNum > 0 && typeof pageSize === 'number' && pageSize > 0
  let items: ListedConversation[]
  if (paged) {
    const size = Math.min(Math.floor(pageSize), 20)
    items = list.slice((Math.floor(pageNum) - 1) * size, Math.floor(pageNum) * size)
  } else {
    // The unpaged endpoint: "the last ten conversations in the past seven days".
    const since = core.clock.now() - SEVEN_DAYS
    items = list.filter((c) => c.activity >= since).slice(0, 10)
  }
  const [organization = '', application = ''] = core.appKey.split('#')
  const path = `/users/${user}/user_channels${paged ? '/page' : ''}`
  return {
    type: 0, action: 'get', path, uri: `https://a1.simulator.invalid/${organization}/${application}${path}`, entities: [],
    timestamp: core.clock.now(), duration: 0, organization, application, applicationName: application,
    data: { channel_infos: items.map((c) => toLegacyChannel(c, core.appKey)) },
  }
}

/** One history page: newest first for `up`, oldest first for `down`; exclusive cursor unless configured. */
export function historyPage(core: ServerCore, user: string, o: SdkHistoryParams): SdkHistoryResult {
  const chatType: SdkChatType = o.chatType === 'singleChat' ? 'singleChat' : o.chatType === 'chatRoom' ? 'chatRoom' : 'groupChat'
  const target = core.normalizeId(o.targetId)
  const pageSize = pageSizeOf(core, o.pageSize === undefined ? 20 : o.pageSize, 50)
  const thread = core.state.findThread(chatType, user, target)
  const uc: UserConversation | undefined = core.state.findView(user, chatType, target)
  const messages = thread?.messages ?? []
  const up = o.searchDirection !== 'down'
  const cursor = o.cursor === undefined ? -1 : o.cursor
  let i: number
  if (cursor === -1 || cursor === '-1' || cursor === '' || cursor === null) {
    i = up ? messages.length - 1 : 0
  } else {
    const at = thread?.positions.get(String(cursor))
    if (at === undefined) throw ajaxError(`invalid cursor: ${String(cursor)}`)
    const step = core.behaviour.cursorInclusive ? 0 : 1
    i = up ? at - step : at + step
  }
  const s = o.searchOptions ?? {}
  const from = chatType === 'singleChat' || !s.from ? null : core.normalizeId(s.from)
  const types = s.msgTypes && s.msgTypes.length > 0 ? new Set<string>(s.msgTypes) : null
  const startTime = typeof s.startTime === 'number' ? s.startTime : -Infinity
  const endTime = typeof s.endTime === 'number' ? s.endTime : Infinity
  const cleared = uc?.clearedThrough ?? 0
  // One message more than asked tells whether a full page is the last one (when `fullLastPage` is 'lookahead').
  const want = core.behaviour.fullLastPage === 'lookahead' ? pageSize + 1 : pageSize
  const page: StoredMessage[] = []
  const at: number[] = []
  for (; i >= 0 && i < messages.length && page.length < want; i += up ? -1 : 1) {
    const m = messages[i] as StoredMessage
    // Nothing older than the cleared time or the start time can match: stop walking up.
    if (up && (m.time <= cleared || m.time < startTime)) break
    if (!up && m.time > endTime) break
    if (m.time <= cleared || m.time < startTime || m.time > endTime || uc?.removedIds.has(m.id)) continue
    if ((from && m.from !== from) || (types && !types.has(m.type))) continue
    page.push(m)
    at.push(i)
  }
  let isLast = page.length < want
  if (page.length > pageSize) {
    page.length = pageSize
    at.length = pageSize
  }
  if (isLast) return { cursor: undefined, messages: page.map((m) => toSdkBody(m, 'history')), isLast }
  // §6.11: following the returned cursor must continue "without overlap or gaps". An exclusive cursor names the
  // page's last message; an inclusive one (`cursorInclusive`) must name the first message *after* the page, or
  // every page would repeat its predecessor's boundary message. When no message follows (possible only with
  // `fullLastPage: 'shortPageOnly'`), an inclusive server has no key to name, so it reports the end.
  let nextKey = (page[page.length - 1] as StoredMessage).id
  if (core.behaviour.cursorInclusive) {
    const next = messages[(at[at.length - 1] as number) + (up ? -1 : 1)]
    if (next) nextKey = next.id
    else isLast = true
  }
  return { cursor: isLast ? undefined : nextKey, messages: page.map((m) => toSdkBody(m, 'history')), isLast }
}

import type { ChatType, Conversation, ConversationType, RoamingMessage } from '../../src/client/types'
import type { ConversationListData } from '../../src/query/conversationPages'
import type { HistoryData, HistoryPageParam, HistoryQueryPage } from '../../src/query/historyPages'

/** Server ids are 64-bit decimals: `1100000000000000001`, `…002`, … (19 digits, so string order is numeric order). */
export const ID_BASE = 1_100_000_000_000_000_000n
export const idOf = (n: number): string => (ID_BASE + BigInt(n)).toString()

/** The time of message `n`: one second apart from a fixed origin. */
export const T0 = 1_700_000_000_000
export const timeOf = (n: number): number => T0 + n * 1_000

/** A text message `n` from bob to alice (time `timeOf(n)`, id `idOf(n)` unless overridden). */
export function msg(n: number, over: Partial<Omit<RoamingMessage, 'type'>> & { text?: string } = {}): RoamingMessage {
  return {
    id: idOf(n),
    type: 'txt',
    text: over.text ?? `m${n}`,
    conversationId: 'bob',
    chatType: 'singleChat',
    from: 'bob',
    to: 'alice',
    time: timeOf(n),
    ext: {},
    ...over,
  } as RoamingMessage
}

/** Messages `from..to` inclusive. */
export const msgs = (from: number, to: number, over: Partial<Omit<RoamingMessage, 'type'>> = {}): RoamingMessage[] =>
  Array.from({ length: to - from + 1 }, (_, i) => msg(from + i, over))

/** A history page. */
export function page(messages: RoamingMessage[], over: Partial<HistoryQueryPage> = {}): HistoryQueryPage {
  return { messages, olderCursor: null, newerCursor: null, ...over }
}

/** History data from [pageParam, page] pairs, in view order (oldest page first). */
export function history(...entries: Array<[HistoryPageParam, HistoryQueryPage]>): HistoryData {
  return { pages: entries.map(([, p]) => p), pageParams: entries.map(([pp]) => pp) }
}

export const latest: HistoryPageParam = { kind: 'latest' }
export const older = (cursor: string): HistoryPageParam => ({ kind: 'older', cursor })
export const newer = (cursor: string): HistoryPageParam => ({ kind: 'newer', cursor })
export const around = (anchorId: string): HistoryPageParam => ({ kind: 'around', anchorId })

/** The ids of messages, for readable assertions. */
export const ids = (list: readonly { id: string }[]): string[] => list.map((m) => m.id)

/** A conversation with `peer`, whose last message is message `n` (or none when `n` is null). */
export function conv(peer: string, n: number | null, over: Partial<Conversation> = {}): Conversation {
  const chatType: ConversationType = over.chatType ?? 'singleChat'
  return {
    conversationId: peer,
    chatType,
    isPinned: false,
    pinnedTime: 0,
    lastMessage: n === null ? null : msg(n, { conversationId: peer, chatType, from: peer, to: 'alice' }),
    unreadCount: 0,
    marks: [],
    ...over,
  }
}

/** A message in conversation `peer` (of `chatType`), sent by `from`. */
export function incoming(n: number, peer: string, opts: { from?: string; chatType?: ChatType } = {}): RoamingMessage {
  return msg(n, { conversationId: peer, chatType: opts.chatType ?? 'singleChat', from: opts.from ?? peer, to: 'alice' })
}

/** Conversation list data: one entry per page; `nextCursor` of every page but the last is `c<i>`. */
export function convList(...pages: Conversation[][]): ConversationListData {
  return {
    pages: pages.map((conversations, i) => ({ conversations, nextCursor: i < pages.length - 1 ? `c${i + 1}` : null })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
  }
}

/** `conversationId`s of a list, for readable assertions. */
export const peers = (list: readonly Conversation[]): string[] => list.map((c) => c.conversationId)

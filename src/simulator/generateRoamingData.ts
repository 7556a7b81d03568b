import type { MessageType } from '../client/types'
import { createRandom, type Random } from './random'
import type { ServerCore } from './ServerCore'
import { makeStoredMessage, type SendMessageInput } from './storeMessage'

/** Options of `server.generate`. */
export interface GenerateOptions {
  /** The user whose conversations are generated. */
  user: string
  /** Conversations to create, at most the server's `conversationLimit`. @default 20 */
  conversations?: number
  /** Share of group conversations, in [0, 1]. @default 0.25 */
  groupShare?: number
  /** Messages per conversation: fixed or `[min, max]`. @default [5, 40] */
  messagesPerConversation?: number | readonly [number, number]
  /** One more single chat with this many messages (e.g. 100000), with `with` as the peer. */
  bigConversation?: { with?: string; messages: number }
  /** How far back history goes, in days. @default 30 */
  days?: number
  /** Share of conversations left with unread messages. @default 0.3 */
  unreadShare?: number
  /** Seed of this generation. @default 7 */
  seed?: number
}

/** What `generate` created. */
export interface GenerateResult {
  /** The generated conversations. */
  conversations: Array<{ conversationId: string; chatType: 'singleChat' | 'groupChat'; messages: number }>
  /** Messages created in all. */
  messages: number
}

const NAMES = ['wei', 'emma', 'liang', 'sofia', 'hiroshi', 'amara', 'noah', 'mei', 'lucas', 'priya', 'omar', 'ines', 'jun', 'olga', 'ravi', 'lena']
const WORDS_EN = 'sure thanks meeting tomorrow lunch the report is ready can you check draft sounds good see you at ten let me know when deploy finished photo trip weekend coffee later ok great idea'.split(' ')
const WORDS_ZH = ['好的', '明天', '开会', '收到', '谢谢', '没问题', '晚上', '吃饭', '文件', '已经', '发给你', '看一下', '周末', '出发']
const COLORS = ['4f7cff', 'ff8a4f', '3cb371', 'c471ed', 'f7b731', '20bf6b', 'eb3b5a']
const SIZES: ReadonlyArray<readonly [number, number]> = [[640, 480], [480, 640], [800, 450], [512, 512], [1080, 1350]]
const FILES = ['report-q3.pdf', 'design.fig', 'notes.txt', 'photos.zip', '合同.docx', 'budget.xlsx']

/** A self-contained image (an SVG data URL): no network needed to render it. */
const imageUrl = (w: number, h: number, color: string, label: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#${color}"/><text x="50%" y="50%" font-size="${Math.round(h / 8)}" text-anchor="middle" fill="#fff">${label}</text></svg>`)}`

function content(r: Random, n: number): Omit<SendMessageInput, 'from' | 'to' | 'chatType'> {
  const roll = r.next()
  const type: MessageType = roll < 0.8 ? 'txt' : roll < 0.88 ? 'img' : roll < 0.93 ? 'file' : roll < 0.98 ? 'custom' : 'loc'
  if (type === 'img') {
    const [w, h] = r.pick(SIZES)
    return { type, url: imageUrl(w, h, r.pick(COLORS), `#${n}`), width: w, height: h, fileSize: w * h }
  }
  if (type === 'file') return { type, url: `https://files.example.com/${n}`, filename: r.pick(FILES), fileSize: r.int(1_000, 9_000_000) }
  if (type === 'custom') return { type, customEvent: r.pick(['userCard', 'poll', 'location']), customExts: { n, title: r.pick(WORDS_EN) } }
  if (type === 'loc') return { type }
  const zh = r.next() < 0.3
  const words = Array.from({ length: r.int(1, 12) }, () => (zh ? r.pick(WORDS_ZH) : r.pick(WORDS_EN)))
  const link = r.next() < 0.04 ? ` https://example.com/p/${n}` : ''
  return { type, text: `${words.join(zh ? '' : ' ')}${link}` }
}

/**
 * Adds seeded, realistic conversations for `options.user` straight into the server state (no requests, no pushes):
 * 100k messages take well under a second. Times lie in the past `days`; live messages come after them.
 */
export function generateRoamingData(core: ServerCore, options: GenerateOptions): GenerateResult {
  const { state, clock } = core
  const me = core.normalizeId(options.user)
  const count = options.conversations ?? 20
  if (!Number.isInteger(count) || count < 0 || count > core.behaviour.conversationLimit) {
    throw new RangeError(`generate: conversations ${count} is invalid; expected an integer in [0, ${core.behaviour.conversationLimit}] (raise the server's conversationLimit for more)`)
  }
  const r = createRandom(options.seed ?? 7)
  const now = clock.now()
  const span = (options.days ?? 30) * 86_400_000
  const per = options.messagesPerConversation ?? [5, 40]
  const result: GenerateResult = { conversations: [], messages: 0 }
  const plans: Array<{ id: string; chatType: 'singleChat' | 'groupChat'; n: number; peers: string[] }> = []
  for (let i = 0; i < count; i++) {
    const group = r.next() < (options.groupShare ?? 0.25)
    const n = typeof per === 'number' ? per : r.int(per[0], per[1])
    if (group) {
      const id = String(200_000_000_000 + i)
      const peers = Array.from({ length: r.int(2, 6) }, (_, k) => `${r.pick(NAMES)}${(i * 7 + k) % 997}`)
      state.groups.set(id, new Set([me, ...peers]))
      plans.push({ id, chatType: 'groupChat', n, peers })
    } else {
      const peer = `${NAMES[i % NAMES.length]}${String(Math.floor(i / NAMES.length)).padStart(2, '0')}`
      plans.push({ id: peer, chatType: 'singleChat', n, peers: [peer] })
    }
  }
  if (options.bigConversation) {
    const peer = core.normalizeId(options.bigConversation.with ?? 'archive')
    plans.push({ id: peer, chatType: 'singleChat', n: options.bigConversation.messages, peers: [peer] })
  }
  for (const plan of plans) {
    // Each thread ends somewhere in the span and its messages go back from there, oldest first.
    const end = now - 60_000 - Math.floor(r.next() * span * 0.9)
    const gap = Math.max(1, Math.floor((span * 0.1 + (now - 60_000 - end)) / Math.max(plan.n, 1) / 2))
    const after = (state.findThread(plan.chatType, me, plan.id)?.messages.at(-1)?.time ?? 0) + 1
    let time = Math.max(end - plan.n * gap, after)
    const batch = []
    for (let k = 0; k < plan.n; k++) {
      const mine = r.next() < 0.4
      const from = mine ? me : (plan.chatType === 'singleChat' ? plan.id : r.pick(plan.peers))
      time += r.int(1, gap * 2)
      batch.push(makeStoredMessage(core, { from, to: plan.chatType === 'singleChat' ? (mine ? plan.id : me) : plan.id, chatType: plan.chatType, ...content(r, k) }, time))
    }
    // Random gaps can add up past `end`, even past now: pull the thread back so history never lies in the future.
    const first = batch[0]
    const shift = first ? Math.min(Math.max(0, time - end), first.time - after) : 0
    for (const m of batch) {
      m.time -= shift
      state.append(m)
      state.noteTime(m.time)
    }
    // Unread: the trailing run of others' messages, in a share of conversations; peers have read everything.
    const messages = state.findThread(plan.chatType, me, plan.id)?.messages ?? []
    let trailing = 0
    for (let k = messages.length - 1; k >= 0 && messages[k]?.from !== me; k--) trailing++
    for (const user of state.members(plan.chatType, me, plan.id)) {
      const uc = state.findView(user, plan.chatType, user === me || plan.chatType === 'groupChat' ? plan.id : me)
      if (uc) uc.unread = user === me && r.next() < (options.unreadShare ?? 0.3) ? Math.min(trailing, 99) : 0
    }
    result.conversations.push({ conversationId: plan.id, chatType: plan.chatType, messages: plan.n })
    result.messages += plan.n
  }
  state.touch()
  return result
}

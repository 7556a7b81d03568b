import type { SdkConversationItem, SdkLegacyChannel, SdkMessageBody } from '../client/sdkTypes'
import type { ListedConversation, StoredMessage } from './RoamingState'

/**
 * A stored message in the shape the SDK produces (`shared/spec/agora-sdk.md` §3.8): `id` a decimal string, `time`
 * a number, `ext` always present; history and live bodies carry `onlineState: 3`, a server `lastMessage` does not.
 */
export function toSdkBody(m: StoredMessage, where: 'history' | 'live' | 'lastMessage'): SdkMessageBody {
  const body: SdkMessageBody & Record<string, unknown> = {
    id: m.id, type: m.type, chatType: m.chatType, from: m.from, to: m.to, time: m.time, ext: { ...m.ext },
  }
  switch (m.type) {
    case 'txt':
      body.msg = m.msg ?? ''
      break
    case 'img':
      body.url = m.url ?? ''
      if (m.thumb) body.thumb = m.thumb
      if (m.width) body.width = m.width
      if (m.height) body.height = m.height
      if (m.fileLength) body.file_length = m.fileLength
      break
    case 'file':
    case 'audio':
    case 'video':
      body.url = m.url ?? ''
      if (m.filename) body.filename = m.filename
      if (m.fileLength) body.file_length = m.fileLength
      break
    case 'custom':
      body.customEvent = m.customEvent ?? ''
      body.params = {}
      body.customExts = { ...(m.customExts ?? {}) }
      break
    default:
      break
  }
  if (where !== 'lastMessage') body.onlineState = 3
  return body
}

/** A `ConversationItem` of `getServerConversations`. */
export function toConversationItem(c: ListedConversation): SdkConversationItem {
  return {
    conversationId: c.uc.conversationId,
    conversationType: c.uc.chatType === 'groupChat' ? 'groupChat' : 'singleChat',
    isPinned: c.uc.isPinned,
    pinnedTime: c.uc.isPinned ? c.uc.pinnedTime : 0,
    lastMessage: c.last ? toSdkBody(c.last, 'lastMessage') : null,
    unReadCount: c.uc.unread,
    // The SDK omits `marks` when the server sends none.
    ...(c.uc.marks.length > 0 ? { marks: [...c.uc.marks] } : {}),
  }
}

/** A `channel_infos` entry of the legacy `getConversationlist`; `lastMessage` is `{}` when there is none. */
export function toLegacyChannel(c: ListedConversation, appKey: string): SdkLegacyChannel {
  const domain = c.uc.chatType === 'singleChat' ? 'easemob.com' : 'conference.easemob.com'
  return {
    channel_id: `${appKey}_${c.uc.conversationId}@${domain}`,
    lastMessage: c.last ? legacyBody(c.last) : {},
    unread_num: c.uc.unread,
  }
}

/** The legacy list leaves a custom message's `customExts` as the server's array of one-key objects. */
function legacyBody(m: ListedConversation['last'] & object) {
  const body = toSdkBody(m, 'lastMessage')
  if (m.type === 'custom') return { ...body, customExts: Object.entries(m.customExts ?? {}).map(([k, v]) => ({ [k]: v })) } as unknown as typeof body
  return body
}

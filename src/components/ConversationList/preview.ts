import type { RoamingMessage } from '../../client/types'
import type { Translate } from '../../i18n/strings'
import type { ConversationListStringKey } from './strings'

const OTHER_KEYS = { audio: 'audio', video: 'video', loc: 'location', combine: 'combine', cmd: 'other' } as const

/**
 * The one-line preview of a conversation's last message: text as plain text (whitespace collapsed), other types
 * as a bracketed label in the UI language ("[Image]", "[File] name"…), and "No messages" without one.
 */
export function previewText(message: RoamingMessage | null, t: Translate<ConversationListStringKey>): string {
  if (!message) return t('noMessages')
  switch (message.type) {
    case 'txt': return message.text.replace(/\s+/g, ' ').trim()
    case 'img': return t('image')
    case 'file': return t('file', { name: message.filename })
    case 'custom': return t('custom')
    default: return t(OTHER_KEYS[message.type] ?? 'other')
  }
}

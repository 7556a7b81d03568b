import type { RoamingMessage } from '../../client/types'
import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'

/** Characters of text kept in a preview. */
const PREVIEW = 40

/** A one-line preview of a message for messages about it (errors): its text, file name or type label. */
export function describeMessage(message: RoamingMessage, t: Translate<MessageThreadStringKey>): string {
  switch (message.type) {
    case 'txt': return message.text.length > PREVIEW ? `“${message.text.slice(0, PREVIEW)}…”` : `“${message.text}”`
    case 'img': return t('image')
    case 'file': return message.filename
    case 'custom': return t('custom', { event: message.customEvent })
    default: return t(message.type)
  }
}

import { useStrings } from '../../i18n/useStrings'
import { FileBody } from './FileBody'
import { ImageBody } from './ImageBody'
import type { MessageBodyProps } from './MessageThreadProps'
import { messageThreadStrings } from './strings'
import { TextBody } from './TextBody'

/**
 * roamkit's bubble content by message type: text with safe links, images in a reserved box, files with a download
 * link, custom messages as "[Custom: event]", and a labelled placeholder for audio, video, location, combined and
 * command messages.
 */
export function MessageBody({ message }: MessageBodyProps) {
  const t = useStrings(messageThreadStrings, 'MessageThread')
  switch (message.type) {
    case 'txt': return <TextBody text={message.text} />
    case 'img': return <ImageBody message={message} />
    case 'file': return <FileBody message={message} />
    case 'custom': return <span className="rk-message-placeholder">{t('custom', { event: message.customEvent })}</span>
    case 'loc':
      return <span className="rk-message-placeholder">{message.address ? t('locAt', { address: message.address }) : t('loc')}</span>
    default: return <span className="rk-message-placeholder">{t(message.type)}</span>
  }
}

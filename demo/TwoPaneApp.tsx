import { ConversationList } from '../src/components/ConversationList'
import { MessageThread } from '../src/components/MessageThread'

/** Props of the two-pane app. */
export interface TwoPaneAppProps {
  /** Accessible name of the app region. */
  label?: string
}

/**
 * The drop-in layout: the conversation list on the left, the open conversation on the right. Choosing a
 * conversation opens it (through the provider's store); deleting the open one closes it.
 */
export function TwoPaneApp({ label = 'Chat' }: TwoPaneAppProps) {
  return (
    <section aria-label={label} style={{ display: 'flex', flex: 1, minWidth: 0, minHeight: 0, border: '1px solid #d5dae0' }}>
      <div style={{ width: 320, minWidth: 240, display: 'flex', borderRight: '1px solid #d5dae0' }}>
        <ConversationList />
      </div>
      <div style={{ flex: 1, minWidth: 0, display: 'flex' }}>
        <MessageThread />
      </div>
    </section>
  )
}

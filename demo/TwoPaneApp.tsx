import { useState } from 'react'
import { ConversationList, type ConversationListMark } from '../src/components/ConversationList'
import { MessageThread } from '../src/components/MessageThread'

/** Props of the two-pane app. */
export interface TwoPaneAppProps {
  /** Accessible name of the app region. */
  label?: string
}

/** The one mark the demo gives: a star (what a mark means is the app's). */
const STARRED: readonly ConversationListMark[] = [{ mark: 0, label: 'Starred' }]

/**
 * The drop-in layout: the conversation list on the left, the open conversation on the right. Choosing a
 * conversation opens it (through the provider's store); deleting the open one closes it. The row actions star a
 * conversation; "Starred only" shows the server's list of the starred ones.
 */
export function TwoPaneApp({ label = 'Chat' }: TwoPaneAppProps) {
  const [starredOnly, setStarredOnly] = useState(false)
  return (
    <section aria-label={label} style={{ display: 'flex', flex: 1, minWidth: 0, minHeight: 0, border: '1px solid #d5dae0' }}>
      <div style={{ width: 320, minWidth: 240, display: 'flex', flexDirection: 'column', borderRight: '1px solid #d5dae0' }}>
        <label style={{ padding: '6px 12px', fontFamily: 'system-ui', fontSize: 14 }}>
          <input type="checkbox" checked={starredOnly} onChange={(e) => setStarredOnly(e.target.checked)} /> Starred only
        </label>
        <div style={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <ConversationList marks={STARRED} {...(starredOnly ? { mark: 0 } : {})} />
        </div>
      </div>
      <div style={{ flex: 1, minWidth: 0, display: 'flex' }}>
        <MessageThread />
      </div>
    </section>
  )
}

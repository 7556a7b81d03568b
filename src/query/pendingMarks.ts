import type { ConversationMarkParams } from '../client/types'
import { patchConversation, withMark, type ConversationListData } from './conversationPages'
import { keyOf } from './keys'
import type { RoamingKit } from './RoamingKit'

/** Per kit: this device's mark changes not settled yet, oldest first. */
export const pendingMarks = new WeakMap<RoamingKit, ConversationMarkParams[]>()

/**
 * A list a read just wrote, with this device's mark changes still out written again: the read may have been answered
 * before the server had them, and would hide a star until the read again after they settle (`reconcileFetches`).
 */
export function withPendingMarks(kit: RoamingKit, data: ConversationListData | undefined): ConversationListData | undefined {
  let next = data
  for (const v of pendingMarks.get(kit) ?? []) next = patchConversation(next, keyOf(v), (c) => withMark(c, v.mark, v.marked))
  return next
}


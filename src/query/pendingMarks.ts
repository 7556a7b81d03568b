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


/**
 * Forgets this device's mark changes of a conversation that was deleted (here or on another device): a deletion takes
 * the marks, and the conversation a message lists again afterwards is a new one the changes must not be written into
 * (found by the soak: a star given while the phone's deletion was on its way stayed on the conversation a message
 * recreated, the server having ignored it).
 */
export function dropPendingMarks(kit: RoamingKit, key: string): void {
  const pending = pendingMarks.get(kit)
  if (pending?.some((v) => keyOf(v) === key)) pendingMarks.set(kit, pending.filter((v) => keyOf(v) !== key))
}

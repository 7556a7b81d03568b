import { useMemo } from 'react'
import { RoamingArgumentError } from '../../client/RoamingError'
import { MAX_CONVERSATION_MARK } from '../../client/types'
import { checkInt } from '../../client/validate'
import type { ConversationListMark } from './ConversationListComponents'

const OP = 'ConversationList'

/** Checks `marks`: a `RoamingArgumentError` names `marks`, `marks[i].mark` or `marks[i].label`. */
function check(marks: readonly ConversationListMark[]): readonly ConversationListMark[] {
  if (!Array.isArray(marks)) throw new RoamingArgumentError(OP, 'marks', marks, 'an array of { mark, label }')
  marks.forEach((m: Partial<ConversationListMark> | null, i) => {
    checkInt(OP, `marks[${i}].mark`, m?.mark, 0, MAX_CONVERSATION_MARK)
    if (typeof m?.label !== 'string' || m.label.trim() === '') throw new RoamingArgumentError(OP, `marks[${i}].label`, m?.label, 'a non-empty string')
  })
  return marks
}

/**
 * `ConversationList`'s `marks`, checked, and the same array for as long as its content is the same: an app that
 * writes it inline would otherwise re-render every (memoized) row at each render of the list.
 */
export function useCheckedMarks(marks: readonly ConversationListMark[]): readonly ConversationListMark[] {
  const content = Array.isArray(marks) ? marks.map((m) => `${String(m?.mark)}\u0000${String(m?.label)}`).join('\u0001') : String(marks)
  // Keyed by content: the array seen first with it stands for every later one.
  return useMemo(() => check(marks), [content])
}

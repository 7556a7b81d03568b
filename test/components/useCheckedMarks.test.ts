import { renderHook } from '@testing-library/react'
import { useCheckedMarks } from '../../src/components/ConversationList/useCheckedMarks'
import type { ConversationListMark } from '../../src/components/ConversationList'

describe('useCheckedMarks', () => {
  it('keeps the first array while the content is the same (an inline prop re-renders no row), a new one when it changes', () => {
    const first = [{ mark: 0, label: 'Starred' }]
    const { result, rerender } = renderHook((marks: readonly ConversationListMark[]) => useCheckedMarks(marks), { initialProps: first })
    expect(result.current).toBe(first)
    rerender([{ mark: 0, label: 'Starred' }])
    expect(result.current).toBe(first)
    const relabelled = [{ mark: 0, label: 'Important' }]
    rerender(relabelled)
    expect(result.current).toBe(relabelled)
    const more = [{ mark: 0, label: 'Important' }, { mark: 1, label: 'Work' }]
    rerender(more)
    expect(result.current).toBe(more)
  })
})

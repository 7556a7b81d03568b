import { useState } from 'react'
import type { ConversationAvatarProps } from './ConversationListComponents'

/** Up to two initials of a name: the first letters of its first two words, or its first character (CJK). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = [...words[0]!][0] ?? '?'
  if (words.length === 1 || /\p{Script=Han}/u.test(first)) return first.toUpperCase()
  return (first + ([...words[1]!][0] ?? '')).toUpperCase()
}

/** The default avatar: the image at `url` when it loads, else the initials of `name`. Decorative. */
export function Avatar({ name, url }: ConversationAvatarProps) {
  const [failed, setFailed] = useState<string | null>(null)
  if (url && failed !== url) {
    return <img className="rk-avatar rk-avatar-image" src={url} alt="" loading="lazy" decoding="async" onError={() => setFailed(url)} />
  }
  return <span className="rk-avatar rk-avatar-initials">{initialsOf(name)}</span>
}

import { useState } from 'react'
import { safeImageSrc } from '../safeUrl'
import type { ConversationAvatarProps } from './ConversationListComponents'

/** Up to two initials of a name: the first letters of its first two words, or its first character (CJK). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = [...words[0]!][0] ?? '?'
  if (words.length === 1 || /\p{Script=Han}/u.test(first)) return first.toUpperCase()
  return (first + ([...words[1]!][0] ?? '')).toUpperCase()
}

/**
 * `url` as an image source when it is http(s), blob:, relative, or an image data: URL; else `null`.
 * Security (issue 6 XSS test): `getAvatarUrl` usually returns a user-controlled profile field, and `url` went to
 * `src` unchecked, so `javascript:`, `vbscript:` and `data:text/html` URLs reached the DOM (inert in today's
 * Chromium, but script-capable in the legacy engines of the OWASP cheat sheet, and a bug class React does not block
 * on `src`). Parsed as the browser would (relative to the document), and handed over normalized.
 */
const safeAvatarSrc = (url: string | undefined): string | null => safeImageSrc(url, globalThis.document?.baseURI ?? 'http://localhost/')

/** The default avatar: the image at `url` when it loads, else the initials of `name`. Decorative. */
export function Avatar({ name, url: raw }: ConversationAvatarProps) {
  const [failed, setFailed] = useState<string | null>(null)
  const url = safeAvatarSrc(raw)
  if (url && failed !== url) {
    return <img className="rk-avatar rk-avatar-image" src={url} alt="" loading="lazy" decoding="async" onError={() => setFailed(url)} />
  }
  return <span className="rk-avatar rk-avatar-initials">{initialsOf(name)}</span>
}

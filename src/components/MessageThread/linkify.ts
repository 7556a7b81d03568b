import { safeLinkHref } from '../safeUrl'

/** A piece of message text: plain text, or a link with a safe `href`. */
export type TextToken =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; href: string }

// Candidates: an http(s) URL, a www. host, a mailto: address or a bare e-mail address. URL characters are ASCII
// only (RFC 3986), so CJK text or full-width punctuation right after a URL ends it.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|\b(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi
const TRAILING = /[.,!?;:'"\]]+$/

/** Drops what usually follows a URL in prose: final punctuation and a closing parenthesis it did not open. */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING, '')
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(TRAILING, '')
  }
  return url
}

function hrefOf(text: string): string | null {
  if (/^https?:\/\//i.test(text)) return safeLinkHref(text)
  if (/^www\./i.test(text)) return safeLinkHref(`https://${text}`)
  if (/^mailto:/i.test(text)) return safeLinkHref(text)
  return safeLinkHref(`mailto:${text}`)
}

/**
 * Splits message text into plain text and links. Only http, https and mailto targets become links (a `www.` host
 * gets `https://`); `javascript:`, `data:`, `vbscript:` and anything else stay text. Adjacent text is merged, and
 * joining every token's `text` gives back the input exactly.
 */
export function linkify(input: string): TextToken[] {
  const tokens: TextToken[] = []
  const pushText = (text: string) => {
    if (!text) return
    const last = tokens[tokens.length - 1]
    if (last?.type === 'text') last.text += text
    else tokens.push({ type: 'text', text })
  }
  let at = 0
  for (const match of input.matchAll(CANDIDATE)) {
    const start = match.index
    const text = trimUrl(match[0])
    const href = text ? hrefOf(text) : null
    // The scheme part of "javascript:https://…" is text; the https URL after it is a link of its own.
    if (!href || start < at) continue
    pushText(input.slice(at, start))
    tokens.push({ type: 'link', text, href })
    at = start + text.length
  }
  pushText(input.slice(at))
  return tokens
}

import { useMemo } from 'react'
import { linkify } from './linkify'

/** Props of `TextBody`. */
export interface TextBodyProps {
  /** The message text, drawn as plain text (never as HTML). */
  text: string
}

/** A text message: plain text, with http, https and mailto links opening in a new tab. */
export function TextBody({ text }: TextBodyProps) {
  const tokens = useMemo(() => linkify(text), [text])
  return (
    <p className="rk-message-text">
      {tokens.map((token, i) =>
        token.type === 'link'
          ? <a key={i} className="rk-message-link" href={token.href} target="_blank" rel="noopener noreferrer">{token.text}</a>
          : token.text)}
    </p>
  )
}

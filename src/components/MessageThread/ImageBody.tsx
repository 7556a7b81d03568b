import { useContext, useEffect, useState, useSyncExternalStore } from 'react'
import type { ImageMessage } from '../../client/types'
import { useStrings } from '../../i18n/useStrings'
import { safeImageSrc, safeLinkHref } from '../safeUrl'
import { FlingContext } from './flingWatch'
import { messageThreadStrings } from './strings'

const NO_SUBSCRIPTION = () => () => {}

/** Widest an image is drawn, px. */
const MAX_WIDTH = 240
/** Box of an image whose size is unknown, px. */
const FALLBACK = { width: 240, height: 180 }

/** Props of `ImageBody`. */
export interface ImageBodyProps {
  /** The image message. */
  message: ImageMessage
}

/**
 * An image in a box of its final size, known before it loads (width and height → `aspect-ratio`), so loading it
 * never moves the thread. A full-size http(s) URL makes it a link. Shown during a fling of the thread (see
 * `createFlingWatch`), the box stays empty until the fling ends; once loaded, the image stays.
 */
export function ImageBody({ message }: ImageBodyProps) {
  const t = useStrings(messageThreadStrings, 'MessageThread')
  const fling = useContext(FlingContext)
  const flinging = useSyncExternalStore(fling ? fling.subscribe : NO_SUBSCRIPTION, () => fling?.fast() ?? false, () => false)
  const [load, setLoad] = useState(!flinging)
  useEffect(() => { if (!flinging) setLoad(true) }, [flinging])
  const known = (message.width ?? 0) > 0 && (message.height ?? 0) > 0
  const width = known ? (message.width as number) : FALLBACK.width
  const height = known ? (message.height as number) : FALLBACK.height
  const box = { width: Math.min(width, MAX_WIDTH), aspectRatio: `${width} / ${height}` }
  const src = safeImageSrc(message.thumbnailUrl) ?? safeImageSrc(message.url)
  if (!src) return <span className="rk-message-placeholder">{t('imageUnavailable')}</span>
  const img = load ? <img className="rk-message-image" src={src} alt={t('image')} width={width} height={height} loading="lazy" decoding="async" /> : null
  // While the image waits, its box stands for it.
  const waiting = load ? {} : { role: 'img', 'aria-label': t('image') }
  const href = safeLinkHref(message.url)
  const full = href && /^https?:/.test(href) ? href : null
  return full ? (
    <a className="rk-message-image-box" style={box} href={full} target="_blank" rel="noopener noreferrer" aria-label={t('openImage')}>{img}</a>
  ) : (
    <span className="rk-message-image-box" style={box} {...waiting}>{img}</span>
  )
}

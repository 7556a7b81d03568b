/** Protocols a link in the thread may open. Anything else (javascript:, data:, vbscript:…) is never made a link. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** Parses `raw` (relative to `base`, if given) and returns its normalized form when it uses one of `protocols`, else `null`. */
function parseWith(raw: string, protocols: ReadonlySet<string>, base?: string): string | null {
  try {
    const url = new URL(raw, base)
    return protocols.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** A link target that is safe to put in `href` (http, https or mailto), or `null`. */
export const safeLinkHref = (raw: string): string | null => parseWith(raw, LINK_PROTOCOLS)

/** A download URL that is safe to put in `href` (http or https only), or `null`. */
export const safeDownloadHref = (raw: string | undefined): string | null =>
  raw ? parseWith(raw, new Set(['http:', 'https:'])) : null

// An <img> never runs script, so raster and SVG data URLs are fine there; other data: types are not images.
const IMAGE_DATA = /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i

/**
 * An image source that is safe to put in `src` (http, https, blob or a data URL of an image type), or `null`.
 * With `base`, a relative URL is resolved against it (as the browser would) and handed over normalized.
 */
export function safeImageSrc(raw: string | undefined, base?: string): string | null {
  if (!raw) return null
  if (IMAGE_DATA.test(raw)) return raw
  return parseWith(raw, new Set(['http:', 'https:', 'blob:']), base)
}

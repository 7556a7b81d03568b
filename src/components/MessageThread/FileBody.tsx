import type { FileMessage } from '../../client/types'
import { useRoamingContext } from '../../provider/RoamingContext'
import { useStrings } from '../../i18n/useStrings'
import { safeDownloadHref } from '../safeUrl'
import { messageThreadStrings } from './strings'

// Building an Intl.NumberFormat costs far more than using one (it showed in the mount profile): keep them.
const sizeFormats = new Map<string, Intl.NumberFormat>()

/** A byte count for people: "980 B", "12 kB", "3.4 MB", in the locale's digits. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const digits = value < 10 && unit > 0 ? 1 : 0
  const key = `${locale}|${unit}|${digits}`
  let format = sizeFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: digits })
    sizeFormats.set(key, format)
  }
  return format.format(value)
}

/** Props of `FileBody`. */
export interface FileBodyProps {
  /** The file message. */
  message: FileMessage
}

/** A file: its name, size when known, and a download link when its URL is http or https. */
export function FileBody({ message }: FileBodyProps) {
  const { locale } = useRoamingContext('MessageThread')
  const t = useStrings(messageThreadStrings, 'MessageThread')
  const href = safeDownloadHref(message.url)
  return (
    <span className="rk-message-file">
      <span className="rk-message-file-name">{message.filename}</span>
      {message.fileSize !== undefined && <span className="rk-message-file-size">{formatFileSize(message.fileSize, locale)}</span>}
      {href && (
        <a className="rk-message-file-download" href={href} download={message.filename} target="_blank" rel="noopener noreferrer"
          aria-label={t('download', { name: message.filename })}>↓</a>
      )}
    </span>
  )
}

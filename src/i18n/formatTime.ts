const DAY = 86_400_000

// Building an Intl formatter costs far more than using one, and lists format a time per row: keep them.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = dateFormats.get(key)
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)))
  return f
}
function relativeFormat(locale: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = relativeFormats.get(key)
  if (!f) relativeFormats.set(key, (f = new Intl.RelativeTimeFormat(locale, options)))
  return f
}

/** Whether two times fall on the same local calendar day. */
export function sameDay(a: number, b: number): boolean {
  const x = new Date(a)
  const y = new Date(b)
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate()
}

/**
 * A conversation-list time: relative for today ("5 min ago", "5 分钟前"), the weekday within a week, else the
 * date. Uses Intl only, so every locale formats as its users expect.
 */
export function formatListTime(time: number, locale: string, now: number = Date.now()): string {
  if (sameDay(time, now)) {
    const minutes = Math.round((time - now) / 60_000)
    const rtf = relativeFormat(locale, { numeric: 'auto', style: 'narrow' })
    return Math.abs(minutes) < 60 ? rtf.format(minutes, 'minute') : rtf.format(Math.round(minutes / 60), 'hour')
  }
  if (now - time < 6 * DAY && time < now) return dateFormat(locale, { weekday: 'short' }).format(time)
  const sameYear = new Date(time).getFullYear() === new Date(now).getFullYear()
  return dateFormat(locale, sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' }).format(time)
}

/** A message time: hours and minutes. */
export const formatClock = (time: number, locale: string): string =>
  dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(time)

/** A date separator: "Today", "Yesterday" (in the locale), else the full date. */
export function formatDay(time: number, locale: string, now: number = Date.now()): string {
  const days = Math.round((startOfDay(now) - startOfDay(time)) / DAY)
  if (days === 0 || days === 1) {
    return relativeFormat(locale, { numeric: 'auto' }).format(-days, 'day')
  }
  return dateFormat(locale, { dateStyle: 'long' }).format(time)
}

function startOfDay(time: number): number {
  const d = new Date(time)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

import type { DateSeparatorProps } from './MessageThreadProps'

/** roamkit's date separator: the day, centred between two rules. */
export function DateSeparator({ time, label }: DateSeparatorProps) {
  return (
    <div className="rk-date-separator">
      <time className="rk-date-separator-label" dateTime={new Date(time).toISOString().slice(0, 10)}>{label}</time>
    </div>
  )
}

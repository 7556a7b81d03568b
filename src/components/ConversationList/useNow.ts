import { useEffect, useState } from 'react'

/** The current time, refreshed every `interval` ms, so relative times ("5 min ago") do not go stale. */
export function useNow(interval = 60_000): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), interval)
    return () => clearInterval(id)
  }, [interval])
  return now
}

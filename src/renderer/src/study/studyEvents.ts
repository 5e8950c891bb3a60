// A window event that says "cards or reviews changed", so that the due count in the top bar
// refreshes without every screen knowing about it.
import { useEffect, useState } from 'react'
import type { StudySummary } from '../../../shared/study/types'
import { api } from '../api/client'

const eventName = 'scholia:study-changed'

export function notifyStudyChanged(): void {
  window.dispatchEvent(new Event(eventName))
}

/** Today's study summary, refreshed when study data changes, on navigation, and each minute. */
export function useStudySummary(): StudySummary | null {
  const [summary, setSummary] = useState<StudySummary | null>(null)
  useEffect(() => {
    let alive = true
    const refresh = (): void => {
      api
        .getStudySummary({})
        .then((value) => {
          if (alive) setSummary(value)
        })
        .catch(() => undefined)
    }
    refresh()
    window.addEventListener(eventName, refresh)
    window.addEventListener('hashchange', refresh)
    const timer = window.setInterval(refresh, 60_000)
    return () => {
      alive = false
      window.removeEventListener(eventName, refresh)
      window.removeEventListener('hashchange', refresh)
      window.clearInterval(timer)
    }
  }, [])
  return summary
}

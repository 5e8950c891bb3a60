// Reader settings: loaded once, applied as CSS variables and a theme attribute, saved as they change.
import { useCallback, useEffect, useRef, useState } from 'react'
import { defaultReaderSettings, type ReaderSettings } from '../../../shared/types'
import { api } from '../api/client'

function apply(settings: ReaderSettings): void {
  const root = document.documentElement
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`)
  root.style.setProperty('--reader-column-width', `${settings.columnWidth}ch`)
  root.dataset.theme = settings.theme
}

export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState<ReaderSettings>(defaultReaderSettings)
  const pending = useRef<Partial<ReaderSettings>>({})
  const timer = useRef<number | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    api
      .getSettings({})
      .then((loaded) => {
        if (!cancelled) setSettings(loaded)
      })
      .catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => apply(settings), [settings])

  const update = useCallback((change: Partial<ReaderSettings>) => {
    setSettings((current) => ({ ...current, ...change }))
    pending.current = { ...pending.current, ...change }
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => {
      const toSave = pending.current
      pending.current = {}
      void api.updateSettings(toSave).catch(() => undefined)
    }, 250)
  }, [])

  return [settings, update]
}

// The application shell: routing between the library and the reader, and reader settings.
import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import { LibraryView } from '../library/LibraryView'
import { StartupNotices } from '../library/StartupNotices'
import { ReaderView } from '../reader/ReaderView'
import { isStudyRoute, StudyScreens } from '../study'
import { studyHref } from '../study/routes'
import { useDesktopCommands } from './desktopCommands'
import { ShortcutsDialog } from './ShortcutsDialog'
import type { ReaderSettings } from '../../../shared/types'
import { documentHref, parseRoute, useHashRoute, type Route } from './useHashRoute'
import { useReaderSettings } from './useReaderSettings'
import { ToastProvider } from './toast'
import { useUndoShortcut } from './undo'

/** Home opens the document read last, or the only one; otherwise the library. */
function useHomeRedirect(active: boolean): void {
  const done = useRef(false)
  useEffect(() => {
    if (!active || done.current) return
    done.current = true
    api
      .listDocuments({})
      .then((documents) => {
        const lastRead = [...documents]
          .filter((document) => document.lastOpenedAt !== null)
          .sort((a, b) => (b.lastOpenedAt ?? 0) - (a.lastOpenedAt ?? 0))[0]
        const target = lastRead ?? (documents.length === 1 ? documents[0] : undefined)
        // Only if the person has not gone somewhere else meanwhile.
        if (parseRoute(window.location.hash).name === 'home') {
          window.location.replace(target ? documentHref(target.id) : '#/library')
        }
      })
      .catch(() => {
        if (parseRoute(window.location.hash).name === 'home') window.location.replace('#/library')
      })
  }, [active])
}

export function App() {
  return (
    <ToastProvider>
      <StartupNotices />
      <Screens />
    </ToastProvider>
  )
}

function Screens() {
  useUndoShortcut()
  const route = useHashRoute()
  const [settings, updateSettings] = useReaderSettings()
  const [showShortcuts, setShowShortcuts] = useState(false)
  useHomeRedirect(route.name === 'home')
  // The desktop app's menus: File › Library, View › Theme, Study, Help › Keyboard shortcuts.
  useDesktopCommands({
    'open-library': () => window.location.assign('#/library'),
    'open-review': () => window.location.assign(studyHref()),
    'open-cards': () => window.location.assign('#/cards'),
    'open-statistics': () => window.location.assign('#/stats'),
    'theme-system': () => updateSettings({ theme: 'system' }),
    'theme-light': () => updateSettings({ theme: 'light' }),
    'theme-dark': () => updateSettings({ theme: 'dark' }),
    'show-shortcuts': () => setShowShortcuts(true)
  })
  return (
    <>
      <Screen route={route} settings={settings} updateSettings={updateSettings} />
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </>
  )
}

function Screen({
  route,
  settings,
  updateSettings
}: {
  route: Route
  settings: ReaderSettings
  updateSettings: (change: Partial<ReaderSettings>) => void
}) {
  if (route.name === 'home') return <main className="loading" aria-busy="true" />
  if (isStudyRoute(route)) return <StudyScreens route={route} />
  return route.name === 'document' ? (
    <ReaderView
      key={route.documentId}
      documentId={route.documentId}
      at={route.at}
      settings={settings}
      onSettingsChange={updateSettings}
    />
  ) : (
    <LibraryView />
  )
}

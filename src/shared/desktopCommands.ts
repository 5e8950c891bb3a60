// The commands the desktop app's menus send to the page (main → renderer): a closed list, so that
// the preload passes on nothing else and the page acts only on names it knows. The page does each
// as if the person had used its own button or shortcut.
export const desktopCommands = [
  'open-library',
  'open-export',
  'find-in-document',
  'search-everything',
  'theme-system',
  'theme-light',
  'theme-dark',
  'open-review',
  'open-cards',
  'open-statistics',
  'show-shortcuts',
  'highlight-selection',
  'note-on-selection',
  'copy-quote'
] as const

export type DesktopCommand = (typeof desktopCommands)[number]

const known: ReadonlySet<string> = new Set(desktopCommands)

export function isDesktopCommand(value: unknown): value is DesktopCommand {
  return typeof value === 'string' && known.has(value)
}

/** The one IPC channel the commands travel on. */
export const desktopCommandChannel = 'scholia-desktop:command'

/** What the preload exposes as window.scholiaDesktop (absent in the browser mode). */
export interface ScholiaDesktop {
  /** Calls `listener` with each command the menus send; the returned function stops it. */
  onCommand(listener: (command: DesktopCommand) => void): () => void
}

// The keyboard shortcuts the page handles, in one table: the page's key handlers match against it,
// the desktop menu shows the same keys as its accelerators, and Help › Keyboard shortcuts lists it.
// `key` is KeyboardEvent.key in lower case; "mod" is Ctrl, or Cmd on macOS.

export interface ModShortcut {
  key: string
  shift: boolean
}

export const modShortcuts = {
  undo: { key: 'z', shift: false },
  findInDocument: { key: 'f', shift: false },
  searchEverything: { key: 'k', shift: false },
  highlightSelection: { key: 'h', shift: true },
  noteOnSelection: { key: 'm', shift: true }
} as const satisfies Record<string, ModShortcut>

/** Electron's accelerator for a shortcut ("CmdOrCtrl+Shift+H"). */
export function accelerator(shortcut: ModShortcut): string {
  return `CmdOrCtrl+${shortcut.shift ? 'Shift+' : ''}${shortcut.key.toUpperCase()}`
}

/** How the shortcut is written for people on this system ("Ctrl+Shift+H", "⌘⇧H"). */
export function shortcutLabel(shortcut: ModShortcut, mac: boolean): string {
  const key = shortcut.key.toUpperCase()
  return mac ? `⌘${shortcut.shift ? '⇧' : ''}${key}` : `Ctrl+${shortcut.shift ? 'Shift+' : ''}${key}`
}

/** The parts of a KeyboardEvent a shortcut is matched on (shared code knows no DOM). */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Whether a key press is this shortcut (Ctrl or Cmd, Shift as given, never Alt). */
export function matchesShortcut(event: KeyPress, shortcut: ModShortcut): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    event.shiftKey === shortcut.shift &&
    event.key.toLowerCase() === shortcut.key
  )
}

/** What Help › Keyboard shortcuts lists, in order. */
export const shortcutList: readonly { label: string; keys: ModShortcut | string }[] = [
  { label: 'Search everything', keys: modShortcuts.searchEverything },
  { label: 'Find in the document', keys: modShortcuts.findInDocument },
  { label: 'Next / previous match', keys: 'Enter / Shift+Enter' },
  { label: 'Highlight the selection (last colour)', keys: modShortcuts.highlightSelection },
  { label: 'Add a note to the selection', keys: modShortcuts.noteOnSelection },
  { label: 'Undo the last action', keys: modShortcuts.undo },
  { label: 'Review: show the answer', keys: 'Space' },
  { label: 'Review: grade the card', keys: '1 – 4' },
  { label: 'Close a footnote, menu or dialog', keys: 'Escape' }
]

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

/** What a key does to the reader's focused passage (see passageShortcuts). */
export type PassageAction =
  | { kind: 'move'; unit: 'paragraph' | 'sentence'; direction: 1 | -1 }
  | { kind: 'extend'; unit: 'paragraph' | 'sentence' | 'word'; direction: 1 | -1 }
  /** `colour` indexes the five highlight colours; null is the last colour used. */
  | { kind: 'highlight'; colour: number | null }
  | { kind: 'note' }
  | { kind: 'copy' }
  | { kind: 'card' }
  | { kind: 'delete' }
  | { kind: 'toNote' }
  /** "Show page": the passage's page of the original PDF, beside the text. */
  | { kind: 'page' }
  | { kind: 'leave' }
  | { kind: 'help' }

interface PassageBinding {
  key: string
  shift?: boolean
  alt?: boolean
  action: PassageAction
}

const arrows = (
  kind: 'move' | 'extend',
  unit: 'paragraph' | 'sentence' | 'word',
  forward: string,
  backward: string,
  modifiers: { shift?: boolean; alt?: boolean }
): PassageBinding[] => [
  { key: forward, ...modifiers, action: { kind, unit, direction: 1 } as PassageAction },
  { key: backward, ...modifiers, action: { kind, unit, direction: -1 } as PassageAction }
]

const keysFor = (action: PassageAction, ...keys: string[]): PassageBinding[] =>
  keys.map((key) => ({ key, action }))

/**
 * The keys of the reader's passage focus. They fire only while a passage of the text has the
 * keyboard's focus (never from a text field or anywhere else: WCAG 2.1.4, single-key shortcuts).
 */
export const passageShortcuts: readonly { label: string; keys: string; bindings: PassageBinding[] }[] = [
  {
    label: 'Passage: next / previous paragraph (from the text)',
    keys: '↓ / ↑',
    bindings: arrows('move', 'paragraph', 'ArrowDown', 'ArrowUp', {})
  },
  {
    label: 'Passage: next / previous sentence',
    keys: '→ / ←',
    bindings: arrows('move', 'sentence', 'ArrowRight', 'ArrowLeft', {})
  },
  {
    label: 'Passage: select by sentence',
    keys: 'Shift+→ / Shift+←',
    bindings: arrows('extend', 'sentence', 'ArrowRight', 'ArrowLeft', { shift: true })
  },
  {
    label: 'Passage: select by word',
    keys: 'Alt+Shift+→ / Alt+Shift+←',
    bindings: arrows('extend', 'word', 'ArrowRight', 'ArrowLeft', { shift: true, alt: true })
  },
  {
    label: 'Passage: select by paragraph',
    keys: 'Shift+↓ / Shift+↑',
    bindings: arrows('extend', 'paragraph', 'ArrowDown', 'ArrowUp', { shift: true })
  },
  {
    label: 'Passage: highlight (last colour)',
    keys: 'H',
    bindings: [{ key: 'h', action: { kind: 'highlight', colour: null } }]
  },
  {
    label: 'Passage: highlight in colour 1 – 5',
    keys: '1 – 5',
    bindings: [1, 2, 3, 4, 5].map((n) => ({
      key: String(n),
      action: { kind: 'highlight', colour: n - 1 }
    }))
  },
  { label: 'Passage: add a note', keys: 'N', bindings: [{ key: 'n', action: { kind: 'note' } }] },
  {
    label: 'Passage: copy the quote with its citation',
    keys: 'C',
    bindings: [{ key: 'c', action: { kind: 'copy' } }]
  },
  { label: 'Passage: make a card', keys: 'K', bindings: [{ key: 'k', action: { kind: 'card' } }] },
  {
    label: 'Passage: show its page of the PDF',
    keys: 'P',
    bindings: [{ key: 'p', action: { kind: 'page' } }]
  },
  {
    label: 'Passage: delete the highlight under focus',
    keys: 'Delete',
    bindings: keysFor({ kind: 'delete' }, 'Delete', 'Backspace')
  },
  {
    label: "Passage: go to the highlight's note (Shift+Tab comes back)",
    keys: 'Tab',
    bindings: [{ key: 'Tab', action: { kind: 'toNote' } }]
  },
  {
    label: 'Passage: leave',
    keys: 'Enter / Escape',
    bindings: keysFor({ kind: 'leave' }, 'Enter', 'Escape')
  },
  {
    label: 'Passage: this list of shortcuts',
    keys: '?',
    bindings: [{ key: '?', shift: true, action: { kind: 'help' } }]
  }
]

/** What a key press does to the focused passage, if anything (Ctrl and Cmd are never part of one). */
export function passageAction(event: KeyPress): PassageAction | null {
  if (event.ctrlKey || event.metaKey) return null
  // A letter is matched in either case (Caps Lock); "?" is Shift+/ on most layouts, so its Shift is
  // taken as it comes.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  for (const entry of passageShortcuts)
    for (const binding of entry.bindings) {
      if (binding.key !== key || (binding.alt ?? false) !== event.altKey) continue
      if (binding.key !== '?' && (binding.shift ?? false) !== event.shiftKey) continue
      return binding.action
    }
  return null
}

/** What Help › Keyboard shortcuts lists, in order. */
export const shortcutList: readonly { label: string; keys: ModShortcut | string }[] = [
  { label: 'Search everything', keys: modShortcuts.searchEverything },
  { label: 'Find in the document', keys: modShortcuts.findInDocument },
  { label: 'Next / previous match', keys: 'Enter / Shift+Enter' },
  { label: 'Highlight the selection (last colour)', keys: modShortcuts.highlightSelection },
  { label: 'Add a note to the selection', keys: modShortcuts.noteOnSelection },
  { label: 'Undo the last action', keys: modShortcuts.undo },
  ...passageShortcuts.map(({ label, keys }) => ({ label, keys })),
  { label: 'Review: show the answer', keys: 'Space' },
  { label: 'Review: grade the card', keys: '1 – 4' },
  { label: 'Close a footnote, menu or dialog', keys: 'Escape' }
]

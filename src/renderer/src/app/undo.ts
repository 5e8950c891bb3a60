// One undo history for the whole app: every action a person may regret (deleting a note, editing
// one, removing a document…) registers how to take it back. Ctrl/Cmd+Z outside a text field, or the
// "Undo" button of the toast that announced the action, undoes the most recent one.
import { useEffect } from 'react'
import { matchesShortcut, modShortcuts } from '../../../shared/shortcuts'

export interface UndoEntry {
  /** What is undone, in words for the toast: "Note deleted". */
  label: string
  undo: () => Promise<void> | void
}

const history: UndoEntry[] = []
const maxEntries = 100
const listeners = new Set<(entry: UndoEntry, outcome: 'undone' | 'failed', error?: unknown) => void>()

export function pushUndo(entry: UndoEntry): UndoEntry {
  history.push(entry)
  if (history.length > maxEntries) history.shift()
  return entry
}

/** Undoes `entry` (or the latest action) once; an entry already undone does nothing. */
export async function undo(entry?: UndoEntry): Promise<boolean> {
  const index = entry ? history.lastIndexOf(entry) : history.length - 1
  if (index < 0) return false
  const [taken] = history.splice(index, 1)
  if (!taken) return false
  try {
    await taken.undo()
    for (const listener of listeners) listener(taken, 'undone')
    return true
  } catch (error) {
    for (const listener of listeners) listener(taken, 'failed', error)
    return false
  }
}

export function onUndo(
  listener: (entry: UndoEntry, outcome: 'undone' | 'failed', error?: unknown) => void
): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' &&
      (target as HTMLInputElement).type !== 'checkbox' &&
      (target as HTMLInputElement).type !== 'radio' &&
      (target as HTMLInputElement).type !== 'range')
  )
}

/** Ctrl/Cmd+Z anywhere but in a text field (where it keeps undoing typing, as people expect). */
export function useUndoShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!matchesShortcut(event, modShortcuts.undo) || isTextField(event.target)) return
      event.preventDefault()
      void undo()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}

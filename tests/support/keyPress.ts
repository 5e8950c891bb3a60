// A key press as the shortcuts table matches it (shared code knows no DOM KeyboardEvent).
import type { KeyPress } from '../../src/shared/shortcuts'

export function press(
  key: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}
): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }
}

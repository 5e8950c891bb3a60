// The menu a right-click opens. On text selected in a document: Copy, Highlight, Add note and Copy
// quote (the page's own actions, on its own selection). In a text field: the system's spelling
// suggestions where spell-checking is on (macOS, Windows), then Cut, Copy, Paste.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron'
import type { DesktopCommand } from '../../shared/desktopCommands'

export interface ContextMenuActions {
  send: (command: DesktopCommand) => void
  replaceMisspelling: (word: string) => void
  addToDictionary: (word: string) => void
}

type Params = Pick<
  ContextMenuParams,
  'selectionText' | 'isEditable' | 'misspelledWord' | 'dictionarySuggestions'
>

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** The items for a right-click; empty: no menu. */
export function contextMenuTemplate(
  params: Params,
  actions: ContextMenuActions
): MenuItemConstructorOptions[] {
  if (params.isEditable) {
    const spelling: MenuItemConstructorOptions[] =
      params.misspelledWord === ''
        ? []
        : [
            ...params.dictionarySuggestions.slice(0, 5).map((word) => ({
              label: word,
              click: () => actions.replaceMisspelling(word)
            })),
            ...(params.dictionarySuggestions.length === 0
              ? [{ label: 'No suggestions', enabled: false }]
              : []),
            { label: 'Add to dictionary', click: () => actions.addToDictionary(params.misspelledWord) },
            separator
          ]
    return [
      ...spelling,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      separator,
      { role: 'selectAll' }
    ]
  }
  if (params.selectionText.trim() === '') return []
  return [
    { role: 'copy' },
    separator,
    { label: 'Highlight', click: () => actions.send('highlight-selection') },
    { label: 'Add note', click: () => actions.send('note-on-selection') },
    { label: 'Copy quote', click: () => actions.send('copy-quote') }
  ]
}

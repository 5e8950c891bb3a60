// The desktop app's save dialogs for exports (the back end writes the file atomically where the
// person chose). Injected into the back end as FileDialogs; the browser mode has none and downloads.
import type { BrowserWindow, Dialog } from 'electron'
import type { FileDialogs } from '../app/handlers/libraryHandlers'

const filterNames: Record<string, string> = {
  md: 'Markdown',
  jsonld: 'JSON-LD',
  csv: 'CSV',
  txt: 'Text',
  bib: 'BibTeX',
  ris: 'RIS',
  html: 'HTML',
  pdf: 'PDF',
  scholia: 'Scholia library'
}

export function createFileDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null
): FileDialogs {
  return {
    async chooseSavePath(suggestedName, extension) {
      const options = {
        title: 'Export',
        defaultPath: suggestedName,
        filters: [{ name: filterNames[extension] ?? extension.toUpperCase(), extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[]
      }
      const window = getWindow()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseFolder(title) {
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[]
      }
      const window = getWindow()
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  }
}

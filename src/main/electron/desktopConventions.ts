// What people expect of a desktop program, wired to the one main window: the application menu,
// the right-click menu, files opened from the system imported, and the window's size and place
// remembered. Each part is built in its own module (menu, contextMenu, openFiles, windowState);
// this file connects them to Electron.
import { readFileSync, statSync } from 'node:fs'
import type { App, BrowserWindow, Dialog, Menu as ElectronMenu, Shell } from 'electron'
import type { ApiHandlers, ImportResult } from '../../shared/contract'
import { desktopCommandChannel, type DesktopCommand } from '../../shared/desktopCommands'
import type { ApiResponse } from '../../shared/types'
import { dispatchApiCall } from '../transport/dispatch'
import { contextMenuTemplate } from './contextMenu'
import { deepLinkTarget } from './deepLinks'
import { applicationMenuTemplate } from './menu'
import { createFileOpener, openableExtensions, type FileOpener } from './openFiles'

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export interface DesktopConventionsOptions {
  app: Pick<App, 'name'>
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>
  shell: Pick<Shell, 'openPath'>
  window: BrowserWindow
  handlers: ApiHandlers
  dataDir: string
  platform: NodeJS.Platform
}

/** Installs the menus and returns the opener that imports files given by the system. */
export function installDesktopConventions(options: DesktopConventionsOptions): FileOpener {
  const { window, dialog } = options
  const send = (command: DesktopCommand): void => {
    if (!window.isDestroyed()) window.webContents.send(desktopCommandChannel, command)
  }
  const opener = createFileOpener({
    fileSize: (path) => statSync(path).size,
    readFile: (path) => readFileSync(path),
    importDocument: (args) =>
      dispatchApiCall(options.handlers, 'importDocument', args) as Promise<ApiResponse<ImportResult>>,
    importDocumentFile: (args) =>
      dispatchApiCall(options.handlers, 'importDocumentFile', args) as Promise<ApiResponse<ImportResult>>,
    showDocument: (documentId) => {
      if (window.isMinimized()) window.restore()
      window.focus()
      window
        .loadURL(deepLinkTarget({ documentId, at: null }))
        .catch((error: unknown) => console.error('Scholia: the document could not be shown:', error))
    },
    showProblem: (title, message) => {
      dialog.showMessageBox(window, { type: 'warning', title, message }).catch(() => undefined)
    }
  })
  const importFiles = async (): Promise<void> => {
    const result = await dialog.showOpenDialog(window, {
      title: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Texts and books', extensions: openableExtensions.map((extension) => extension.slice(1)) }
      ]
    })
    if (!result.canceled) await opener.open(result.filePaths)
  }
  const template = applicationMenuTemplate(options.platform, options.app.name, {
    send,
    importFiles: () => {
      importFiles().catch((error: unknown) => console.error('Scholia: import failed:', error))
    },
    showDataFolder: () => {
      options.shell.openPath(options.dataDir).catch(() => undefined)
    }
  })
  options.Menu.setApplicationMenu(options.Menu.buildFromTemplate(template))

  window.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params, {
      send,
      replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
      addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word)
    })
    if (items.length > 0) options.Menu.buildFromTemplate(items).popup({ window })
  })
  return opener
}

// The application menu, as people expect it of a desktop program: File, Edit, View, Study, Help,
// and on macOS the app menu first and a Window menu. Items that the page already does (Find,
// Search, Highlight, Add note) show the page's own shortcut without registering it again, so that
// one key press is handled once. Built as a plain template so that tests can read it.
import type { MenuItemConstructorOptions } from 'electron'
import type { DesktopCommand } from '../../shared/desktopCommands'
import { accelerator, modShortcuts, type ModShortcut } from '../../shared/shortcuts'

export interface MenuActions {
  /** Sends a command to the page (window.scholiaDesktop). */
  send: (command: DesktopCommand) => void
  /** File › Import…: an open dialog, then the same import as a file opened with "Open with". */
  importFiles: () => void
  /** Help › Show data folder: the library's folder in the system's file manager. */
  showDataFolder: () => void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** "&File": Alt+F opens the menu on Windows and Linux; macOS has no menu mnemonics. */
function mnemonic(label: string, mac: boolean): string {
  return mac ? label : `&${label}`
}

/** A menu item for a shortcut the page itself handles: shown, not registered a second time. */
function pageShortcut(
  label: string,
  shortcut: ModShortcut,
  command: DesktopCommand,
  actions: MenuActions
): MenuItemConstructorOptions {
  return {
    label,
    accelerator: accelerator(shortcut),
    registerAccelerator: false,
    click: () => actions.send(command)
  }
}

/** Items that each send one command to the page. */
function commands(
  entries: readonly [label: string, command: DesktopCommand][],
  actions: MenuActions
): MenuItemConstructorOptions[] {
  return entries.map(([label, name]) => ({ label, click: () => actions.send(name) }))
}

export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  actions: MenuActions
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' }
    ]
  }
  const file: MenuItemConstructorOptions = {
    label: mnemonic('File', mac),
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('open-export') },
      separator,
      { label: 'Library', accelerator: 'CmdOrCtrl+Shift+L', click: () => actions.send('open-library') },
      separator,
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: mnemonic('Edit', mac),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      pageShortcut('Highlight selection', modShortcuts.highlightSelection, 'highlight-selection', actions),
      pageShortcut('Add note to selection', modShortcuts.noteOnSelection, 'note-on-selection', actions),
      separator,
      pageShortcut('Find in document…', modShortcuts.findInDocument, 'find-in-document', actions),
      pageShortcut('Search everything…', modShortcuts.searchEverything, 'search-everything', actions)
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: mnemonic('View', mac),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      separator,
      {
        label: 'Theme',
        submenu: commands(
          [
            ['System', 'theme-system'],
            ['Light', 'theme-light'],
            ['Dark', 'theme-dark']
          ],
          actions
        )
      }
    ]
  }
  const study: MenuItemConstructorOptions = {
    label: mnemonic('Study', mac),
    submenu: commands(
      [
        ['Review', 'open-review'],
        ['Cards', 'open-cards'],
        ['Statistics', 'open-statistics']
      ],
      actions
    )
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      {
        label: 'Keyboard shortcuts',
        accelerator: 'CmdOrCtrl+/',
        click: () => actions.send('show-shortcuts')
      },
      { label: 'Show data folder', click: () => actions.showDataFolder() },
      // On macOS "About" is in the app menu.
      ...(mac ? [] : [separator, { role: 'about', label: `About ${appName}` } as const])
    ]
  }
  return [
    ...(mac ? [appMenu] : []),
    file,
    edit,
    view,
    study,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help
  ]
}

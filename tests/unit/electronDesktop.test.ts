// What people expect of a desktop program, tested without Electron (it cannot run here): the
// application and right-click menus as templates, files from the system imported into a real
// library, the window's size and place remembered, spell-checking where the system provides it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatchApiCall } from '../../src/main/transport/dispatch'
import { contextMenuTemplate } from '../../src/main/electron/contextMenu'
import { installDesktopConventions, isFile } from '../../src/main/electron/desktopConventions'
import { applicationMenuTemplate, type MenuActions } from '../../src/main/electron/menu'
import {
  createFileOpener,
  filesInArguments,
  importFileAtPath,
  registerFileOpening
} from '../../src/main/electron/openFiles'
import { mainWindowOptions, minimumWindowSize } from '../../src/main/electron/window'
import {
  fitWindowState,
  readWindowState,
  rememberWindowState,
  windowStateFileName,
  writeWindowState
} from '../../src/main/electron/windowState'
import type { ApiHandlers, ImportResult } from '../../src/shared/contract'
import { desktopCommandChannel } from '../../src/shared/desktopCommands'
import { accelerator, matchesShortcut, modShortcuts } from '../../src/shared/shortcuts'
import { press } from '../support/keyPress'
import type { ApiResponse } from '../../src/shared/types'
import { makeTempDir } from '../support/tempDir'
import { useTestBackend } from '../support/testBackend'

function fakeMenuActions(): MenuActions & { sent: string[] } {
  const sent: string[] = []
  return { sent, send: (command) => sent.push(command), importFiles: vi.fn(), showDataFolder: vi.fn() }
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[]
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((item) => item.label === label)
  if (!found)
    throw new Error(`no menu item "${label}" in ${items.map((item) => item.label ?? item.role).join(', ')}`)
  return found
}

function click(item: MenuItemConstructorOptions): void {
  ;(item.click as () => void)()
}

describe('the application menu', () => {
  it('has File, Edit, View, Study and Help on Windows and Linux', () => {
    const template = applicationMenuTemplate('linux', 'Scholia', fakeMenuActions())
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Study',
      'help'
    ])
    expect(submenu(template[4]).map((item) => item.role ?? item.label)).toContain('about')
    expect(submenu(template[0]).at(-1)).toEqual({ role: 'quit' })
  })

  it('follows macOS conventions: the app menu first with About and Quit, a Window menu, Close in File', () => {
    const template = applicationMenuTemplate('darwin', 'Scholia', fakeMenuActions())
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual([
      'Scholia',
      'File',
      'Edit',
      'View',
      'Study',
      'windowMenu',
      'help'
    ])
    const appMenu = submenu(template[0]).map((item) => item.role ?? item.type)
    expect(appMenu[0]).toBe('about')
    expect(appMenu).toEqual(expect.arrayContaining(['services', 'hide', 'hideOthers', 'unhide', 'quit']))
    expect(submenu(template[1]).at(-1)).toEqual({ role: 'close' })
    expect(submenu(template.at(-1)).map((item) => item.role)).not.toContain('about')
  })

  it('File: Import… opens the import flow, Export… and Library reach the page', () => {
    const actions = fakeMenuActions()
    const file = submenu(applicationMenuTemplate('win32', 'Scholia', actions)[0])
    expect(applicationMenuTemplate('win32', 'Scholia', actions)[0]?.label).toBe('&File')
    click(find(file, 'Import…'))
    expect(actions.importFiles).toHaveBeenCalledTimes(1)
    click(find(file, 'Export…'))
    click(find(file, 'Library'))
    expect(actions.sent).toEqual(['open-export', 'open-library'])
    expect(find(file, 'Import…').accelerator).toBe('CmdOrCtrl+O')
  })

  it("Edit: the standard roles, and the page's shortcuts shown with the page's own keys", () => {
    const actions = fakeMenuActions()
    const edit = submenu(applicationMenuTemplate('linux', 'Scholia', actions)[1])
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll'
    ])
    const expected: [string, string, keyof typeof modShortcuts][] = [
      ['Find in document…', 'find-in-document', 'findInDocument'],
      ['Search everything…', 'search-everything', 'searchEverything'],
      ['Highlight selection', 'highlight-selection', 'highlightSelection'],
      ['Add note to selection', 'note-on-selection', 'noteOnSelection']
    ]
    for (const [label, command, shortcut] of expected) {
      const item = find(edit, label)
      expect(item.accelerator).toBe(accelerator(modShortcuts[shortcut]))
      // The page handles the key itself: registered twice, one press would act twice.
      expect(item.registerAccelerator).toBe(false)
      click(item)
      expect(actions.sent.at(-1)).toBe(command)
    }
    expect(find(edit, 'Find in document…').accelerator).toBe('CmdOrCtrl+F')
    expect(find(edit, 'Highlight selection').accelerator).toBe('CmdOrCtrl+Shift+H')
  })

  it('View: zoom, full screen and the theme; Study: review, cards, statistics; Help: shortcuts and the data folder', () => {
    const actions = fakeMenuActions()
    const [, , view, study, help] = applicationMenuTemplate('linux', 'Scholia', actions)
    expect(
      submenu(view)
        .map((item) => item.role)
        .filter(Boolean)
    ).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    for (const item of submenu(find(submenu(view), 'Theme'))) click(item)
    expect(actions.sent.splice(0)).toEqual(['theme-system', 'theme-light', 'theme-dark'])
    for (const item of submenu(study)) click(item)
    expect(actions.sent.splice(0)).toEqual(['open-review', 'open-cards', 'open-statistics'])
    click(find(submenu(help), 'Keyboard shortcuts'))
    expect(actions.sent).toEqual(['show-shortcuts'])
    click(find(submenu(help), 'Show data folder'))
    expect(actions.showDataFolder).toHaveBeenCalledTimes(1)
  })

  it('uses CmdOrCtrl for every accelerator (Cmd on macOS, Ctrl elsewhere)', () => {
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...all(submenu(item))])
    const accelerators = all(applicationMenuTemplate('darwin', 'Scholia', fakeMenuActions()))
      .map((item) => item.accelerator)
      .filter((value) => value !== undefined)
    expect(accelerators.length).toBeGreaterThan(4)
    for (const value of accelerators) expect(String(value)).toMatch(/^CmdOrCtrl\+/)
  })
})

describe('the shortcuts table the page and the menu share', () => {
  it('matches Ctrl or Cmd with the key, Shift as given, never Alt', () => {
    expect(matchesShortcut(press('f', { ctrlKey: true }), modShortcuts.findInDocument)).toBe(true)
    expect(matchesShortcut(press('F', { metaKey: true }), modShortcuts.findInDocument)).toBe(true)
    expect(matchesShortcut(press('f', {}), modShortcuts.findInDocument)).toBe(false)
    expect(matchesShortcut(press('f', { ctrlKey: true, altKey: true }), modShortcuts.findInDocument)).toBe(
      false
    )
    expect(
      matchesShortcut(press('H', { ctrlKey: true, shiftKey: true }), modShortcuts.highlightSelection)
    ).toBe(true)
    expect(matchesShortcut(press('h', { ctrlKey: true }), modShortcuts.highlightSelection)).toBe(false)
    expect(matchesShortcut(press('z', { ctrlKey: true, shiftKey: true }), modShortcuts.undo)).toBe(false)
  })
})

describe('the right-click menu', () => {
  const params = {
    selectionText: '',
    isEditable: false,
    misspelledWord: '',
    dictionarySuggestions: [] as string[]
  }
  const actions = () => ({ send: vi.fn(), replaceMisspelling: vi.fn(), addToDictionary: vi.fn() })

  it('on selected text: Copy, Highlight, Add note, Copy quote', () => {
    const fake = actions()
    const items = contextMenuTemplate({ ...params, selectionText: 'the Sino-DPRK split' }, fake)
    expect(items.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'copy',
      'separator',
      'Highlight',
      'Add note',
      'Copy quote'
    ])
    for (const item of items.filter((each) => each.click)) click(item)
    expect(fake.send.mock.calls).toEqual([['highlight-selection'], ['note-on-selection'], ['copy-quote']])
  })

  it('no menu where nothing is selected', () => {
    expect(contextMenuTemplate(params, actions())).toEqual([])
    expect(contextMenuTemplate({ ...params, selectionText: ' \n ' }, actions())).toEqual([])
  })

  it('in a text field: the spelling suggestions first, then Cut, Copy, Paste', () => {
    const fake = actions()
    const items = contextMenuTemplate(
      { ...params, isEditable: true, misspelledWord: 'bilaterlism', dictionarySuggestions: ['bilateralism'] },
      fake
    )
    expect(items.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'bilateralism',
      'Add to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll'
    ])
    click(items[0]!)
    click(items[1]!)
    expect(fake.replaceMisspelling).toHaveBeenCalledWith('bilateralism')
    expect(fake.addToDictionary).toHaveBeenCalledWith('bilaterlism')
    const plain = contextMenuTemplate({ ...params, isEditable: true }, fake)
    expect(plain.map((item) => item.role ?? item.type)).toEqual([
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll'
    ])
  })
})

describe('spell-checking', () => {
  it('is on where the system provides dictionaries (macOS, Windows), off on Linux', () => {
    const spellcheck = (platform: NodeJS.Platform) =>
      mainWindowOptions('/preload.js', undefined, platform).webPreferences?.spellcheck
    expect(spellcheck('darwin')).toBe(true)
    expect(spellcheck('win32')).toBe(true)
    // Electron would download Hunspell dictionaries from Google's servers there.
    expect(spellcheck('linux')).toBe(false)
  })
})

describe("the window's size, position and maximised state", () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }]
  const defaults = { width: 1280, height: 860 }
  let dir: { path: string; remove: () => void }
  beforeEach(() => {
    dir = makeTempDir()
  })
  afterEach(() => dir.remove())

  it('is saved when the window closes and read back at the next start', () => {
    const listeners = new Map<string, () => void>()
    const window = {
      on: (name: string, listener: () => void) => listeners.set(name, listener),
      getNormalBounds: () => ({ x: 200, y: 100, width: 1400, height: 900 }),
      isMaximized: () => true
    }
    rememberWindowState(window as never, (state) => writeWindowState(dir.path, state))
    listeners.get('close')!()
    const saved = readWindowState(dir.path)
    expect(saved).toEqual({ x: 200, y: 100, width: 1400, height: 900, maximized: true })
    expect(fitWindowState(saved, screens, defaults, minimumWindowSize)).toEqual(saved)
    const options = mainWindowOptions(
      '/preload.js',
      fitWindowState(saved, screens, defaults, minimumWindowSize)
    )
    expect(options).toMatchObject({ x: 200, y: 100, width: 1400, height: 900 })
  })

  it('gives the default window when there is no file, or a damaged one', () => {
    expect(fitWindowState(readWindowState(dir.path), screens, defaults, minimumWindowSize)).toEqual({
      ...defaults,
      maximized: false
    })
    for (const text of ['{', '[]', '{"width":"wide","height":800,"maximized":false}', '{"width":900}']) {
      writeFileSync(join(dir.path, windowStateFileName), text)
      expect(fitWindowState(readWindowState(dir.path), screens, defaults, minimumWindowSize)).toEqual({
        ...defaults,
        maximized: false
      })
    }
  })

  it('centres a window whose place is on a screen no longer attached, and keeps it within the sizes', () => {
    const offScreen = { x: 3000, y: 200, width: 1400, height: 900, maximized: false }
    expect(fitWindowState(offScreen, screens, defaults, minimumWindowSize)).toEqual({
      width: 1400,
      height: 900,
      maximized: false
    })
    // Only a sliver left on the screen: not enough to grab the title bar.
    expect(
      fitWindowState({ ...offScreen, x: 1900 }, screens, defaults, minimumWindowSize)
    ).not.toHaveProperty('x')
    const huge = fitWindowState(
      { x: 0, y: 0, width: 9000, height: 9000, maximized: false },
      screens,
      defaults,
      minimumWindowSize
    )
    expect(huge).toMatchObject({ width: 1920, height: 1040 })
    const tiny = fitWindowState(
      { x: 0, y: 0, width: 10, height: 10, maximized: false },
      screens,
      defaults,
      minimumWindowSize
    )
    expect(tiny).toMatchObject(minimumWindowSize)
  })

  it('a failed save costs the window its place, not the quit', () => {
    const listeners = new Map<string, () => void>()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    rememberWindowState(
      {
        on: (name: string, listener: () => void) => listeners.set(name, listener),
        getNormalBounds: () => ({ x: 0, y: 0, width: 1300, height: 800 }),
        isMaximized: () => false
      } as never,
      (state) => writeWindowState(join(dir.path, 'missing', 'folder'), state)
    )
    expect(() => listeners.get('close')!()).not.toThrow()
    expect(errors).toHaveBeenCalled()
    errors.mockRestore()
  })
})

describe('files opened from the system', () => {
  const test = useTestBackend()
  let dir: { path: string; remove: () => void }
  beforeEach(() => {
    dir = makeTempDir()
  })
  afterEach(() => dir.remove())

  const importDocument = (args: { fileName: string; text: string }) =>
    dispatchApiCall(test.current.backend.handlers, 'importDocument', args) as Promise<
      ApiResponse<ImportResult>
    >
  const importDocumentFile = (args: { fileName: string; bytes: Uint8Array }) =>
    dispatchApiCall(test.current.backend.handlers, 'importDocumentFile', args) as Promise<
      ApiResponse<ImportResult>
    >
  const realFiles = {
    fileSize: (path: string) => readFileSync(path).length,
    readFile: (path: string) => readFileSync(path),
    importDocument,
    importDocumentFile
  }

  it('takes the files among command-line arguments, relative to where the command ran', () => {
    mkdirSync(join(dir.path, 'notes'))
    writeFileSync(join(dir.path, 'notes', 'essay.md'), '# Essay\n')
    writeFileSync(join(dir.path, 'paper.HTML'), '<h1>Paper</h1>')
    writeFileSync(join(dir.path, 'picture.png'), '')
    const argv = [
      '/opt/Scholia/scholia',
      '--no-sandbox',
      'notes/essay.md',
      join(dir.path, 'paper.HTML'),
      'picture.png',
      'missing.md',
      'scholia://open?doc=abc',
      dir.path,
      'notes/essay.md'
    ]
    expect(filesInArguments(argv, dir.path, isFile)).toEqual([
      join(dir.path, 'notes', 'essay.md'),
      join(dir.path, 'paper.HTML')
    ])
  })

  it('imports a Markdown file into the library', async () => {
    const file = join(dir.path, 'essay.md')
    writeFileSync(file, '# On Reading\n\nA short essay about reading slowly.\n')
    const outcome = await importFileAtPath(file, realFiles)
    expect(outcome.ok).toBe(true)
    const documents = await test.current.backend.handlers.listDocuments({})
    expect(documents.map((document) => document.title)).toContain('On Reading')
  })

  it('imports an EPUB book from its bytes, and says why a DRM-protected one is not', async () => {
    const epubs = join(__dirname, '..', 'fixtures', 'epub')
    const book = await importFileAtPath(join(epubs, 'book2.epub'), realFiles)
    expect(book.ok).toBe(true)
    const documents = await test.current.backend.handlers.listDocuments({})
    expect(documents.map((document) => document.title)).toContain('A Short History of Lighthouses')
    const drm = await importFileAtPath(join(epubs, 'drm.epub'), realFiles)
    expect(drm).toMatchObject({ ok: false, message: expect.stringMatching(/protected by DRM/) as unknown })
    expect(filesInArguments(['book.epub', 'paper.pdf'], epubs, () => true)).toEqual([
      join(epubs, 'book.epub'),
      join(epubs, 'paper.pdf')
    ])
  })

  it('refuses, with a message a person can act on, what cannot be imported', async () => {
    writeFileSync(join(dir.path, 'scan.txt'), Buffer.from('%PDF-1.7\n%âãÏÓ\n'))
    const notText = await importFileAtPath(join(dir.path, 'scan.txt'), realFiles)
    expect(notText).toMatchObject({ ok: false })
    expect((notText as { message: string }).message).toMatch(/PDF/)
    const tooBig = await importFileAtPath(join(dir.path, 'scan.txt'), {
      ...realFiles,
      fileSize: () => 60 * 1024 * 1024
    })
    expect(tooBig).toMatchObject({ ok: false, message: expect.stringMatching(/up to 50 MB/) as unknown })
    const missing = await importFileAtPath(join(dir.path, 'gone.md'), realFiles)
    expect(missing).toEqual({ ok: false, message: 'gone.md: the file is no longer there.' })
    const before = await test.current.backend.handlers.listDocuments({})
    expect(before).toHaveLength(1)
  })

  it('shows the last file imported and says which ones were not', async () => {
    writeFileSync(join(dir.path, 'one.md'), '# One\n\nFirst text.\n')
    writeFileSync(join(dir.path, 'two.txt'), 'Two\n\nSecond text.\n')
    const showDocument = vi.fn()
    const showProblem = vi.fn()
    const opener = createFileOpener({ ...realFiles, showDocument, showProblem })
    await opener.open([join(dir.path, 'one.md'), join(dir.path, 'gone.md'), join(dir.path, 'two.txt')])
    expect(showProblem).toHaveBeenCalledWith(
      'Scholia could not import gone.md',
      'gone.md: the file is no longer there.'
    )
    const documents = await test.current.backend.handlers.listDocuments({})
    expect(documents).toHaveLength(3)
    const two = documents.find((document) => document.title === 'Two')
    expect(showDocument.mock.calls).toEqual([[two?.id]])
  })

  it('keeps files sent before the window exists (macOS open-file), then opens them with those in argv', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>()
    const app = {
      on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)
    }
    writeFileSync(join(dir.path, 'early.md'), '# Early\n')
    writeFileSync(join(dir.path, 'argv.md'), '# Argv\n')
    writeFileSync(join(dir.path, 'second.md'), '# Second\n')
    const registration = registerFileOpening(
      app as never,
      { argv: ['scholia', 'argv.md'], workingDirectory: dir.path },
      isFile
    )
    const preventDefault = vi.fn()
    listeners.get('open-file')!({ preventDefault }, join(dir.path, 'early.md'))
    expect(preventDefault).toHaveBeenCalled()
    const open = vi.fn(() => Promise.resolve())
    registration.ready({ open })
    expect(open.mock.calls).toEqual([[[join(dir.path, 'early.md'), join(dir.path, 'argv.md')]]])
    // A second instance started with a file (Windows, Linux): its arguments, its folder.
    listeners.get('second-instance')!({}, ['scholia', 'second.md'], dir.path)
    expect(open.mock.calls.at(-1)).toEqual([[join(dir.path, 'second.md')]])
    listeners.get('second-instance')!({}, ['scholia', 'scholia://open?doc=x'], dir.path)
    expect(open).toHaveBeenCalledTimes(2)
  })
})

describe('the desktop conventions wired to a window', () => {
  const test = useTestBackend()
  let dir: { path: string; remove: () => void }
  beforeEach(() => {
    dir = makeTempDir()
  })
  afterEach(() => dir.remove())

  function setUp(handlers: ApiHandlers, openDialogPaths: string[]) {
    const contextListeners: ((event: unknown, params: unknown) => void)[] = []
    const popup = vi.fn()
    const window = {
      isDestroyed: () => false,
      isMinimized: () => false,
      restore: vi.fn(),
      focus: vi.fn(),
      loadURL: vi.fn(() => Promise.resolve()),
      webContents: {
        send: vi.fn(),
        on: (_name: string, listener: (event: unknown, params: unknown) => void) =>
          contextListeners.push(listener),
        replaceMisspelling: vi.fn(),
        session: { addWordToSpellCheckerDictionary: vi.fn() }
      }
    }
    const Menu = {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template, popup })),
      setApplicationMenu: vi.fn()
    }
    const dialog = {
      showOpenDialog: vi.fn(() =>
        Promise.resolve({ canceled: openDialogPaths.length === 0, filePaths: openDialogPaths })
      ),
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 }))
    }
    const shell = { openPath: vi.fn(() => Promise.resolve('')) }
    const opener = installDesktopConventions({
      app: { name: 'Scholia' },
      Menu: Menu as never,
      dialog: dialog as never,
      shell,
      window: window as never,
      handlers,
      dataDir: dir.path,
      platform: 'linux'
    })
    const template = Menu.setApplicationMenu.mock.calls[0] ? Menu.buildFromTemplate.mock.calls[0]![0] : []
    return { opener, window, Menu, dialog, shell, template, contextListeners, popup }
  }

  it('File › Import… opens a dialog for texts, imports the choice and shows it', async () => {
    const file = join(dir.path, 'chosen.md')
    writeFileSync(file, '# Chosen\n\nPicked in the dialog.\n')
    const { template, dialog, window } = setUp(test.current.backend.handlers, [file])
    click(find(submenu(template[0]), 'Import…'))
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenCalled())
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Texts and books', extensions: ['md', 'markdown', 'txt', 'html', 'htm', 'pdf', 'epub'] }
        ]
      })
    )
    const chosen = (await test.current.backend.handlers.listDocuments({})).find((d) => d.title === 'Chosen')
    expect(window.loadURL).toHaveBeenCalledWith(`app://scholia/index.html#/doc/${chosen?.id}`)
  })

  it("sends the menus' commands to the window on the one command channel", () => {
    const { template, window } = setUp(test.current.backend.handlers, [])
    click(find(submenu(template[0]), 'Library'))
    expect(window.webContents.send).toHaveBeenCalledWith(desktopCommandChannel, 'open-library')
  })

  it('Help › Show data folder opens the library folder', () => {
    const { template, shell } = setUp(test.current.backend.handlers, [])
    click(find(submenu(template.at(-1)), 'Show data folder'))
    expect(shell.openPath).toHaveBeenCalledWith(dir.path)
  })

  it('pops the right-click menu up on selected text, and none on an empty spot', () => {
    const { contextListeners, popup, window } = setUp(test.current.backend.handlers, [])
    const base = { isEditable: false, misspelledWord: '', dictionarySuggestions: [] }
    contextListeners[0]!({}, { ...base, selectionText: '' })
    expect(popup).not.toHaveBeenCalled()
    contextListeners[0]!({}, { ...base, selectionText: 'Kim Il Sung' })
    expect(popup).toHaveBeenCalledWith({ window })
  })
})

// The Electron app's life cycle: one instance, the library opened once, the session and every web
// contents hardened, the renderer served on app://scholia/, the IPC handlers registered, one window.
// The back end is injected so that tests can drive all of this with a fake Electron and no database.
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron'
import type { Backend, BackendOptions } from '../app/compositionRoot'
import { registerAppScheme, serveAppFiles } from './appProtocol'
import { installDesktopConventions, isFile } from './desktopConventions'
import { createFileDialogs } from './fileDialogs'
import { registerDeepLinks } from './deepLinks'
import { registerIpcHandlers } from './ipc'
import { createPdfPrinter } from './printToPdf'
import { applySessionPolicy, hardenWebContents } from './security'
import { registerFileOpening } from './openFiles'
import { createMainWindow, defaultWindowSize, minimumWindowSize } from './window'
import { fitWindowState, readWindowState, rememberWindowState, writeWindowState } from './windowState'

/** What the shell needs of the back end; tests pass a fake with no database behind it. */
export type ShellBackend = Pick<Backend, 'handlers' | 'close'>

export interface ShellOptions {
  openBackend: (options: BackendOptions) => ShellBackend
  /** Startup failures a person can act on (the library is open elsewhere): shown as they are. */
  isUserFacingStartupError: (error: unknown) => error is Error
  /** The folder the main bundle runs from (out/main). */
  bundleDir: string
  env?: NodeJS.ProcessEnv
  /** This process's command line (files and scholia: links to open); process.argv by default. */
  argv?: readonly string[]
}

export interface ShellLayout {
  appRoot: string
  rendererDir: string
  preloadPath: string
  resourcesDir: string
}

/** Where things are relative to the built main bundle (electron-vite writes out/main, out/preload, out/renderer). */
export function shellLayout(bundleDir: string): ShellLayout {
  const appRoot = resolve(bundleDir, '..', '..')
  return {
    appRoot,
    rendererDir: resolve(bundleDir, '..', 'renderer'),
    preloadPath: resolve(bundleDir, '..', 'preload', 'index.js'),
    resourcesDir: join(appRoot, 'resources')
  }
}

export interface RunningShell {
  window: BrowserWindow
  backend: ShellBackend
}

function startupErrorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Starts the shell. Resolves with the window once it exists, or null when this process is not
 * the one that should run (another instance is running, or the library could not be opened).
 */
export async function startShell(options: ShellOptions): Promise<RunningShell | null> {
  const env = options.env ?? process.env
  const layout = shellLayout(options.bundleDir)
  registerAppScheme(protocol)

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }

  let mainWindow: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    // hardenWebContents hands over only http(s) URLs (isWebUrl), never file: or other schemes.
    hardenWebContents(contents, (url) => shell.openExternal(url)) // eng-disable OPEN_EXTERNAL_JS_CHECK — reviewed: only http(s) links reach it
  })
  // The back end holds the library lock: a process with no window has no reason to keep it.
  app.on('window-all-closed', () => app.quit())
  // Files from "Open with" or the app's icon: heard from now on (macOS may send them before
  // 'ready'), imported once the window exists.
  const fileOpening = registerFileOpening(
    app,
    { argv: options.argv ?? process.argv, workingDirectory: process.cwd() },
    isFile
  )

  await app.whenReady()

  const dataDir = env.SCHOLIA_DATA_DIR ? resolve(env.SCHOLIA_DATA_DIR) : app.getPath('userData')
  let backend: ShellBackend
  try {
    backend = options.openBackend({
      dataDir,
      ownDataDir: !env.SCHOLIA_DATA_DIR,
      mode: 'electron',
      version: app.getVersion(),
      resourcesDir: layout.resourcesDir,
      fileDialogs: createFileDialogs(dialog, () => mainWindow),
      pdfPrinter: createPdfPrinter(BrowserWindow)
    })
  } catch (error) {
    if (options.isUserFacingStartupError(error)) {
      dialog.showErrorBox("Scholia's library is in use", error.message)
    } else {
      console.error(error)
      dialog.showErrorBox('Scholia could not start', startupErrorText(error))
    }
    app.quit()
    return null
  }
  app.on('will-quit', () => backend.close())

  applySessionPolicy(session.defaultSession)
  serveAppFiles(protocol, layout.rendererDir)
  registerIpcHandlers(ipcMain, backend.handlers)

  const windowState = fitWindowState(
    readWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
    defaultWindowSize,
    minimumWindowSize
  )
  const window = createMainWindow(BrowserWindow, layout.preloadPath, windowState)
  mainWindow = window
  rememberWindowState(window, (state) => writeWindowState(dataDir, state))
  // scholia://open?doc=ID&at=OFFSET links from exported notes open the passage in this window.
  registerDeepLinks(app, () => mainWindow, options.argv)
  fileOpening.ready(
    installDesktopConventions({
      app,
      Menu,
      dialog,
      shell,
      window,
      handlers: backend.handlers,
      dataDir,
      platform: process.platform
    })
  )
  return { window, backend }
}

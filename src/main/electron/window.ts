// The main window: the renderer in a sandboxed, context-isolated page with no Node, reached only
// through the preload's bridge.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { productName } from '../app/paths'
import { appEntryUrl } from './appOrigin'

// 720 rather than 768 high: a 1366×768 laptop screen loses some of its height to the taskbar.
export const minimumWindowSize = { width: 1024, height: 720 }

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: productName,
    width: 1280,
    height: 860,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    // Shown on 'ready-to-show' so the window never flashes blank.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false
    }
  }
}

type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

export function createMainWindow(Window: BrowserWindowConstructor, preloadPath: string): BrowserWindow {
  const window = new Window(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    console.error('Scholia: the window could not load its page:', error)
  })
  return window
}

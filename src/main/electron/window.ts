// The main window: the renderer in a hardened window (see hardenedWindow.ts), reaching the back end
// only through the preload's bridge.
import type { BrowserWindow } from 'electron'
import { productName } from '../app/paths'
import { appEntryUrl } from './appOrigin'
import {
  createHardenedWindow,
  type BrowserWindowConstructor,
  type HardenedWindowOptions
} from './hardenedWindow'

// 720 rather than 768 high: a 1366×768 laptop screen loses some of its height to the taskbar.
export const minimumWindowSize = { width: 1024, height: 720 }

export function mainWindowOptions(preloadPath: string): HardenedWindowOptions {
  return {
    title: productName,
    width: 1280,
    height: 860,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    // Shown on 'ready-to-show' so the window never flashes blank.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { preload: preloadPath }
  }
}

export function createMainWindow(Window: BrowserWindowConstructor, preloadPath: string): BrowserWindow {
  const window = createHardenedWindow(Window, mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    console.error('Scholia: the window could not load its page:', error)
  })
  return window
}

// The main window: the renderer in a hardened window (see hardenedWindow.ts), reaching the back end
// only through the preload's bridge; its size, place and maximised state as the last run left them.
import type { BrowserWindow } from 'electron'
import { productName } from '../app/paths'
import { appEntryUrl } from './appOrigin'
import {
  createHardenedWindow,
  type BrowserWindowConstructor,
  type HardenedWindowOptions
} from './hardenedWindow'
import type { WindowState } from './windowState'

// 720 rather than 768 high: a 1366×768 laptop screen loses some of its height to the taskbar.
export const minimumWindowSize = { width: 1024, height: 720 }
export const defaultWindowSize = { width: 1280, height: 860 }

/**
 * Spell-checking in the note editor where the system provides the dictionaries (macOS, Windows).
 * On Linux Chromium would download Hunspell dictionaries from Google's servers: off there.
 */
export function spellCheckAvailable(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32'
}

export function mainWindowOptions(
  preloadPath: string,
  state: WindowState = { ...defaultWindowSize, maximized: false },
  platform: NodeJS.Platform = process.platform
): HardenedWindowOptions {
  return {
    title: productName,
    // The size and place remembered from the last run (windowState.ts); no x/y: centred.
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    // Shown on 'ready-to-show' so the window never flashes blank.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { preload: preloadPath, spellcheck: spellCheckAvailable(platform) }
  }
}

export function createMainWindow(
  Window: BrowserWindowConstructor,
  preloadPath: string,
  state?: WindowState
): BrowserWindow {
  const window = createHardenedWindow(Window, mainWindowOptions(preloadPath, state))
  window.once('ready-to-show', () => {
    // maximize() also shows the window: only once its page has painted.
    if (state?.maximized) window.maximize()
    window.show()
  })
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    console.error('Scholia: the window could not load its page:', error)
  })
  return window
}

// The one way Scholia makes a BrowserWindow: sandboxed, context-isolated, no Node anywhere, web
// security on, no <webview>, no experimental features, hidden until the caller shows it. The main
// window and the hidden print window both come from here, so a hardening added once holds for both.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'

export const hardenedWebPreferences = {
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
} as const satisfies WebPreferences

/** What a window may add to the hardened preferences: its preload, its session, less (never more). */
export type WindowPreferences = Pick<WebPreferences, 'preload' | 'partition' | 'javascript' | 'images'>

export type HardenedWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'> & {
  webPreferences?: WindowPreferences
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

/** The options a hardened window is made with; the hardened preferences are applied last, so they win. */
export function hardenedWindowOptions(options: HardenedWindowOptions): BrowserWindowConstructorOptions {
  return {
    show: false,
    ...options,
    webPreferences: { ...options.webPreferences, ...hardenedWebPreferences }
  }
}

export function createHardenedWindow(
  Window: BrowserWindowConstructor,
  options: HardenedWindowOptions
): BrowserWindow {
  return new Window(hardenedWindowOptions(options))
}

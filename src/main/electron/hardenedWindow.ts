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
  safeDialogs: true
} as const satisfies WebPreferences

/**
 * What a window may add to the hardened preferences: its preload, its session, less (never more),
 * and spell-checking (off unless asked for: on Linux it would fetch dictionaries from the network).
 */
export type WindowPreferences = Pick<
  WebPreferences,
  'preload' | 'partition' | 'javascript' | 'images' | 'spellcheck'
>

export type HardenedWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'> & {
  webPreferences?: WindowPreferences
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

/** The options a hardened window is made with; the hardened preferences are applied last, so they win. */
export function hardenedWindowOptions(options: HardenedWindowOptions): BrowserWindowConstructorOptions {
  return {
    show: false,
    ...options,
    webPreferences: { spellcheck: false, ...options.webPreferences, ...hardenedWebPreferences }
  }
}

export function createHardenedWindow(
  Window: BrowserWindowConstructor,
  options: HardenedWindowOptions
): BrowserWindow {
  return new Window(hardenedWindowOptions(options))
}

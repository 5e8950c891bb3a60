// Every window Scholia opens comes from one hardened factory: the main window and the hidden print
// window carry the same locked-down preferences, and no window's own options can loosen them.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  createHardenedWindow,
  hardenedWebPreferences,
  hardenedWindowOptions,
  type HardenedWindowOptions
} from '../../src/main/electron/hardenedWindow'
import { printPartition, printWindowOptions } from '../../src/main/electron/printToPdf'
import { createMainWindow } from '../../src/main/electron/window'

/** A stand-in for Electron's BrowserWindow that keeps the options each window was made with. */
function recordingWindowClass() {
  const made: BrowserWindowConstructorOptions[] = []
  class Window {
    constructor(options: BrowserWindowConstructorOptions) {
      made.push(options)
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve()
    }
  }
  return {
    Window: Window as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
    made
  }
}

describe('the hardened window factory', () => {
  it('makes the main window and the print window with every hardened preference', () => {
    const { Window, made } = recordingWindowClass()
    createMainWindow(Window, '/app/out/preload/index.js')
    createHardenedWindow(Window, printWindowOptions())
    expect(made).toHaveLength(2)
    for (const options of made) {
      expect(options.show).toBe(false)
      expect(options.webPreferences).toMatchObject(hardenedWebPreferences)
    }
    expect(made[0]?.webPreferences?.preload).toBe('/app/out/preload/index.js')
    expect(made[1]?.webPreferences).toMatchObject({ javascript: false, partition: printPartition })
  })

  it("lets no window's own options loosen them", () => {
    const loosened = {
      webPreferences: { sandbox: false, nodeIntegration: true, contextIsolation: false, webSecurity: false }
    } as unknown as HardenedWindowOptions
    expect(hardenedWindowOptions(loosened).webPreferences).toMatchObject(hardenedWebPreferences)
  })
})

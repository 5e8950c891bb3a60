// The study sheet as PDF: the hidden print window is locked down (sandboxed, isolated, JavaScript
// off, a session of its own), it prints the sheet to A4 and is destroyed even when printing fails;
// the back end saves the printed bytes where the person chose, and the browser mode says how to
// print there instead. A fake BrowserWindow stands in for Electron, which cannot run here.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import type { FileDialogs, PdfPrinter } from '../../src/main/app/handlers/libraryHandlers'
import { createPdfPrinter, printPartition } from '../../src/main/electron/printToPdf'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const pdfBytes = Buffer.from('%PDF-1.7 fake')

interface FakeWindow {
  options: BrowserWindowConstructorOptions
  loaded: { path: string; html: string }[]
  printOptions: unknown[]
  destroyed: boolean
}

function fakeWindowClass(behaviour: { printFails?: boolean; loadHangs?: boolean } = {}) {
  const windows: FakeWindow[] = []
  class Window {
    readonly record: FakeWindow
    readonly webContents: unknown
    constructor(options: BrowserWindowConstructorOptions) {
      const record: FakeWindow = { options, loaded: [], printOptions: [], destroyed: false }
      this.record = record
      windows.push(record)
      this.webContents = {
        loadFile: (path: string) => {
          record.loaded.push({ path, html: readFileSync(path, 'utf8') })
          return behaviour.loadHangs ? new Promise<void>(() => undefined) : Promise.resolve()
        },
        printToPDF: (printOptions: unknown) => {
          record.printOptions.push(printOptions)
          return behaviour.printFails
            ? Promise.reject(new Error('printer on fire'))
            : Promise.resolve(pdfBytes)
        }
      }
    }
    isDestroyed(): boolean {
      return this.record.destroyed
    }
    destroy(): void {
      this.record.destroyed = true
    }
  }
  return {
    Window: Window as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
    windows
  }
}

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

function tempDir(): string {
  const dir = makeTempDir()
  cleanups.push(dir.remove)
  return dir.path
}

describe('createPdfPrinter', () => {
  it('prints in a hidden, sandboxed window with JavaScript off and a session of its own', async () => {
    const { Window, windows } = fakeWindowClass()
    const printer = createPdfPrinter(Window, { tempDir: tempDir() })

    const pdf = await printer.htmlToPdf('<!doctype html><title>Sheet</title><p>Notes</p>')

    expect(Buffer.from(pdf).toString()).toBe(pdfBytes.toString())
    const [window] = windows
    expect(window?.options.show).toBe(false)
    expect(window?.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: printPartition
    })
    expect(window?.options.webPreferences?.preload).toBeUndefined()
    expect(printPartition.startsWith('persist:')).toBe(false)
    expect(window?.loaded.map((entry) => entry.html)).toEqual([
      '<!doctype html><title>Sheet</title><p>Notes</p>'
    ])
    expect(window?.printOptions).toEqual([{ printBackground: true, pageSize: 'A4' }])
    expect(window?.destroyed).toBe(true)
  })

  it('destroys the window and removes the sheet file when printing throws', async () => {
    const { Window, windows } = fakeWindowClass({ printFails: true })
    const printer = createPdfPrinter(Window, { tempDir: tempDir() })

    await expect(printer.htmlToPdf('<p>x</p>')).rejects.toThrow('printer on fire')

    expect(windows[0]?.destroyed).toBe(true)
    expect(existsSync(windows[0]?.loaded[0]?.path ?? '')).toBe(false)
  })

  it('gives up on a page that never loads, and destroys its window', async () => {
    const { Window, windows } = fakeWindowClass({ loadHangs: true })
    const printer = createPdfPrinter(Window, { tempDir: tempDir(), timeoutMs: 20 })

    await expect(printer.htmlToPdf('<p>x</p>')).rejects.toThrow(/longer than/)

    expect(windows[0]?.destroyed).toBe(true)
  })
})

describe('saveStudySheetPdf', () => {
  let backend: Backend
  let documentId = ''
  const printed: string[] = []
  const printer: PdfPrinter = {
    htmlToPdf: (html) => {
      printed.push(html)
      return Promise.resolve(new Uint8Array(pdfBytes))
    }
  }
  let chosen: { name: string; extension: string }[] = []
  let savePath: string | null = null
  const dialogs: FileDialogs = {
    chooseSavePath: (name, extension) => {
      chosen.push({ name, extension })
      return Promise.resolve(savePath)
    },
    chooseFolder: () => Promise.resolve(null)
  }

  beforeEach(async () => {
    printed.length = 0
    chosen = []
    backend = openBackend({
      dataDir: tempDir(),
      mode: 'electron',
      resourcesDir,
      now: () => 1_800_000_000_000,
      fileDialogs: dialogs,
      pdfPrinter: printer
    })
    cleanups.push(() => backend.close())
    documentId = (await backend.handlers.listDocuments({}))[0]?.id ?? ''
  })

  it('prints the study sheet and writes its PDF where the person chose', async () => {
    savePath = join(tempDir(), 'sheet.pdf')
    const { metadata } = await backend.handlers.getDocument({ documentId })

    const result = await backend.handlers.saveStudySheetPdf({ documentId })

    expect(result).toEqual({ saved: true, paths: [savePath] })
    expect(chosen).toEqual([
      { name: expect.stringMatching(/ study sheet\.pdf$/) as unknown, extension: 'pdf' }
    ])
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('Content-Security-Policy')
    expect(printed[0]).toContain(metadata.title.slice(0, 20))
    expect(readFileSync(savePath).equals(pdfBytes)).toBe(true)
  })

  it('prints nothing when the person cancels the dialog', async () => {
    savePath = null
    expect(await backend.handlers.saveStudySheetPdf({ documentId })).toEqual({ saved: false })
    expect(printed).toEqual([])
  })

  it('says what went wrong when printing fails, and writes no file', async () => {
    savePath = join(tempDir(), 'sheet.pdf')
    const failing = openBackend({
      dataDir: tempDir(),
      mode: 'electron',
      resourcesDir,
      fileDialogs: dialogs,
      pdfPrinter: { htmlToPdf: () => Promise.reject(new Error('printer on fire')) }
    })
    cleanups.push(() => failing.close())
    const id = (await failing.handlers.listDocuments({}))[0]?.id ?? ''

    await expect(Promise.resolve(failing.handlers.saveStudySheetPdf({ documentId: id }))).rejects.toThrow(
      /could not be printed to PDF \(printer on fire\)\. Export it as HTML/
    )
    expect(existsSync(savePath)).toBe(false)
  })

  it('tells the browser mode to print the HTML sheet instead', async () => {
    const web = openBackend({ dataDir: tempDir(), mode: 'web', resourcesDir })
    cleanups.push(() => web.close())
    await expect(
      Promise.resolve().then(() => web.handlers.saveStudySheetPdf({ documentId }))
    ).rejects.toThrow(/Print → Save as PDF/)
  })
})

// The Electron shell against a fake Electron (the real binary cannot run on the CI machines) and a
// fake back end: window hardening, navigation and pop-up guards, CSP, permissions, the IPC surface.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiMethodNames, ipcChannelPrefix, type ApiHandlers } from '../../src/shared/contract'
import { contentSecurityPolicy } from '../../src/main/transport/csp'
import { internalErrorMessage } from '../../src/main/transport/dispatch'
import { UserError } from '../../src/shared/userError'

type Listener = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, Listener[]>(),
    windows: [] as {
      options: Record<string, unknown>
      loadURL: ReturnType<typeof vi.fn>
      listeners: Map<string, Listener>
    }[],
    applicationMenu: null as unknown,
    workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }],
    ipcHandlers: new Map<string, Listener>(),
    headersListener: null as Listener | null,
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    protocolHandlers: new Map<string, Listener>(),
    singleInstance: true
  }
  class FakeBrowserWindow {
    options: Record<string, unknown>
    loadURL = vi.fn(() => Promise.resolve())
    once = vi.fn()
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = vi.fn(() => true)
    isDestroyed = vi.fn(() => false)
    maximize = vi.fn()
    isMaximized = vi.fn(() => false)
    getNormalBounds = vi.fn(() => ({ x: 40, y: 30, width: 1300, height: 900 }))
    listeners = new Map<string, Listener>()
    on = vi.fn((name: string, listener: Listener) => this.listeners.set(name, listener))
    webContents = { on: vi.fn(), send: vi.fn(), session: { addWordToSpellCheckerDictionary: vi.fn() } }
    constructor(options: Record<string, unknown>) {
      this.options = options
      state.windows.push(this)
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: vi.fn(() => state.singleInstance),
      on: vi.fn((name: string, listener: Listener) => {
        state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener])
      }),
      whenReady: vi.fn(() => Promise.resolve()),
      getPath: vi.fn(() => '/fake/userData'),
      getVersion: vi.fn(() => '9.8.7'),
      setAsDefaultProtocolClient: vi.fn(() => true),
      quit: vi.fn(),
      name: 'Scholia'
    },
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
      setApplicationMenu: vi.fn((menu: unknown) => (state.applicationMenu = menu))
    },
    screen: { getAllDisplays: vi.fn(() => state.workAreas.map((workArea) => ({ workArea }))) },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel))
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn((listener: Listener) => (state.headersListener = listener)) },
        setPermissionRequestHandler: vi.fn((h: Listener) => (state.permissionRequestHandler = h)),
        setPermissionCheckHandler: vi.fn((h: Listener) => (state.permissionCheckHandler = h))
      }
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: Listener) => state.protocolHandlers.set(scheme, handler))
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
    dialog: {
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 }))
    }
  }
  return { state, electron }
})

vi.mock('electron', () => fake.electron)

const { startShell } = await import('../../src/main/electron/shell')

class FakeLibraryInUseError extends Error {}

function fakeHandlers(): ApiHandlers {
  const handlers = {} as Record<string, ReturnType<typeof vi.fn>>
  for (const method of apiMethodNames) handlers[method] = vi.fn(() => ({ method }))
  return handlers as unknown as ApiHandlers
}

function makeBundleDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'scholia-shell-'))
  const bundleDir = join(root, 'out', 'main')
  mkdirSync(bundleDir, { recursive: true })
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true })
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html><title>Scholia</title>')
  return bundleDir
}

async function start(overrides: { env?: NodeJS.ProcessEnv; openBackend?: () => never } = {}) {
  const handlers = fakeHandlers()
  const close = vi.fn()
  const openBackend = vi.fn(overrides.openBackend ?? (() => ({ handlers, close })))
  const bundleDir = makeBundleDir()
  const running = await startShell({
    openBackend,
    isUserFacingStartupError: (error): error is Error => error instanceof FakeLibraryInUseError,
    bundleDir,
    env: overrides.env ?? {}
  })
  return { running, handlers, close, openBackend, bundleDir }
}

function emitApp(name: string, ...args: unknown[]): void {
  for (const listener of fake.state.appListeners.get(name) ?? []) listener(...args)
}

/** A fake web contents run through the shell's 'web-contents-created' guard. */
function createdWebContents() {
  const listeners = new Map<string, Listener>()
  let windowOpenHandler: Listener | null = null
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: Listener) => (windowOpenHandler = handler)
  }
  emitApp('web-contents-created', {}, contents)
  const navigate = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() }
    listeners.get(name)?.(event)
    return event.preventDefault.mock.calls.length > 0
  }
  return {
    navigate,
    openWindow: (url: string) => windowOpenHandler?.({ url }) as { action: string } | undefined,
    attachWebview: () => navigate('will-attach-webview', 'app://scholia/')
  }
}

const trustedFrame = { url: 'app://scholia/index.html', parent: null }

async function invoke(channel: string, args: unknown, senderFrame: unknown = trustedFrame) {
  const handler = fake.state.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler on ${channel}`)
  return (await handler({ senderFrame }, args)) as { ok: boolean; value?: unknown; error?: { code: string } }
}

beforeEach(() => {
  fake.state.appListeners.clear()
  fake.state.windows.length = 0
  fake.state.ipcHandlers.clear()
  fake.state.protocolHandlers.clear()
  fake.state.headersListener = null
  fake.state.singleInstance = true
  fake.state.applicationMenu = null
})

afterEach(() => {
  vi.clearAllMocks()
})

describe('the main window', () => {
  it('is sandboxed, context-isolated, without Node and with web security', async () => {
    const { bundleDir } = await start()
    expect(fake.state.windows).toHaveLength(1)
    const options = fake.state.windows[0]!.options
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: join(bundleDir, '..', 'preload', 'index.js')
    })
    expect(options.minWidth).toBeGreaterThanOrEqual(1024)
    expect(options.minHeight).toBeGreaterThanOrEqual(700)
  })

  it('loads the renderer from the app origin served out of out/renderer, with the CSP', async () => {
    await start()
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('app://scholia/index.html')
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown
      })
    ])
    const serve = fake.state.protocolHandlers.get('app')!
    const response = (await serve(new Request('app://scholia/index.html'))) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(await response.text()).toContain('<title>Scholia</title>')
  })
})

describe('navigation and new windows', () => {
  it('prevents navigation to another origin and sends web links to the system browser', async () => {
    await start()
    const contents = createdWebContents()
    expect(contents.navigate('will-navigate', 'https://example.org/paper')).toBe(true)
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/paper')
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-navigate', 'app://evil/index.html')).toBe(true)
    expect(contents.navigate('will-redirect', 'https://example.org/')).toBe(true)
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('lets the app navigate within its own origin', async () => {
    await start()
    const contents = createdWebContents()
    expect(contents.navigate('will-navigate', 'app://scholia/index.html#notes')).toBe(false)
    expect(contents.navigate('will-redirect', 'app://scholia/index.html')).toBe(false)
  })

  it('denies window.open, opening only http(s) links externally', async () => {
    await start()
    const contents = createdWebContents()
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' })
    expect(contents.openWindow('app://scholia/index.html')).toEqual({ action: 'deny' })
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(fake.electron.shell.openExternal.mock.calls).toEqual([['https://example.org/']])
  })

  it('refuses to attach a <webview>', async () => {
    await start()
    expect(createdWebContents().attachWebview()).toBe(true)
  })
})

describe('session policy', () => {
  it('sets the CSP on every response, replacing any other', async () => {
    await start()
    const callback = vi.fn()
    fake.state.headersListener!(
      {
        url: 'app://scholia/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }
      },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] }
    })
  })

  it('denies permission requests and checks', async () => {
    await start()
    const callback = vi.fn()
    const page = { getURL: () => 'app://scholia/index.html' }
    fake.state.permissionRequestHandler!(page, 'media', callback, {})
    fake.state.permissionRequestHandler!(page, 'notifications', callback, {})
    expect(callback.mock.calls).toEqual([[false], [false]])
    expect(fake.state.permissionCheckHandler!(page, 'geolocation', 'app://scholia', {})).toBe(false)
  })
})

describe('IPC', () => {
  it('registers exactly one handler per contract method, on prefixed channels', async () => {
    await start()
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(
      apiMethodNames.map((name) => ipcChannelPrefix + name).sort()
    )
    expect(fake.electron.ipcMain.handle).toHaveBeenCalledTimes(apiMethodNames.length)
  })

  it('answers a valid call from the app with the service result', async () => {
    const { handlers } = await start()
    const response = await invoke('scholia:getDocument', { documentId: 'doc-1' })
    expect(response).toEqual({ ok: true, value: { method: 'getDocument' } })
    expect(handlers.getDocument).toHaveBeenCalledWith({ documentId: 'doc-1' })
  })

  it('refuses malformed arguments with an error envelope before the service sees them', async () => {
    const { handlers } = await start()
    for (const args of [{ documentId: 42 }, { documentId: 'x', extra: true }, 'doc-1', [1]]) {
      const response = await invoke('scholia:getDocument', args)
      expect(response.ok).toBe(false)
      expect(response.error?.code).toBe('invalid-input')
    }
    expect(handlers.getDocument).not.toHaveBeenCalled()
  })

  it('answers an exception in a service with the same internal-error envelope as the browser mode', async () => {
    const { handlers } = await start()
    vi.mocked(handlers.listTags).mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'tags')")
    })
    vi.mocked(handlers.removeDocument).mockImplementation(() =>
      Promise.reject(new UserError('not-found', 'That document is not in the library.'))
    )
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      // Resolved, not rejected: a rejected invoke reaches the renderer as Electron's raw
      // "Error invoking remote method 'scholia:listTags': TypeError: …".
      expect(await invoke('scholia:listTags', {})).toEqual({
        ok: false,
        error: { code: 'internal', message: internalErrorMessage }
      })
      expect(errorLog).toHaveBeenCalledWith(expect.stringMatching(/internal error in listTags: TypeError/))
      expect(await invoke('scholia:removeDocument', { documentId: 'a' })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'That document is not in the library.' }
      })
    } finally {
      errorLog.mockRestore()
    }
  })

  it('refuses calls from any sender but the top frame of the app origin', async () => {
    const { handlers } = await start()
    const senders = [
      { url: 'https://example.org/', parent: null },
      { url: 'file:///tmp/index.html', parent: null },
      { url: 'app://scholia/index.html', parent: trustedFrame },
      null
    ]
    for (const sender of senders) {
      const response = await invoke('scholia:listDocuments', {}, sender)
      expect(response).toMatchObject({ ok: false, error: { code: 'refused' } })
    }
    expect(handlers.listDocuments).not.toHaveBeenCalled()
  })
})

describe('start-up', () => {
  it('opens the library in SCHOLIA_DATA_DIR, else in userData, in electron mode', async () => {
    const first = await start({ env: { SCHOLIA_DATA_DIR: '/data/scholia' } })
    expect(first.openBackend).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: '/data/scholia',
        mode: 'electron',
        version: '9.8.7'
      })
    )
    const second = await start()
    expect(second.openBackend).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/fake/userData' }))
  })

  it('opens the library with the better-sqlite3 that npm installed (Node-API: one build for Node and Electron)', async () => {
    // A stale copy from the days of a separate Electron build must not be picked up.
    const bundleDir = makeBundleDir()
    const stale = join(bundleDir, '..', '..', 'native', 'electron', 'better_sqlite3.node')
    mkdirSync(join(stale, '..'), { recursive: true })
    writeFileSync(stale, '')
    const openBackend = vi.fn(() => ({ handlers: fakeHandlers(), close: vi.fn() }))
    await startShell({
      openBackend,
      isUserFacingStartupError: (_error): _error is Error => false,
      bundleDir,
      env: {}
    })
    expect(openBackend).toHaveBeenCalledTimes(1)
    expect((openBackend.mock.calls as unknown[][])[0]?.[0]).not.toHaveProperty('sqliteNativeBinding')
  })

  it('shows the message and quits when the library is open elsewhere', async () => {
    const { running } = await start({
      openBackend: () => {
        throw new FakeLibraryInUseError('The Scholia library is already open in another window.')
      }
    })
    expect(running).toBeNull()
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      'The Scholia library is already open in another window.'
    )
    expect(fake.electron.app.quit).toHaveBeenCalled()
    expect(fake.state.windows).toHaveLength(0)
    expect(fake.state.ipcHandlers.size).toBe(0)
  })

  it('leaves the running instance alone and focuses it from a second one', async () => {
    fake.state.singleInstance = false
    const second = await start()
    expect(second.running).toBeNull()
    expect(second.openBackend).not.toHaveBeenCalled()
    expect(fake.electron.app.quit).toHaveBeenCalled()

    fake.state.singleInstance = true
    const first = await start()
    emitApp('second-instance', {}, [], '/')
    expect(fake.state.windows.at(-1)).toBe(first.running!.window)
    expect((first.running!.window as unknown as { focus: ReturnType<typeof vi.fn> }).focus).toHaveBeenCalled()
  })

  it('closes the back end when the app quits', async () => {
    const { close } = await start()
    expect(close).not.toHaveBeenCalled()
    emitApp('will-quit')
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('registers as the handler of scholia: links once the window exists', async () => {
    await start()
    expect(fake.electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('scholia')
  })
})

describe('desktop conventions', () => {
  it("remembers the window's size, place and maximised state in the data folder", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scholia-shell-data-'))
    await start({ env: { SCHOLIA_DATA_DIR: dataDir } })
    const first = fake.state.windows.at(-1)!
    expect(first.options).toMatchObject({ width: 1280, height: 860 })
    expect(first.options).not.toHaveProperty('x')
    first.listeners.get('close')!()

    await start({ env: { SCHOLIA_DATA_DIR: dataDir } })
    expect(fake.state.windows.at(-1)!.options).toMatchObject({ x: 40, y: 30, width: 1300, height: 900 })
  })

  it('installs the application menu', async () => {
    await start()
    const menu = fake.state.applicationMenu as { template: { label?: string; role?: string }[] }
    expect(menu.template.map((item) => item.label ?? item.role)).toEqual(
      expect.arrayContaining(['&File', '&Edit', '&View', '&Study', 'help'])
    )
  })

  it('imports a file it was started with ("Open with" on Windows and Linux) and shows it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'scholia-shell-open-'))
    const file = join(folder, 'essay.md')
    writeFileSync(file, '# Essay\n')
    const handlers = fakeHandlers()
    const importDocument = vi.fn(() => ({ document: { id: 'doc-essay' }, existing: false, warnings: [] }))
    Object.assign(handlers, { importDocument })
    await startShell({
      openBackend: () => ({ handlers, close: vi.fn() }),
      isUserFacingStartupError: (_error): _error is Error => false,
      bundleDir: makeBundleDir(),
      env: {},
      argv: ['/opt/Scholia/scholia', file]
    })
    const window = fake.state.windows.at(-1)!
    await vi.waitFor(() =>
      expect(window.loadURL).toHaveBeenCalledWith('app://scholia/index.html#/doc/doc-essay')
    )
    expect(importDocument).toHaveBeenCalledWith({ fileName: 'essay.md', text: '# Essay\n' })
  })
})

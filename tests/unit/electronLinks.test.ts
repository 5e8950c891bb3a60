// scholia: links and the save dialogs against fakes of the Electron objects they use (the Electron
// binary cannot run on the CI machines): strict parsing, routing to the window, dialog results.
import { describe, expect, it, vi } from 'vitest'
import type { App } from 'electron'
import {
  deepLinkInArguments,
  deepLinkTarget,
  parseDeepLink,
  registerDeepLinks
} from '../../src/main/electron/deepLinks'
import { createFileDialogs } from '../../src/main/electron/fileDialogs'

vi.mock('electron', () => ({}))

describe('scholia: links', () => {
  it('parses the link the Markdown export writes', () => {
    expect(parseDeepLink('scholia://open?doc=3f2a-9b_c&at=1234')).toEqual({
      documentId: '3f2a-9b_c',
      at: 1234
    })
    expect(parseDeepLink('scholia://open?doc=abc')).toEqual({ documentId: 'abc', at: null })
    expect(deepLinkTarget({ documentId: 'abc', at: 7 })).toBe('app://scholia/index.html#/doc/abc?at=7')
  })

  it.each([
    'scholia://delete?doc=abc',
    'scholia://open?doc=../../etc&at=1',
    'scholia://open?doc=<script>&at=1',
    'scholia://open?doc=abc&at=-1',
    'scholia://open?doc=abc&at=1e9',
    'scholia://open?doc=abc&at=javascript:alert(1)',
    'javascript://open?doc=abc',
    'https://open?doc=abc',
    'not a url'
  ])('ignores %s', (url) => {
    expect(parseDeepLink(url)).toBeNull()
  })

  it('finds the link among a second instance’s arguments', () => {
    expect(deepLinkInArguments(['/usr/bin/scholia', '--flag', 'scholia://open?doc=a1&at=2'])).toEqual({
      documentId: 'a1',
      at: 2
    })
    expect(deepLinkInArguments(['/usr/bin/scholia', 'scholia://open?doc=../x'])).toBeNull()
  })

  it('registers the protocol and routes open-url and second-instance links to the window', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>()
    const app = {
      setAsDefaultProtocolClient: vi.fn(() => true),
      on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener))
    }
    const window = {
      loadURL: vi.fn(() => Promise.resolve()),
      focus: vi.fn(),
      isMinimized: vi.fn(() => false),
      restore: vi.fn()
    }
    registerDeepLinks(app as unknown as Pick<App, 'setAsDefaultProtocolClient' | 'on'>, () => window, [])
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('scholia')
    const preventDefault = vi.fn()
    listeners.get('open-url')?.({ preventDefault }, 'scholia://open?doc=d1&at=5')
    expect(preventDefault).toHaveBeenCalled()
    expect(window.loadURL).toHaveBeenLastCalledWith('app://scholia/index.html#/doc/d1?at=5')
    listeners.get('second-instance')?.({}, ['scholia', 'scholia://open?doc=d2'])
    expect(window.loadURL).toHaveBeenLastCalledWith('app://scholia/index.html#/doc/d2')
    listeners.get('open-url')?.({ preventDefault }, 'scholia://open?doc=../../x')
    expect(window.loadURL).toHaveBeenCalledTimes(2)
  })
})

describe('save dialogs', () => {
  it('returns the chosen path, or null when cancelled', async () => {
    const dialog = {
      showSaveDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePath: '/home/me/notes.md' })
        .mockResolvedValueOnce({ canceled: true, filePath: '' }),
      showOpenDialog: vi.fn().mockResolvedValueOnce({ canceled: false, filePaths: ['/home/me/vault'] })
    }
    const dialogs = createFileDialogs(dialog, () => null)
    expect(await dialogs.chooseSavePath('notes.md', 'md')).toBe('/home/me/notes.md')
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: 'notes.md',
        filters: [{ name: 'Markdown', extensions: ['md'] }]
      })
    )
    expect(await dialogs.chooseSavePath('notes.md', 'md')).toBeNull()
    expect(await dialogs.chooseFolder('Choose')).toBe('/home/me/vault')
  })
})

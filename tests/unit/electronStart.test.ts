// npm start's decisions: Electron or the browser mode, and how to open the browser.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  browserOpenCommand,
  decideStartMode,
  downloadTimeoutSeconds,
  electronArguments,
  installerFailureReason,
  postinstallDownloadPlan,
  runningUrl
} from '../../scripts/startDecisions.mjs'

const electronDir = '/app/node_modules/electron'

function disk(files: Record<string, string>) {
  return { exists: (path: string) => path in files, readText: (path: string) => files[path] ?? '' }
}

const withBinary = disk({
  [join(electronDir, 'path.txt')]: 'electron',
  [join(electronDir, 'dist', 'electron')]: ''
})

describe('decideStartMode', () => {
  it('runs Electron when its binary is on disk and there is a display', () => {
    const decision = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { DISPLAY: ':0' },
      ...withBinary
    })
    expect(decision).toEqual({ mode: 'electron', executable: join(electronDir, 'dist', 'electron') })
    const wayland = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { WAYLAND_DISPLAY: 'w' },
      ...withBinary
    })
    expect(wayland.mode).toBe('electron')
  })

  it('fetches Electron when its binary is missing and it could open a window', () => {
    const onlyPathFile = disk({ [join(electronDir, 'path.txt')]: 'electron' })
    expect(
      decideStartMode({ electronDir, platform: 'linux', env: { DISPLAY: ':0' }, ...onlyPathFile })
    ).toEqual({
      mode: 'download'
    })
    expect(decideStartMode({ electronDir, platform: 'darwin', env: {}, ...disk({}) }).mode).toBe('download')
    // Asked for by name, Electron is fetched even where no display variable is set.
    expect(
      decideStartMode({ electronDir, platform: 'linux', env: { SCHOLIA_MODE: 'electron' }, ...disk({}) }).mode
    ).toBe('download')
  })

  it('counts a binary without path.txt as half-installed, as electron/index.js does', () => {
    const unpackedOnly = disk({ [join(electronDir, 'dist', 'electron')]: '' })
    expect(
      decideStartMode({ electronDir, platform: 'linux', env: { DISPLAY: ':0' }, ...unpackedOnly }).mode
    ).toBe('download')
  })

  it('does not fetch Electron without a display: the browser mode, naming the reason', () => {
    expect(decideStartMode({ electronDir, platform: 'linux', env: {}, ...disk({}) })).toEqual({
      mode: 'web',
      reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset'
    })
  })

  it('falls back to the browser mode on Linux without a display', () => {
    const decision = decideStartMode({ electronDir, platform: 'linux', env: {}, ...withBinary })
    expect(decision.mode).toBe('web')
    expect(
      decideStartMode({
        electronDir,
        platform: 'win32',
        env: {},
        ...disk({
          [join(electronDir, 'path.txt')]: 'electron.exe',
          [join(electronDir, 'dist', 'electron.exe')]: ''
        })
      }).mode
    ).toBe('electron')
  })

  it('obeys SCHOLIA_MODE, refusing a mode it does not know', () => {
    const web = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { DISPLAY: ':0', SCHOLIA_MODE: 'web' },
      ...withBinary
    })
    expect(web.mode).toBe('web')
    const forced = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { SCHOLIA_MODE: 'electron' },
      ...withBinary
    })
    expect(forced.mode).toBe('electron')
    expect(
      decideStartMode({
        electronDir,
        platform: 'linux',
        env: { DISPLAY: ':0', SCHOLIA_MODE: 'web' },
        ...disk({})
      })
    ).toEqual({ mode: 'web', reason: 'SCHOLIA_MODE=web' })
    expect(
      decideStartMode({ electronDir, platform: 'linux', env: { SCHOLIA_MODE: 'desktop' }, ...withBinary })
        .mode
    ).toBe('error')
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does', () => {
    const files = disk({ '/opt/electron/electron': '' })
    const decision = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      ...files
    })
    expect(decision).toEqual({ mode: 'electron', executable: '/opt/electron/electron' })
  })
})

describe('arguments and the browser', () => {
  it('turns --data-dir into the data folder and passes the rest on', () => {
    expect(electronArguments(['--data-dir', '/d', '--x'])).toEqual({ dataDir: '/d', rest: ['--x'] })
    expect(electronArguments(['--data-dir=/e'])).toEqual({ dataDir: '/e', rest: [] })
    expect(electronArguments([])).toEqual({ dataDir: undefined, rest: [] })
  })

  it('finds the URL in the browser mode start-up line only', () => {
    expect(runningUrl('Scholia is running at http://127.0.0.1:4123/?token=abc')).toBe(
      'http://127.0.0.1:4123/?token=abc'
    )
    expect(runningUrl('Scholia is running at http://evil.example:80/')).toBeNull()
    expect(runningUrl('something else')).toBeNull()
  })

  it('opens the browser with the platform opener, and not at all without a display or opener', () => {
    const url = 'http://127.0.0.1:1/?token=t'
    const yes = () => true
    expect(
      browserOpenCommand({ platform: 'linux', env: { DISPLAY: ':0' }, commandExists: yes }, url)
    ).toEqual({
      command: 'xdg-open',
      args: [url]
    })
    expect(browserOpenCommand({ platform: 'darwin', env: {}, commandExists: yes }, url)?.command).toBe('open')
    expect(browserOpenCommand({ platform: 'win32', env: {}, commandExists: yes }, url)?.args).toContain(url)
    expect(browserOpenCommand({ platform: 'linux', env: {}, commandExists: yes }, url)).toBeNull()
    expect(
      browserOpenCommand({ platform: 'linux', env: { DISPLAY: ':0' }, commandExists: () => false }, url)
    ).toBeNull()
    expect(
      browserOpenCommand({ platform: 'darwin', env: { SCHOLIA_NO_BROWSER: '1' }, commandExists: yes }, url)
    ).toBeNull()
  })
})

describe('fetching Electron', () => {
  it('fetches at install time only where a window could open, never on CI or in the browser mode', () => {
    expect(postinstallDownloadPlan({ platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ download: true })
    expect(postinstallDownloadPlan({ platform: 'win32', env: {} })).toEqual({ download: true })
    expect(postinstallDownloadPlan({ platform: 'darwin', env: { CI: 'true' } })).toEqual({
      download: false,
      reason: 'CI is set'
    })
    expect(postinstallDownloadPlan({ platform: 'darwin', env: { CI: 'false' } }).download).toBe(true)
    expect(postinstallDownloadPlan({ platform: 'darwin', env: { SCHOLIA_MODE: 'Web' } })).toEqual({
      download: false,
      reason: 'SCHOLIA_MODE=web'
    })
    expect(postinstallDownloadPlan({ platform: 'linux', env: {} }).download).toBe(false)
  })

  it('takes the time limit from SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT when it is a positive number', () => {
    expect(downloadTimeoutSeconds({}, 600)).toBe(600)
    expect(downloadTimeoutSeconds({ SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT: '5' }, 600)).toBe(5)
    expect(downloadTimeoutSeconds({ SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT: 'soon' }, 600)).toBe(600)
    expect(downloadTimeoutSeconds({ SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT: '-1' }, 600)).toBe(600)
  })

  it("names the installer's failure by its error line, or by the time limit", () => {
    const output = [
      'RequestError: getaddrinfo ENOTFOUND github.com',
      '    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)'
    ].join('\n')
    expect(installerFailureReason({ timedOut: false, timeoutSeconds: 600, code: 1, output })).toBe(
      "Electron's download failed: RequestError: getaddrinfo ENOTFOUND github.com (no connection to the download host?)"
    )
    expect(
      installerFailureReason({
        timedOut: false,
        timeoutSeconds: 600,
        code: 1,
        output: 'HTTPError: Response code 404'
      })
    ).toBe("Electron's download failed: HTTPError: Response code 404")
    expect(installerFailureReason({ timedOut: true, timeoutSeconds: 120, code: null, output })).toBe(
      'the download did not finish within 120 s'
    )
    expect(installerFailureReason({ timedOut: false, timeoutSeconds: 1, code: 7, output: '' })).toBe(
      "Electron's download failed: the installer exited with code 7"
    )
  })
})

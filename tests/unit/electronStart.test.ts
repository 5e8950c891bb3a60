// npm start's decisions: Electron or the browser mode, and how to open the browser.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  browserOpenCommand,
  decideStartMode,
  electronArguments,
  needsElectronSqliteBuild,
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

  it('falls back to the browser mode without a binary, naming the reason', () => {
    const onlyPathFile = disk({ [join(electronDir, 'path.txt')]: 'electron' })
    const decision = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { DISPLAY: ':0' },
      ...onlyPathFile
    })
    expect(decision).toEqual({ mode: 'web', reason: 'no Electron binary in node_modules/electron/dist' })
    expect(decideStartMode({ electronDir, platform: 'darwin', env: {}, ...disk({}) }).mode).toBe('web')
  })

  it('falls back to the browser mode on Linux without a display', () => {
    const decision = decideStartMode({ electronDir, platform: 'linux', env: {}, ...withBinary })
    expect(decision.mode).toBe('web')
    expect(
      decideStartMode({
        electronDir,
        platform: 'win32',
        env: {},
        ...disk({ [join(electronDir, 'dist', 'electron.exe')]: '' })
      }).mode
    ).toBe('electron')
  })

  it('obeys SCHOLIA_MODE, refusing an Electron that is not there', () => {
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
    const missing = decideStartMode({
      electronDir,
      platform: 'linux',
      env: { SCHOLIA_MODE: 'electron' },
      ...disk({})
    })
    expect(missing.mode).toBe('error')
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

describe('needsElectronSqliteBuild', () => {
  const projectRoot = '/app'
  const binding = join(projectRoot, 'native', 'electron', 'better_sqlite3.node')
  const stamp = join(projectRoot, 'native', 'electron', 'build-info.json')

  it('asks for a build when none exists or it was made for another Electron', () => {
    expect(needsElectronSqliteBuild({ projectRoot, electronVersion: '45.5.0', ...disk({}) })).toBe(true)
    const old = disk({ [binding]: '', [stamp]: '{"electronVersion":"44.0.0"}' })
    expect(needsElectronSqliteBuild({ projectRoot, electronVersion: '45.5.0', ...old })).toBe(true)
    const current = disk({ [binding]: '', [stamp]: '{"electronVersion":"45.5.0"}' })
    expect(needsElectronSqliteBuild({ projectRoot, electronVersion: '45.5.0', ...current })).toBe(false)
  })
})

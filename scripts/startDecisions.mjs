// The decisions `npm start` makes, as pure functions of what is on disk and in the environment,
// so they can be tested without Electron: run the Electron app or the browser mode, and how to
// open the system browser. Nothing here requires 'electron' (that would try to download it).
import { join } from 'node:path'

/** The executable inside node_modules/electron/dist when path.txt is absent (as electron/index.js does). */
const defaultExecutable = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe'
}

/**
 * Where the Electron binary would be, following electron/index.js (path.txt, then
 * ELECTRON_OVERRIDE_DIST_PATH), or null when it is not on disk.
 */
export function findElectronExecutable({ electronDir, platform, env, exists, readText }) {
  const pathFile = join(electronDir, 'path.txt')
  const relativePath = exists(pathFile)
    ? readText(pathFile).trim()
    : (defaultExecutable[platform] ?? 'electron')
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
  const executable = join(distDir, relativePath)
  return exists(executable) ? executable : null
}

export function hasDisplay(platform, env) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/**
 * 'electron' with the executable, 'web' with the reason Electron was not chosen, or 'error' when
 * SCHOLIA_MODE=electron was asked for and cannot be honoured.
 */
export function decideStartMode({ electronDir, platform, env, exists, readText }) {
  const requested = (env.SCHOLIA_MODE ?? '').toLowerCase()
  if (requested !== '' && requested !== 'web' && requested !== 'electron') {
    return { mode: 'error', reason: `SCHOLIA_MODE must be "web" or "electron", not "${env.SCHOLIA_MODE}"` }
  }
  if (requested === 'web') return { mode: 'web', reason: 'SCHOLIA_MODE=web' }
  const executable = findElectronExecutable({ electronDir, platform, env, exists, readText })
  if (executable === null) {
    const reason = 'no Electron binary in node_modules/electron/dist'
    return requested === 'electron' ? { mode: 'error', reason } : { mode: 'web', reason }
  }
  // Asked for explicitly, Electron is tried even without a display variable (the person knows best).
  if (requested !== 'electron' && !hasDisplay(platform, env)) {
    return { mode: 'web', reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' }
  }
  return { mode: 'electron', executable }
}

/**
 * Turns `--data-dir DIR` / `--data-dir=DIR` into SCHOLIA_DATA_DIR for the Electron app (which
 * reads only the environment); other arguments are passed on.
 */
export function electronArguments(argv) {
  const rest = []
  let dataDir
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]
    if (argument === '--data-dir') {
      dataDir = argv[i + 1]
      i++
    } else if (argument.startsWith('--data-dir=')) {
      dataDir = argument.slice('--data-dir='.length)
    } else {
      rest.push(argument)
    }
  }
  return { dataDir, rest }
}

/** The URL in the browser mode's start-up line, or null for any other line. */
export function runningUrl(line) {
  const match = /Scholia is running at (http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+\/\S*)/.exec(line)
  return match ? match[1] : null
}

/** How to open a URL in the system browser here, or null when nothing can (then the URL stays printed). */
export function browserOpenCommand({ platform, env, commandExists }, url) {
  if (env.SCHOLIA_NO_BROWSER) return null
  if (platform === 'darwin') return { command: 'open', args: [url] }
  // rundll32 rather than `cmd /c start`, whose quoting rules mangle URLs with & or ^ in them.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }
  if (!hasDisplay(platform, env)) return null
  return commandExists('xdg-open') ? { command: 'xdg-open', args: [url] } : null
}

/** The Electron build of better-sqlite3 and the stamp saying which Electron it was built for. */
export function electronSqlitePaths(projectRoot) {
  const dir = join(projectRoot, 'native', 'electron')
  return { dir, binding: join(dir, 'better_sqlite3.node'), stamp: join(dir, 'build-info.json') }
}

/** True when there is no Electron build of better-sqlite3 for this Electron version. */
export function needsElectronSqliteBuild({ projectRoot, electronVersion, exists, readText }) {
  const { binding, stamp } = electronSqlitePaths(projectRoot)
  if (!exists(binding) || !exists(stamp)) return true
  try {
    return JSON.parse(readText(stamp)).electronVersion !== electronVersion
  } catch {
    return true
  }
}

// The decisions `npm start` makes, as pure functions of what is on disk and in the environment,
// so they can be tested without Electron: run the Electron app or the browser mode, and how to
// open the system browser. Nothing here requires 'electron' (that would try to download it).
import { join } from 'node:path'

/** The executable's name in a dist folder without path.txt (as electron/index.js assumes). */
const defaultExecutable = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe'
}

/**
 * Where the Electron binary is, following electron/index.js, or null when it is not installed.
 * Electron's installer writes path.txt last, after unpacking, so without it (and without
 * ELECTRON_OVERRIDE_DIST_PATH) an unpacked binary may be half-written: electron/index.js refuses
 * it too.
 */
export function findElectronExecutable({ electronDir, platform, env, exists, readText }) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(electronDir, 'path.txt')
  if (!override && !exists(pathFile)) return null
  const relativePath = exists(pathFile)
    ? readText(pathFile).trim()
    : (defaultExecutable[platform] ?? 'electron')
  const executable = join(override || join(electronDir, 'dist'), relativePath)
  return exists(executable) ? executable : null
}

export function hasDisplay(platform, env) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/**
 * What `npm start` does:
 * - 'electron' with the executable;
 * - 'download' when Electron could run here but its binary has not been fetched yet;
 * - 'web' with the reason Electron was not chosen;
 * - 'error' when SCHOLIA_MODE is not understood.
 * SCHOLIA_MODE=electron skips the display check (the person knows best); a failed download then
 * still falls back to the browser mode, saying why, rather than leaving the person with nothing.
 */
export function decideStartMode({ electronDir, platform, env, exists, readText }) {
  const requested = (env.SCHOLIA_MODE ?? '').toLowerCase()
  if (requested !== '' && requested !== 'web' && requested !== 'electron') {
    return { mode: 'error', reason: `SCHOLIA_MODE must be "web" or "electron", not "${env.SCHOLIA_MODE}"` }
  }
  if (requested === 'web') return { mode: 'web', reason: 'SCHOLIA_MODE=web' }
  if (requested !== 'electron' && !hasDisplay(platform, env)) {
    return { mode: 'web', reason: noDisplayReason }
  }
  const executable = findElectronExecutable({ electronDir, platform, env, exists, readText })
  return executable === null ? { mode: 'download' } : { mode: 'electron', executable }
}

const noDisplayReason = 'no display: DISPLAY and WAYLAND_DISPLAY are unset'

/**
 * Whether `npm install`'s postinstall step should fetch Electron's binary now, and if not, why.
 * Never on CI (its machines test the browser mode; the Electron test fetches what it needs),
 * never when the browser mode was asked for, never without a display to open a window on.
 */
export function postinstallDownloadPlan({ platform, env }) {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return { download: false, reason: 'CI is set' }
  if ((env.SCHOLIA_MODE ?? '').toLowerCase() === 'web') return { download: false, reason: 'SCHOLIA_MODE=web' }
  if (!hasDisplay(platform, env)) return { download: false, reason: noDisplayReason }
  return { download: true }
}

/** Seconds allowed for Electron's download: SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT, else the default. */
export function downloadTimeoutSeconds(env, fallback) {
  const value = Number(env.SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT)
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * One short phrase saying why Electron's installer failed, from what it printed: its error's
 * first line (e.g. "RequestError: getaddrinfo ENOTFOUND github.com"), or the time limit.
 */
export function installerFailureReason({ timedOut, timeoutSeconds, code, output }) {
  if (timedOut) return `the download did not finish within ${timeoutSeconds} s`
  const lines = output.split(/\r?\n/).map((line) => line.trim())
  const error = lines.find((line) => /^[A-Za-z]*Error\b.*:/.test(line)) ?? lines.find((line) => line !== '')
  const detail = error ? error.replace(/\s+/g, ' ').slice(0, 200) : `the installer exited with code ${code}`
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/.test(
    detail
  )
  return `Electron's download failed: ${detail}${offline ? ' (no connection to the download host?)' : ''}`
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

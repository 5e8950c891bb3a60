// `npm start` (after `npm run build`): runs the Electron app, first fetching Electron's binary with
// Electron's own installer when it is missing, and the browser mode only when Electron cannot run
// here (the download failed, or there is no display), saying in one line why and what to do.
// Arguments (--port, --data-dir) are passed on.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runElectronInstaller } from './electronInstall.mjs'
import {
  browserOpenCommand,
  decideStartMode,
  downloadTimeoutSeconds,
  electronArguments,
  findElectronExecutable,
  runningUrl
} from './startDecisions.mjs'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = require('electron/package.json').version
const argv = process.argv.slice(2)
const readText = (path) => readFileSync(path, 'utf8')

function commandExists(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, name)))
}

function openBrowser(url) {
  const opener = browserOpenCommand({ platform: process.platform, env: process.env, commandExists }, url)
  if (opener === null) return
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true })
    child.on('error', () => {}) // The URL is printed already; a missing opener is not an error.
    child.unref()
  } catch {
    // Same: the person can open the printed URL.
  }
}

/** Runs a child to its end, passing Ctrl-C and termination on, and exits with its code. */
function runToExit(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

/** Starts the browser mode, after the one line (if any) saying why. */
function startWebMode(why) {
  if (why) console.log(why)
  const child = spawn(process.execPath, [join(projectRoot, 'out', 'main', 'web.js'), ...argv], {
    cwd: projectRoot,
    stdio: ['inherit', 'pipe', 'inherit']
  })
  let opened = false
  let pending = ''
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (opened) return
    pending += chunk.toString('utf8')
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const url = runningUrl(line)
      if (url !== null) {
        opened = true
        openBrowser(url)
        break
      }
    }
  })
  runToExit(child)
}

function startElectron(executable) {
  const { dataDir, rest } = electronArguments(argv)
  const env = { ...process.env }
  // Set in some shells and CI: it would make the binary run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE
  if (dataDir) env.SCHOLIA_DATA_DIR = resolve(dataDir)
  const child = spawn(executable, ['.', ...rest], { cwd: projectRoot, stdio: 'inherit', env })
  child.on('error', (error) => {
    startWebMode(`Scholia: Electron failed to start (${error.message}) — starting the browser mode instead.`)
  })
  runToExit(child)
}

// Electron is about 110 MB; a slow connection needs minutes.
const downloadSeconds = downloadTimeoutSeconds(process.env, 600)
const disk = { electronDir, platform: process.platform, env: process.env, exists: existsSync, readText }

async function main() {
  const decision = decideStartMode(disk)
  if (decision.mode === 'error') {
    console.error(`Scholia: cannot start: ${decision.reason}.`)
    process.exit(1)
  }
  if (decision.mode === 'web') {
    return startWebMode(
      decision.reason === 'SCHOLIA_MODE=web'
        ? 'Scholia: starting the browser mode (SCHOLIA_MODE=web).'
        : `Scholia: Electron can't open a window here (${decision.reason}) — starting the browser mode instead. Run npm start in a desktop session for the desktop window.`
    )
  }
  if (decision.mode === 'electron') return startElectron(decision.executable)
  console.log(
    `Scholia: downloading Electron ${electronVersion} for the desktop window (once, about 110 MB; up to ${downloadSeconds} s)…`
  )
  const result = await runElectronInstaller({ electronDir, timeoutSeconds: downloadSeconds })
  const executable = result.ok ? findElectronExecutable(disk) : null
  if (executable !== null) return startElectron(executable)
  const reason = result.ok ? 'the installer finished but left no Electron binary' : result.reason
  startWebMode(
    `Scholia: ${reason} — starting the browser mode instead. Run npm start again to retry (behind a proxy, set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY), or set SCHOLIA_MODE=web to skip Electron.`
  )
}

void main()

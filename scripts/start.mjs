// `npm start` (after `npm run build`): runs the Electron app where Electron can run, and the
// browser mode otherwise, saying in one line why. Arguments (--port, --data-dir) are passed on.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  browserOpenCommand,
  decideStartMode,
  electronArguments,
  needsElectronSqliteBuild,
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

function startWebMode(reason) {
  if (reason) console.log(`Scholia: Electron can't run here (${reason}) — starting the browser mode instead.`)
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

/** Builds better-sqlite3 for Electron's ABI when there is none for this Electron version. */
function ensureElectronSqlite() {
  if (!needsElectronSqliteBuild({ projectRoot, electronVersion, exists: existsSync, readText })) return true
  console.log(`Scholia: building better-sqlite3 for Electron ${electronVersion} (once; needs the internet)…`)
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'rebuildNativeForElectron.mjs')], {
    cwd: projectRoot,
    stdio: 'inherit'
  })
  return result.status === 0
}

function startElectron(executable) {
  const { dataDir, rest } = electronArguments(argv)
  const env = { ...process.env }
  // Set in some shells and CI: it would make the binary run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE
  if (dataDir) env.SCHOLIA_DATA_DIR = resolve(dataDir)
  const child = spawn(executable, ['.', ...rest], { cwd: projectRoot, stdio: 'inherit', env })
  child.on('error', (error) => {
    console.log(`Scholia: Electron failed to start (${error.message}) — starting the browser mode instead.`)
    startWebMode(null)
  })
  runToExit(child)
}

const decision = decideStartMode({
  electronDir,
  platform: process.platform,
  env: process.env,
  exists: existsSync,
  readText
})

if (decision.mode === 'error') {
  console.error(`Scholia: cannot start: ${decision.reason}.`)
  process.exit(1)
} else if (decision.mode === 'web') {
  startWebMode(decision.reason)
} else if (!ensureElectronSqlite()) {
  startWebMode('better-sqlite3 could not be built for Electron; see above')
} else {
  startElectron(decision.executable)
}

// `npm install`'s postinstall: fetch Electron's binary now, so that the first `npm start` opens the
// desktop window at once. It never fails the install: on any problem it says in one line that
// `npm start` will try again. Skipped on CI, with SCHOLIA_MODE=web and without a display.
import { dirname } from 'node:path'
import { createRequire } from 'node:module'
import { runElectronInstaller } from './electronInstall.mjs'
import { findElectronExecutable, postinstallDownloadPlan } from './startDecisions.mjs'
import { existsSync, readFileSync } from 'node:fs'

const timeoutSeconds = 120

async function main() {
  const plan = postinstallDownloadPlan({ platform: process.platform, env: process.env })
  if (!plan.download) {
    console.log(`Scholia: not fetching Electron now (${plan.reason}); npm start fetches it when it can run.`)
    return
  }
  const require = createRequire(import.meta.url)
  const electronDir = dirname(require.resolve('electron/package.json'))
  const disk = { electronDir, platform: process.platform, env: process.env, exists: existsSync }
  if (findElectronExecutable({ ...disk, readText: (path) => readFileSync(path, 'utf8') }) !== null) return
  const { version } = require('electron/package.json')
  console.log(`Scholia: fetching Electron ${version} for the desktop window (up to ${timeoutSeconds} s)…`)
  const result = await runElectronInstaller({ electronDir, timeoutSeconds })
  if (!result.ok) console.log(`Scholia: ${result.reason}. npm start will try again.`)
}

main().catch((error) => {
  console.log(`Scholia: could not fetch Electron (${error.message}); npm start will try again.`)
})

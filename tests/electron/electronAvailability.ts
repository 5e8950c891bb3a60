// Whether the Electron end-to-end test can run on this machine, and if not, the one line saying why.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { findElectronExecutable, hasDisplay } from '../../scripts/startDecisions.mjs'

export const projectRoot = resolve(__dirname, '..', '..')

export type ElectronTestAvailability =
  { executable: string; skipReason: null } | { executable: null; skipReason: string }

export function electronTestAvailability(env: NodeJS.ProcessEnv = process.env): ElectronTestAvailability {
  const electronDir = dirname(require.resolve('electron/package.json', { paths: [projectRoot] }))
  const readText = (path: string) => readFileSync(path, 'utf8')
  const executable = findElectronExecutable({
    electronDir,
    platform: process.platform,
    env,
    exists: existsSync,
    readText
  })
  if (executable === null) {
    return {
      executable: null,
      skipReason:
        'no Electron binary in node_modules/electron (npm start or `npx install-electron` fetches it) — skipped'
    }
  }
  if (!hasDisplay(process.platform, env)) {
    return {
      executable: null,
      skipReason: 'no display for the Electron window; run under xvfb-run — skipped'
    }
  }
  return { executable, skipReason: null }
}

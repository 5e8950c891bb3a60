// Whether the Electron end-to-end test can run on this machine, and if not, the one line saying why.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { decideStartMode, needsElectronSqliteBuild } from '../../scripts/startDecisions.mjs'

export const projectRoot = resolve(__dirname, '..', '..')

export type ElectronTestAvailability =
  { executable: string; skipReason: null } | { executable: null; skipReason: string }

export function electronTestAvailability(env: NodeJS.ProcessEnv = process.env): ElectronTestAvailability {
  const electronDir = dirname(require.resolve('electron/package.json', { paths: [projectRoot] }))
  const readText = (path: string) => readFileSync(path, 'utf8')
  const decision = decideStartMode({
    electronDir,
    platform: process.platform,
    env: { ...env, SCHOLIA_MODE: undefined },
    exists: existsSync,
    readText
  })
  if (decision.mode !== 'electron') {
    const reason = decision.reason.startsWith('no Electron binary')
      ? 'Electron binary not found in node_modules/electron/dist'
      : `Electron cannot run here: ${decision.reason}; run under xvfb-run`
    return { executable: null, skipReason: `${reason} — skipped` }
  }
  const electronVersion = (JSON.parse(readText(join(electronDir, 'package.json'))) as { version: string })
    .version
  if (needsElectronSqliteBuild({ projectRoot, electronVersion, exists: existsSync, readText })) {
    return {
      executable: null,
      skipReason:
        'better-sqlite3 has no Electron build in native/electron (run node scripts/rebuildNativeForElectron.mjs) — skipped'
    }
  }
  return { executable: decision.executable, skipReason: null }
}

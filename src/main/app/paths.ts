// Where Scholia keeps its data: the same per-user folder Electron's app.getPath('userData') gives
// for the product name "Scholia", so the desktop app and the browser mode share one library.
import { chmodSync, mkdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const productName = 'Scholia'

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): string {
  if (env.SCHOLIA_DATA_DIR) return resolve(env.SCHOLIA_DATA_DIR)
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), productName)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', productName)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), productName)
}

/** Owner only: a library holds a person's notes, and other accounts on the machine have no business reading them. */
export const privateFolderMode = 0o700

/**
 * Creates the data folder readable by its owner only. A folder Scholia owns (the default one, not
 * one chosen with --data-dir) that an older version made 0755 is tightened too; a chosen folder is
 * left as the person set it. Windows has no such modes (its folders inherit their parents' ACLs).
 */
export function preparePrivateDataDir(
  dataDir: string,
  ownedByScholia: boolean,
  platform: NodeJS.Platform = process.platform
): void {
  mkdirSync(dataDir, { recursive: true, mode: privateFolderMode })
  if (platform === 'win32' || !ownedByScholia) return
  if ((statSync(dataDir).mode & 0o777) !== privateFolderMode) chmodSync(dataDir, privateFolderMode)
}

// Where Scholia keeps its data: the same per-user folder Electron's app.getPath('userData') gives
// for the product name "Scholia", so the desktop app and the browser mode share one library.
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

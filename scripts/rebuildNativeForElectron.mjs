// Builds a second copy of better-sqlite3 for Electron's ABI into native/electron/, leaving the
// Node build in node_modules (which `npm test` and the browser mode load) untouched. The Electron
// main process passes the copy to better-sqlite3 as its `nativeBinding`.
// Needs the internet (Electron's headers) and a C++ toolchain; `npm start` runs it when needed.
// Usage: node scripts/rebuildNativeForElectron.mjs
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronSqlitePaths } from './startDecisions.mjs'

// @electron/rebuild 4 wants Node ≥ 22.12; 3.7 runs on the Node 20 this project uses.
const electronRebuild = '@electron/rebuild@3.7.2'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = require('better-sqlite3/package.json').version
const { dir, binding, stamp } = electronSqlitePaths(projectRoot)

// A throw-away project holding only better-sqlite3, so @electron/rebuild rebuilds that copy.
const stage = join(dir, 'stage')
rmSync(stage, { recursive: true, force: true })
mkdirSync(join(stage, 'node_modules'), { recursive: true })
writeFileSync(
  join(stage, 'package.json'),
  JSON.stringify({
    name: 'scholia-native-electron',
    private: true,
    dependencies: { 'better-sqlite3': sqliteVersion }
  })
)
cpSync(sqliteDir, join(stage, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  // The Node build's outputs must not be mistaken for an Electron build.
  filter: (source) => !source.startsWith(join(sqliteDir, 'build'))
})

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const result = spawnSync(
  npx,
  [
    '--yes',
    electronRebuild,
    '--version',
    electronVersion,
    '--module-dir',
    stage,
    '--only',
    'better-sqlite3',
    '--force'
  ],
  { cwd: stage, stdio: 'inherit', shell: process.platform === 'win32' }
)
const built = join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
if (result.status !== 0 || !existsSync(built)) {
  rmSync(stage, { recursive: true, force: true })
  console.error(
    `Scholia: could not build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}. ` +
      `It needs the internet and a C++ toolchain; run "node scripts/rebuildNativeForElectron.mjs" again when both are there.`
  )
  process.exit(1)
}
copyFileSync(built, binding)
writeFileSync(stamp, JSON.stringify({ electronVersion, betterSqlite3: sqliteVersion }, null, 2) + '\n')
rmSync(stage, { recursive: true, force: true })
console.log(`Scholia: better-sqlite3 for Electron ${electronVersion} is in ${binding}`)

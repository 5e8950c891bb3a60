// `npm start` and the postinstall step obtain Electron through Electron's own installer, tested for
// real against a fake download host: the zip is fetched, checked, unpacked and the binary started;
// a failed or stalled download starts the browser mode, saying why. Runs in a copy of the project's
// scripts with its own node_modules/electron, so the real one is never touched.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMirror, type FakeMirror, type MirrorBehaviour } from '../support/fakeElectronMirror'
import { makeTempDir } from '../support/tempDir'

const repoRoot = resolve(__dirname, '..', '..')
const electronVersion = (
  JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string
  }
).version

/** A stand-in for the built browser mode: records that it ran and prints its start-up line. */
const fakeWebServer = `require('node:fs').writeFileSync(process.env.FAKE_WEB_RECORD, JSON.stringify(process.argv.slice(2)))
console.log('Scholia is running at http://127.0.0.1:9/?token=t')
`

interface Project {
  root: string
  electronDir: string
  electronRecord: string
  webRecord: string
  remove(): void
}

function makeProject(): Project {
  const temp = makeTempDir('scholia-start-')
  const root = temp.path
  cpSync(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true })
  writeFileSync(join(root, 'package.json'), readFileSync(join(repoRoot, 'package.json')))
  mkdirSync(join(root, 'out', 'main'), { recursive: true })
  writeFileSync(join(root, 'out', 'main', 'web.js'), fakeWebServer)
  // node_modules: Electron's package copied without any binary; everything else linked.
  const modules = join(root, 'node_modules')
  mkdirSync(modules)
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry !== 'electron') symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry))
  }
  const electronDir = join(modules, 'electron')
  const source = join(repoRoot, 'node_modules', 'electron')
  cpSync(source, electronDir, {
    recursive: true,
    filter: (path) => path !== join(source, 'dist') && path !== join(source, 'path.txt')
  })
  return {
    root,
    electronDir,
    electronRecord: join(root, 'electron-ran.txt'),
    webRecord: join(root, 'web-ran.json'),
    remove: temp.remove
  }
}

function run(
  project: Project,
  script: string,
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(project.root, 'scripts', script), '--data-dir', '/tmp/x'], {
      cwd: project.root,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => resolvePromise({ code, output }))
  })
}

let project: Project
let mirror: FakeMirror | undefined

beforeEach(() => {
  project = makeProject()
})

afterEach(async () => {
  await mirror?.close()
  mirror = undefined
  project.remove()
})

async function environment(
  behaviour: MirrorBehaviour,
  extra: NodeJS.ProcessEnv = {}
): Promise<NodeJS.ProcessEnv> {
  mirror = await startFakeMirror(electronVersion, behaviour)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISPLAY: ':99',
    ELECTRON_MIRROR: mirror.url,
    electron_use_remote_checksums: '1',
    electron_config_cache: join(project.root, 'cache'),
    FAKE_ELECTRON_RECORD: project.electronRecord,
    FAKE_WEB_RECORD: project.webRecord,
    SCHOLIA_NO_BROWSER: '1',
    ...extra
  }
  for (const name of ['CI', 'SCHOLIA_MODE', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_RUN_AS_NODE']) {
    if (!(name in extra)) delete env[name]
  }
  return env
}

const zipPath = `/v${electronVersion}/electron-v${electronVersion}-${process.platform}-${process.arch}.zip`

describe.skipIf(process.platform === 'win32')('npm start without an Electron binary', () => {
  it('downloads Electron through its installer, unpacks it and starts it', async () => {
    const { code, output } = await run(project, 'start.mjs', await environment('serve'))
    expect(code).toBe(0)
    expect(output).toContain(`Scholia: downloading Electron ${electronVersion}`)
    expect(mirror?.requests).toContain(zipPath)
    expect(readFileSync(join(project.electronDir, 'path.txt'), 'utf8')).toBe('electron')
    // The fake binary ran in the project folder with the app path, the data folder passed on as
    // SCHOLIA_DATA_DIR rather than as an argument.
    expect(readFileSync(project.electronRecord, 'utf8').split('\n')).toEqual([project.root, '.', ''])
    expect(existsSync(project.webRecord)).toBe(false)
    expect(output).not.toContain('browser mode')
  })

  it('starts the browser mode with the reason when the download fails', async () => {
    const { code, output } = await run(project, 'start.mjs', await environment('missing'))
    expect(code).toBe(0)
    expect(output).toMatch(
      /Electron's download failed: HTTPError: .*404.* — starting the browser mode instead\. Run npm start again/
    )
    expect(JSON.parse(readFileSync(project.webRecord, 'utf8'))).toEqual(['--data-dir', '/tmp/x'])
    expect(existsSync(project.electronRecord)).toBe(false)
    expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false)
  })

  it('gives up on a stalled download at its time limit and starts the browser mode', async () => {
    const env = await environment('hang', { SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT: '2' })
    const { output } = await run(project, 'start.mjs', env)
    expect(output).toContain('the download did not finish within 2 s — starting the browser mode instead')
    expect(existsSync(project.webRecord)).toBe(true)
  })

  it('does not download with SCHOLIA_MODE=web or without a display', async () => {
    const web = await run(project, 'start.mjs', await environment('serve', { SCHOLIA_MODE: 'web' }))
    expect(web.output).toContain('Scholia: starting the browser mode (SCHOLIA_MODE=web).')
    expect(mirror?.requests).toEqual([])
    await mirror?.close()
    const headless = await run(project, 'start.mjs', await environment('serve', { DISPLAY: '' }))
    expect(headless.output).toContain("Electron can't open a window here (no display")
    expect(mirror?.requests).toEqual([])
    expect(existsSync(project.electronRecord)).toBe(false)
  })
})

describe.skipIf(process.platform === 'win32')('the postinstall step', () => {
  it('fetches Electron where a window could open, so the first npm start opens it at once', async () => {
    const { code, output } = await run(project, 'postinstall.mjs', await environment('serve'))
    expect(code).toBe(0)
    expect(output).toContain(`Scholia: fetching Electron ${electronVersion}`)
    expect(existsSync(join(project.electronDir, 'dist', 'electron'))).toBe(true)
  })

  it('never fails the install, and is skipped on CI', async () => {
    const failed = await run(project, 'postinstall.mjs', await environment('missing'))
    expect(failed.code).toBe(0)
    expect(failed.output).toMatch(/HTTPError: .*404.*\. npm start will try again\./)
    await mirror?.close()
    const onCi = await run(project, 'postinstall.mjs', await environment('serve', { CI: 'true' }))
    expect(onCi.code).toBe(0)
    expect(onCi.output).toContain('not fetching Electron now (CI is set)')
    expect(mirror?.requests).toEqual([])
  })
})

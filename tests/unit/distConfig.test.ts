// The installers' configuration (electron-builder.yml). electron-builder downloads Electron to
// build, so it cannot run on our machines: the file is checked here against electron-builder's own
// JSON Schema, and the SQLite module's packing against electron-builder's own file matcher.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import Ajv from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '..', '..')
const require = createRequire(import.meta.url)

type Config = Record<string, unknown> & {
  files: string[]
  asarUnpack: string[]
  fileAssociations: { ext: string | string[] }[]
  protocols: { schemes: string[] }[]
}

const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  devDependencies: Record<string, string>
}

function schemaValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Record<
    string,
    unknown
  >
  // The schema uses a few non-standard keywords (e.g. "tsType"): strict mode off, as electron-builder does.
  const ajv = new Ajv({ strict: false, allowUnionTypes: true })
  return ajv.compile(schema)
}

describe('electron-builder.yml', () => {
  const validate = schemaValidator()

  it("is valid against electron-builder's own schema (draft-07)", () => {
    const valid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('would be refused with a misspelt option (the check can fail)', () => {
    expect(validate({ ...config, asarUnpackk: ['x'] })).toBe(false)
    expect(validate({ ...config, linux: { target: 'AppImage', icon: 42 } })).toBe(false)
  })

  it('builds AppImage and .deb, a .dmg for x64 and arm64, and an NSIS installer', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] })
    expect(config.mac).toMatchObject({ target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] })
    expect(config.win).toMatchObject({ target: [{ target: 'nsis' }] })
    expect(config.mac).toMatchObject({ identity: null })
  })

  it('registers scholia: links and the file types Scholia imports', () => {
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['scholia'])
    expect(config.fileAssociations.flatMap((association) => association.ext).sort()).toEqual([
      'epub',
      'htm',
      'html',
      'md',
      'txt'
    ])
  })

  it('ships the icons each system needs', () => {
    for (const file of [
      'icon.svg',
      'icon.icns',
      'icon.ico',
      'png/16x16.png',
      'png/512x512.png',
      'png/1024x1024.png'
    ])
      expect(() => readFileSync(join(root, 'resources', 'icons', file))).not.toThrow()
    expect(
      readFileSync(join(root, 'resources', 'icons', 'png', '512x512.png'))
        .subarray(1, 4)
        .toString()
    ).toBe('PNG')
  })

  it('never rebuilds the Node-API SQLite module, and keeps its binary outside the asar archive', () => {
    expect(config).toMatchObject({
      npmRebuild: false,
      nodeGypRebuild: false,
      buildDependenciesFromSource: false
    })
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/prebuilds/*.node')
  })

  it('`npm run dist` builds the app and then the installers for this system, publishing nothing', () => {
    expect(packageJson.scripts.dist).toBe('npm run build && electron-builder --publish never')
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('what electron-builder packs of better-sqlite3', () => {
  // electron-builder's own matcher for node_modules, fed the config's patterns as it is when packing.
  const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as {
    getNodeModuleFileMatcher: (
      appDir: string,
      destination: string,
      macroExpander: (pattern: string) => string,
      platformOptions: Record<string, unknown>,
      packager: { config: Config; debugLogger: { isEnabled: boolean } }
    ) => { createFilter: () => (file: string, stat: { isDirectory: () => boolean }) => boolean }
  }
  const appDir = '/build/scholia'
  const file = { isDirectory: () => false }

  function packed(platform: string, arch: string): (path: string) => boolean {
    const expand = (pattern: string) =>
      pattern.replaceAll('${platform}', platform).replaceAll('${arch}', arch)
    const matcher = getNodeModuleFileMatcher(
      appDir,
      '/app',
      expand,
      {},
      { config, debugLogger: { isEnabled: false } }
    )
    const filter = matcher.createFilter()
    return (path) => filter(`${appDir}/${path}`, file)
  }

  it.each([
    ['linux', 'x64'],
    ['darwin', 'arm64'],
    ['darwin', 'x64'],
    ['win32', 'x64']
  ])('on %s %s: the one binary for that system, its JavaScript, no sources', (platform, arch) => {
    const isPacked = packed(platform, arch)
    expect(isPacked(`node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node`)).toBe(true)
    expect(isPacked(`node_modules/better-sqlite3/lib/${platform}-${arch}.js`)).toBe(true)
    expect(isPacked('node_modules/better-sqlite3/lib/index.js')).toBe(true)
    expect(isPacked('node_modules/better-sqlite3/package.json')).toBe(true)
    const others = [
      'linux-x64',
      'linux-arm64',
      'linuxmusl-x64',
      'darwin-x64',
      'darwin-arm64',
      'win32-x64',
      'win32-arm64'
    ]
    for (const other of others.filter((name) => name !== `${platform}-${arch}`))
      expect(isPacked(`node_modules/better-sqlite3/prebuilds/${other}.node`)).toBe(false)
    expect(isPacked('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false)
    expect(isPacked('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false)
    expect(isPacked('node_modules/better-sqlite3/binding.gyp')).toBe(false)
    expect(isPacked('node_modules/lunr/lunr.js')).toBe(true)
  })
})

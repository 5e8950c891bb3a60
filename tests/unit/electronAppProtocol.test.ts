// The app:// file server: only files inside the renderer folder, every response with the CSP.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/transport/csp'
import { createAppRequestHandler, resolveAppFile } from '../../src/main/electron/appProtocol'
import { isAppUrl } from '../../src/main/electron/appOrigin'

let root: string
let rendererDir: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scholia-protocol-'))
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(root, 'secret.txt'), 'secret')
})

describe('resolveAppFile', () => {
  it('maps app://scholia/ paths into the renderer folder', () => {
    expect(resolveAppFile(rendererDir, 'app://scholia/')).toBe(join(rendererDir, 'index.html'))
    expect(resolveAppFile(rendererDir, 'app://scholia/assets/app.js?v=1#x')).toBe(
      join(rendererDir, 'assets', 'app.js')
    )
  })

  it('refuses paths that escape the folder, other hosts and other schemes', () => {
    for (const url of [
      'app://scholia/../secret.txt',
      'app://scholia/%2e%2e/secret.txt',
      'app://scholia/assets/..%2f..%2fsecret.txt',
      'app://scholia/%2e%2e%5csecret.txt',
      'app://scholia/index.html%00.js',
      'app://scholia/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url'
    ]) {
      const file = resolveAppFile(rendererDir, url)
      expect(file === null || file.startsWith(rendererDir + '/'), url).toBe(true)
      expect(file, url).not.toBe(join(root, 'secret.txt'))
    }
    // Encoded separators survive the URL parser and are decoded afterwards: caught by the root check.
    expect(resolveAppFile(rendererDir, 'app://scholia/assets/..%2f..%2fsecret.txt')).toBeNull()
    expect(resolveAppFile(rendererDir, 'app://other/index.html')).toBeNull()
  })
})

describe('the protocol handler', () => {
  it('serves a file with its content type, the CSP and nosniff', async () => {
    const response = await createAppRequestHandler(rendererDir)(new Request('app://scholia/assets/app.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('export {}')
  })

  it('answers 404 for missing or outside files and 405 for writes, still with the CSP', async () => {
    const serve = createAppRequestHandler(rendererDir)
    const missing = await serve(new Request('app://scholia/nope.js'))
    const outside = await serve(new Request('app://scholia/%2e%2e/secret.txt'))
    const post = await serve(new Request('app://scholia/index.html', { method: 'POST', body: 'x' }))
    expect([missing.status, outside.status, post.status]).toEqual([404, 404, 405])
    expect(await outside.text()).not.toContain('secret')
    expect(post.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  })
})

describe('isAppUrl', () => {
  it('accepts only the app scheme and host', () => {
    expect(isAppUrl('app://scholia/index.html')).toBe(true)
    expect(isAppUrl('app://scholia.evil/index.html')).toBe(false)
    expect(isAppUrl('https://scholia/index.html')).toBe(false)
    expect(isAppUrl('')).toBe(false)
    expect(isAppUrl(undefined)).toBe(false)
  })
})

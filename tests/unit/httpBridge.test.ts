// The browser-mode bridge: token → cookie, 401 without either, Host and Origin checks, forged and
// malformed calls refused before any service runs, nothing served outside the renderer folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  maxControlCharacterShare,
  maxImportTextLength,
  maxRequestBytes,
  type ApiHandlers
} from '../../src/shared/contract'
import { binaryTextProblem, maxImportBytes } from '../../src/shared/import/frontEnds/decodeFile'
import { internalErrorMessage } from '../../src/main/transport/dispatch'
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/httpBridge'
import { UserError } from '../../src/shared/userError'
import { makeTempDir } from '../support/tempDir'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  bridge: HttpBridge,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${bridge.port}`, ...options.headers }
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const calls: string[] = []
/** Methods whose service fails, one for each error code: a bug, and a UserError of every other code. */
const failing: Record<string, () => never> = {
  listTags: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'tags')")
  },
  removeDocument: () => {
    throw new UserError('not-found', 'That document is not in the library.')
  },
  restoreDocument: () => {
    throw new UserError('conflict', 'That document was restored in another window.')
  },
  getReadingPosition: () => {
    throw new UserError('refused', 'Refused: an internal error is not in this message.')
  },
  updateSettings: () => {
    throw new UserError('invalid-input', 'Text size must be between 12 and 32.')
  }
}
const handlers = new Proxy({} as ApiHandlers, {
  get: (_target, name: string) => (args: unknown) => {
    calls.push(name)
    failing[name]?.()
    if (name === 'getDocument') return { echo: args }
    return []
  }
})
const logged: string[] = []

let bridge: HttpBridge
const dir = makeTempDir()

beforeAll(async () => {
  const renderer = join(dir.path, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Scholia</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir.path, 'secret.txt'), 'secret')
  bridge = await startHttpBridge({
    handlers,
    rendererDir: renderer,
    token: 'test-token-123',
    log: (message) => logged.push(message)
  })
})

afterAll(async () => {
  await bridge.close()
  dir.remove()
})

async function sessionCookie(): Promise<string> {
  const reply = await send(bridge, '/?token=test-token-123')
  const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? [])[0] ?? ''
  return cookie.split(';')[0] ?? ''
}

const json = { 'Content-Type': 'application/json' }

describe('browser-mode HTTP bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = bridge.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
  })

  it('swaps the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const reply = await send(bridge, '/?token=test-token-123')
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/')
    const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? [])[0] ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).not.toContain('test-token-123')
  })

  it('serves the renderer with the CSP to a holder of the cookie, and nothing to anyone else', async () => {
    const cookie = await sessionCookie()
    const page = await send(bridge, '/', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect((await send(bridge, '/')).status).toBe(401)
    expect((await send(bridge, '/?token=wrong')).status).toBe(401)
  })

  it('refuses API calls without the cookie or token (401), and accepts them with either', async () => {
    const body = JSON.stringify({ documentId: 'x' })
    expect((await send(bridge, '/api/getDocument', { method: 'POST', headers: json, body })).status).toBe(401)
    const cookie = await sessionCookie()
    const withCookie = await send(bridge, '/api/getDocument', {
      method: 'POST',
      headers: { ...json, Cookie: cookie },
      body
    })
    expect(withCookie.status).toBe(200)
    expect(JSON.parse(withCookie.body)).toEqual({ ok: true, value: { echo: { documentId: 'x' } } })
    const withToken = await send(bridge, '/api/listDocuments', {
      method: 'POST',
      headers: { ...json, 'X-Scholia-Token': 'test-token-123' },
      body: '{}'
    })
    expect(withToken.status).toBe(200)
  })

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    const cookie = await sessionCookie()
    const rebound = await send(bridge, '/api/listDocuments', {
      method: 'POST',
      headers: { ...json, Cookie: cookie, Host: `evil.example:${bridge.port}` },
      body: '{}'
    })
    expect(rebound.status).toBe(421)
    const crossOrigin = await send(bridge, '/api/listDocuments', {
      method: 'POST',
      headers: { ...json, Cookie: cookie, Origin: 'http://evil.example' },
      body: '{}'
    })
    expect(crossOrigin.status).toBe(403)
  })

  it('refuses forged calls before a service runs: unknown methods, wrong types, extra fields, bad JSON, huge bodies', async () => {
    const cookie = await sessionCookie()
    const headers = { ...json, Cookie: cookie }
    calls.length = 0
    const unknown = await send(bridge, '/api/dropTables', { method: 'POST', headers, body: '{}' })
    expect(unknown.status).toBe(404)
    const wrongType = await send(bridge, '/api/getDocument', {
      method: 'POST',
      headers,
      body: '{"documentId":42}'
    })
    expect(wrongType.status).toBe(400)
    expect((JSON.parse(wrongType.body) as { error: { message: string } }).error.message).toMatch(/documentId/)
    const extra = await send(bridge, '/api/getDocument', {
      method: 'POST',
      headers,
      body: '{"documentId":"a","sql":"DROP"}'
    })
    expect(extra.status).toBe(400)
    const missing = await send(bridge, '/api/getDocument', { method: 'POST', headers, body: '{}' })
    expect(missing.status).toBe(400)
    const badJson = await send(bridge, '/api/getDocument', {
      method: 'POST',
      headers,
      body: '{"documentId":'
    })
    expect(badJson.status).toBe(400)
    const proto = await send(bridge, '/api/__proto__', { method: 'POST', headers, body: '{}' })
    expect(proto.status).toBe(404)
    const notJson = await send(bridge, '/api/listDocuments', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'text/plain' },
      body: '{}'
    })
    expect(notJson.status).toBe(415)
    const get = await send(bridge, '/api/listDocuments', { headers: { Cookie: cookie } })
    expect(get.status).toBe(405)
    expect(calls).toEqual([])
  })

  it('answers a malformed % escape with 400, not an internal error', async () => {
    const cookie = await sessionCookie()
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const reply = await send(bridge, path, { headers: { Cookie: cookie } })
      expect(reply.status).toBe(400)
      expect(reply.body).toMatch(/malformed/)
    }
  })

  it('redirects the token exchange to its own path, never to another host', async () => {
    for (const path of ['/.//evil.example/?token=test-token-123', '//evil.example/?token=test-token-123']) {
      const reply = await send(bridge, path)
      expect(reply.status).toBe(303)
      const location = String(reply.headers.location)
      expect(location).toMatch(/^\/(?![/\\])/)
      expect(new URL(location, 'http://127.0.0.1:1/').host).toBe('127.0.0.1:1')
    }
  })

  it('answers an exception in a service with the internal-error envelope and 500, and logs the stack', async () => {
    const headers = { ...json, Cookie: await sessionCookie() }
    const reply = await send(bridge, '/api/listTags', { method: 'POST', headers, body: '{}' })
    expect(reply.status).toBe(500)
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'internal', message: internalErrorMessage }
    })
    expect(logged.join('\n')).toMatch(/internal error in listTags: TypeError: Cannot read properties/)
  })

  it('chooses the status from the error code, not from the words of the message', async () => {
    const headers = { ...json, Cookie: await sessionCookie() }
    const statusAndCode = async (method: string, body: string) => {
      const reply = await send(bridge, `/api/${method}`, { method: 'POST', headers, body })
      return [reply.status, (JSON.parse(reply.body) as { error: { code: string } }).error.code]
    }
    expect(await statusAndCode('removeDocument', '{"documentId":"a"}')).toEqual([404, 'not-found'])
    expect(await statusAndCode('restoreDocument', '{"documentId":"a"}')).toEqual([409, 'conflict'])
    expect(await statusAndCode('getReadingPosition', '{"documentId":"a"}')).toEqual([422, 'refused'])
    expect(await statusAndCode('updateSettings', '{"fontSize":20}')).toEqual([400, 'invalid-input'])
    expect(await statusAndCode('unknownMethod', '{}')).toEqual([404, 'not-found'])
  })

  it('serves nothing outside the renderer folder', async () => {
    const cookie = await sessionCookie()
    const traversal = await send(bridge, '/..%2Fsecret.txt', { headers: { Cookie: cookie } })
    expect(traversal.body).not.toContain('secret')
    const asset = await send(bridge, '/assets/app.js', { headers: { Cookie: cookie } })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toContain('text/javascript')
  })
})

describe('request bodies over the limit', () => {
  let small: HttpBridge
  const limit = 1024 * 1024

  beforeAll(async () => {
    small = await startHttpBridge({
      handlers,
      rendererDir: join(dir.path, 'renderer'),
      token: 't',
      maxBodyBytes: limit
    })
  })
  afterAll(() => small.close())

  /** Sends `size` bytes, declared in Content-Length or chunked; a reset connection fails the test. */
  function post(size: number, declared: boolean): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: small.port,
          path: '/api/importDocument',
          method: 'POST',
          headers: {
            Host: `127.0.0.1:${small.port}`,
            ...json,
            'X-Scholia-Token': 't',
            ...(declared ? { 'Content-Length': String(size) } : {})
          }
        },
        (res) => {
          let body = ''
          res.on('data', (chunk: Buffer) => (body += chunk.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        }
      )
      req.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      let sent = 0
      const pump = (): void => {
        while (sent < size && req.write(chunk.subarray(0, Math.min(chunk.length, size - sent))))
          sent += chunk.length
        if (sent < size) req.once('drain', pump)
        else req.end()
      }
      pump()
    })
  }

  it.each([
    ['declared in Content-Length', true],
    ['sent in chunks', false]
  ])('answers 413 with a message a person can read when the body is %s', async (_how, declared) => {
    calls.length = 0
    const reply = await post(limit + 64 * 1024, declared)
    expect(reply.status).toBe(413)
    const body = JSON.parse(reply.body) as { ok: boolean; error: { message: string } }
    expect(body.ok).toBe(false)
    expect(body.error.message).toMatch(/at most 1 MB in one request.*Nothing was changed/)
    expect(calls).toEqual([])
  })

  it('holds the JSON of the largest text a valid import can send', () => {
    // The worst valid mixture: as many control characters as a text may hold (each \u00XX in
    // JSON), the rest characters of three UTF-8 bytes ("€" from a Windows-1252 file).
    const sample = 100_000
    const controls = Math.floor(sample * maxControlCharacterShare)
    const text = '\u0001'.repeat(controls) + '€'.repeat(sample - controls)
    expect(binaryTextProblem(text)).toBeNull()
    const perCodeUnit = (Buffer.byteLength(JSON.stringify({ text })) - 11) / sample
    const fileName = '\u0001'.repeat(1024)
    const envelope = Buffer.byteLength(JSON.stringify({ fileName, text: '' }))
    expect(maxRequestBytes).toBeGreaterThanOrEqual(Math.ceil(perCodeUnit * maxImportTextLength) + envelope)
    // A valid 50 MB UTF-16 file of Hangul (25 M code units of 3 bytes each) fits too.
    expect(maxRequestBytes).toBeGreaterThan((maxImportBytes / 2) * Buffer.byteLength('한'))
  })
})

describe('two servers on one machine', () => {
  it('keep their own sessions: a browser holds both cookies at once (cookies ignore the port)', async () => {
    const other = await startHttpBridge({
      handlers,
      rendererDir: join(dir.path, 'renderer'),
      token: 'other-token'
    })
    try {
      // A browser's cookie jar for 127.0.0.1: one value per cookie name, whatever the port.
      const jar = new Map<string, string>()
      for (const [server, token] of [
        [bridge, 'test-token-123'],
        [other, 'other-token']
      ] as const) {
        const reply = await send(server, `/?token=${token}`)
        const [name = '', value = ''] = (([] as string[]).concat(reply.headers['set-cookie'] ?? [])[0] ?? '')
          .split(';')[0]!
          .split('=')
        jar.set(name, value)
      }
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
      for (const server of [bridge, other]) {
        expect((await send(server, '/', { headers: { Cookie: cookie } })).status).toBe(200)
      }
    } finally {
      await other.close()
    }
  })
})

// The browser-mode transport: the built renderer and the same API handlers over HTTP, bound to
// 127.0.0.1 only. A per-run secret token (printed in the start-up URL) is exchanged on first load
// for an HttpOnly, SameSite=Strict cookie; every other request needs that cookie (or the token).
// Host and Origin are checked so that no other site — and no DNS-rebinding page — can reach it.
// API calls are JSON (`POST /api/<method>`), except binary uploads (`POST /api/upload/<method>`):
// a file's raw bytes as the body, the other arguments in the query, the same checks and limits.
// A method whose result is a file (`binaryResultMethods`) answers with the raw bytes on success.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile, realpath } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import {
  isBinaryResultMethod,
  isBinaryUploadMethod,
  maxRequestBytes,
  uploadLimit,
  type ApiHandlers
} from '../../shared/contract'
import { tooLargeMessage as fileTooLargeMessage } from '../../shared/import/frontEnds/decodeFile'
import type { UserFacingError } from '../../shared/types'
import { contentSecurityPolicy } from './csp'
import { dispatchApiCall } from './dispatch'

export interface HttpBridgeOptions {
  handlers: ApiHandlers
  /** Folder of the built renderer (index.html and assets/). */
  rendererDir: string
  port?: number
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string
  /** Largest request body (maxRequestBytes unless a test needs a small one). */
  maxBodyBytes?: number
  log?: (message: string) => void
}

export interface HttpBridge {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

/**
 * Cookies are shared by every port of a host, so two Scholia servers (two data folders) would
 * overwrite each other's session cookie and log each other out: the name carries the port.
 */
export function sessionCookieName(port: number): string {
  return `scholia_session_${port}`
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
}

/** The HTTP status of each error code: chosen from the code, never from the message's words. */
const statusOfCode: Record<UserFacingError['code'], number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  refused: 422,
  internal: 500
}

function secretsEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store'
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {}
): void {
  response.writeHead(status, { ...baseHeaders(), 'Content-Type': contentType, ...extra })
  response.end(body)
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8')
}

class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super('Request body too large')
  }
}

function tooLargeMessage(limit: number): string {
  const megabytes = Math.floor(limit / (1024 * 1024))
  return `Scholia accepts at most ${megabytes} MB in one request, and this one was larger. Nothing was changed. If you were importing a file, split it into smaller files and import those.`
}

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length over the limit is
 * refused before a byte is read; a chunked body is refused when it grows past the limit. Either
 * way the rest is read and dropped rather than the connection cut, so that the client gets the
 * 413 answer instead of a network error; a client that goes on sending past twice the limit is
 * disconnected.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'])
    const chunks: Buffer[] = []
    let size = 0
    const refuse = (): void => {
      request.removeListener('data', collect)
      request.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > 2 * limit) request.destroy()
      })
      reject(new BodyTooLargeError(limit))
    }
    const collect = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) refuse()
      else chunks.push(chunk)
    }
    if (Number.isFinite(declared) && declared > limit) {
      refuse()
      return
    }
    request.on('data', collect)
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/**
 * Where the token exchange redirects: this server's own path, never another host. A path that
 * starts with two slashes (`/.//evil.example/` becomes `//evil.example/` once the URL parser
 * drops the dot) would be read by the browser as a link to evil.example, so they are collapsed.
 */
export function sameServerLocation(url: URL): string {
  return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`
}

/** The arguments of a binary upload: the query's (the token aside) and the body as `bytes`. */
function uploadArguments(url: URL, body: Buffer): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  for (const [key, value] of url.searchParams) if (key !== 'token') args[key] = value
  args.bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  return args
}

const unauthorisedPage = `<!doctype html><meta charset="utf-8"><title>Scholia</title>
<p style="font: 16px sans-serif; margin: 3em">This Scholia server needs the link it printed when it started
(<code>http://127.0.0.1:PORT/?token=…</code>). Open that link, or restart Scholia with <code>npm run web</code>.</p>`

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const session = randomBytes(32).toString('base64url')
  const log = options.log ?? (() => undefined)
  const maxBodyBytes = options.maxBodyBytes ?? maxRequestBytes
  const rendererRoot = await realpath(options.rendererDir)
  let port = 0

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  function authorised(request: IncomingMessage, url: URL): boolean {
    return (
      secretsEqual(cookieValue(request, sessionCookieName(port)), session) ||
      secretsEqual(request.headers['x-scholia-token'] as string | undefined, token) ||
      secretsEqual(url.searchParams.get('token') ?? undefined, token)
    )
  }

  async function serveStatic(response: ServerResponse, pathname: string): Promise<void> {
    let relative: string
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
    } catch {
      // A malformed escape (`/%`) is the client's mistake, not an internal error.
      send(response, 400, 'Bad request: the address holds a malformed % escape', 'text/plain; charset=utf-8')
      return
    }
    const candidate = join(rendererRoot, relative)
    let resolved: string
    try {
      resolved = await realpath(candidate)
    } catch {
      // Unknown paths are client-side routes: the renderer decides what to show.
      resolved = join(rendererRoot, 'index.html')
    }
    if (resolved !== rendererRoot && !resolved.startsWith(rendererRoot + sep)) {
      send(response, 404, 'Not found', 'text/plain; charset=utf-8')
      return
    }
    const body = await readFile(resolved).catch(() => null)
    if (!body) {
      send(response, 404, 'Not found', 'text/plain; charset=utf-8')
      return
    }
    send(response, 200, body, contentTypes[extname(resolved)] ?? 'application/octet-stream')
  }

  /** A refusal sent before the body is read: the connection closes rather than carry it. */
  function refuseUpload(
    response: ServerResponse,
    request: IncomingMessage,
    status: number,
    message: string
  ): void {
    response.once('finish', () => request.destroy())
    send(
      response,
      status,
      JSON.stringify({ ok: false, error: { code: 'invalid-input', message } }),
      'application/json; charset=utf-8',
      { Connection: 'close' }
    )
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = url.pathname.slice('/api/upload/'.length)
    if (!isBinaryUploadMethod(method)) {
      refuseUpload(response, request, 404, `No upload for the API method ${method.slice(0, 80)}`)
      return
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      refuseUpload(response, request, 415, 'Send the file as application/octet-stream')
      return
    }
    // Said before anything is read, from the declared length.
    const limit = uploadLimit(method)
    const tooLarge =
      method === 'importLibrary'
        ? 'This file is larger than the 2 GB a Scholia library file may be: it is not a library Scholia wrote.'
        : `This file is larger than the ${limit / (1024 * 1024)} MB import limit. Split it into smaller files and import those.`
    const declared = Number(request.headers['content-length'] ?? NaN)
    if (Number.isFinite(declared) && declared > limit) {
      refuseUpload(
        response,
        request,
        413,
        method === 'importLibrary' ? tooLarge : fileTooLargeMessage(declared)
      )
      return
    }
    let body: Buffer
    try {
      body = await readBody(request, limit)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      refuseUpload(response, request, 413, tooLarge)
      return
    }
    const result = await dispatchApiCall(options.handlers, method, uploadArguments(url, body), log)
    sendJson(response, result.ok ? 200 : statusOfCode[result.error.code], result)
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      send(response, 421, 'Unexpected Host header', 'text/plain; charset=utf-8')
      return
    }
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      sendJson(response, 403, {
        ok: false,
        error: { code: 'refused', message: 'Cross-origin request refused' }
      })
      return
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)

    if (url.pathname.startsWith('/api/')) {
      if (!authorised(request, url)) {
        sendJson(response, 401, {
          ok: false,
          error: { code: 'refused', message: 'Missing or wrong Scholia token' }
        })
        return
      }
      if (request.method !== 'POST') {
        sendJson(response, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST' } })
        return
      }
      if (url.pathname.startsWith('/api/upload/')) {
        await handleUpload(request, response, url)
        return
      }
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(response, 415, { ok: false, error: { code: 'invalid-input', message: 'Send JSON' } })
        return
      }
      let args: unknown
      try {
        const body = await readBody(request, maxBodyBytes)
        args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError
        sendJson(response, tooLarge ? 413 : 400, {
          ok: false,
          error: {
            code: 'invalid-input',
            message: tooLarge ? tooLargeMessage(error.limit) : 'Request body is not valid JSON'
          }
        })
        return
      }
      const method = url.pathname.slice('/api/'.length)
      const result = await dispatchApiCall(options.handlers, method, args, log)
      if (result.ok && isBinaryResultMethod(method) && result.value instanceof Uint8Array) {
        const bytes = result.value
        send(
          response,
          200,
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          'application/octet-stream'
        )
        return
      }
      sendJson(response, result.ok ? 200 : statusOfCode[result.error.code], result)
      return
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8')
      return
    }
    if (url.searchParams.has('token')) {
      if (!secretsEqual(url.searchParams.get('token') ?? undefined, token)) {
        send(response, 401, unauthorisedPage, 'text/html; charset=utf-8')
        return
      }
      // Swap the token in the address bar for a cookie, so reloads and bookmarks keep working.
      url.searchParams.delete('token')
      send(response, 303, '', 'text/plain; charset=utf-8', {
        'Set-Cookie': `${sessionCookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: sameServerLocation(url)
      })
      return
    }
    if (!authorised(request, url)) {
      send(response, 401, unauthorisedPage, 'text/html; charset=utf-8')
      return
    }
    await serveStatic(response, url.pathname)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`Scholia: request failed: ${String(error)}`)
      if (!response.headersSent) send(response, 500, 'Internal error', 'text/plain; charset=utf-8')
      else response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

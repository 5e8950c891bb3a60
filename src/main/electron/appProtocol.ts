// Serves the built renderer (out/renderer) on app://scholia/ through a privileged custom scheme.
// A real origin (unlike file://, where every file on disk is "same origin") lets the CSP's 'self',
// the IPC sender check and the navigation guard all mean "Scholia's own bundled files".
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { contentSecurityPolicy } from '../transport/csp'
import { appHost, appScheme } from './appOrigin'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
}

/** Must run before the app is ready: standard + secure give the scheme an origin and a secure context. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * The file under `rootDir` that `url` names, or null when the URL is not ours or escapes the root
 * (`..`, encoded `%2e%2e`, an absolute path, a NUL byte). The URL parser already folds `..`
 * segments; resolving again and checking the relative path is the belt to those braces.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html'
  const root = resolve(rootDir)
  const file = resolve(root, '.' + pathname)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..' + sep) || inside === '..' || isAbsolute(inside)) return null
  return file
}

export type ReadFile = (path: string) => Promise<Uint8Array>

/** The protocol handler: GET/HEAD of files inside `rootDir`, each response carrying the CSP. */
export function createAppRequestHandler(
  rootDir: string,
  read: ReadFile = readFile
): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers })
    }
    const file = resolveAppFile(rootDir, request.url)
    if (file === null) return new Response('Not found', { status: 404, headers })
    let body: Uint8Array
    try {
      body = await read(file)
    } catch {
      return new Response('Not found', { status: 404, headers })
    }
    const contentType = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
    // File bytes are always backed by a plain ArrayBuffer (never shared memory).
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...headers, 'Content-Type': contentType }
    })
  }
}

export function serveAppFiles(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(appScheme, createAppRequestHandler(rootDir))
}

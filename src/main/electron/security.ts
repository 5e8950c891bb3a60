// The shell's guard rails, applied to the session and to every web contents as it is created:
// the CSP on every response, no permissions, no navigation away from Scholia's own origin,
// no new windows, no <webview>. Links to the web go to the system browser, and only http(s) ones.
import type { Session, WebContents } from 'electron'
import { contentSecurityPolicy } from '../transport/csp'
import { isAppUrl, isWebUrl } from './appOrigin'

export type OpenExternal = (url: string) => Promise<void>

type ResponseHeaders = Record<string, string[] | string>

/** Response headers with any CSP the response brought replaced by Scholia's own. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    result[name] = Array.isArray(value) ? value : [value]
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy]
  return result
}

/**
 * Permissions a page of Scholia's own may use without asking: writing plain text to the clipboard
 * (a "Copy" button). Everything else (camera, notifications, geolocation, …) is refused.
 */
const allowedPermissions = new Set<string>(['clipboard-sanitized-write'])

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return allowedPermissions.has(permission) && isAppUrl(requestingUrl)
}

export function applySessionPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools pages are served in the same session and break under a strict CSP.
    if (details.url.startsWith('devtools:')) {
      callback({})
      return
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  })
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(isPermissionAllowed(permission, webContents.getURL()))
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin)
  )
}

function openInSystemBrowser(url: string, openExternal: OpenExternal): void {
  if (!isWebUrl(url)) return
  openExternal(url).catch((error: unknown) => {
    console.warn('Scholia: could not open the link in the system browser:', error)
  })
}

export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    // A plain link to the web (a reference in an article) opens where the reader expects it.
    openInSystemBrowser(event.url, openExternal)
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url, openExternal)
    return { action: 'deny' }
  })
}

// The one origin Scholia's own pages have inside Electron. Everything the shell trusts (IPC senders,
// navigation targets) is compared against it, so it lives in one place with no Electron import.

export const appScheme = 'app'
export const appHost = 'scholia'
export const appOrigin = `${appScheme}://${appHost}`
export const appEntryUrl = `${appOrigin}/index.html`

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` belongs to Scholia's own origin. Compared by scheme and host rather than
 * `URL.origin`: Node's URL reports the origin of a non-special scheme such as `app:` as "null".
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false
  const parsed = parseUrl(url)
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost
}

/** True for the only kind of link Scholia hands to the system browser. */
export function isWebUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:')
}

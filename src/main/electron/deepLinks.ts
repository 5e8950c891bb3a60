// Links back into Scholia from exported notes: `scholia://open?doc=ID&at=OFFSET` opens the passage
// in the desktop app. The link arrives from outside (another app, a web page), so it is parsed
// strictly — only this one shape, an id of safe characters, a whole-number offset — and becomes
// the same hash route the browser mode uses (`#/doc/ID?at=OFFSET`).
import type { App, BrowserWindow } from 'electron'
import { appEntryUrl } from './appOrigin'

export const linkScheme = 'scholia'

export interface DeepLink {
  documentId: string
  at: number | null
}

const documentIdPattern = /^[A-Za-z0-9_-]{1,200}$/

export function parseDeepLink(url: string): DeepLink | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${linkScheme}:`) return null
  // "scholia://open?…" puts "open" in the host; "scholia:open?…" in the path: accept both.
  const action = parsed.host !== '' ? parsed.host + parsed.pathname.replace(/\/$/, '') : parsed.pathname
  if (action !== 'open') return null
  const documentId = parsed.searchParams.get('doc') ?? ''
  if (!documentIdPattern.test(documentId)) return null
  const at = parsed.searchParams.get('at')
  if (at !== null && !/^\d{1,15}$/.test(at)) return null
  return { documentId, at: at === null ? null : Number(at) }
}

/** The renderer address that opens the link's passage. */
export function deepLinkTarget(link: DeepLink): string {
  return `${appEntryUrl}#/doc/${encodeURIComponent(link.documentId)}${link.at === null ? '' : `?at=${link.at}`}`
}

/** The first scholia: link among a second instance's command-line arguments (Windows, Linux). */
export function deepLinkInArguments(argv: readonly string[]): DeepLink | null {
  for (const argument of argv) {
    if (!argument.toLowerCase().startsWith(`${linkScheme}:`)) continue
    const link = parseDeepLink(argument)
    if (link) return link
  }
  return null
}

/**
 * Registers Scholia as the handler of scholia: links and routes them to the window: on macOS they
 * come as 'open-url'; on Windows and Linux the system starts a second instance whose arguments
 * reach this one through 'second-instance'. Links that do not parse are ignored.
 */
export function registerDeepLinks(
  app: Pick<App, 'setAsDefaultProtocolClient' | 'on'>,
  getWindow: () => Pick<BrowserWindow, 'loadURL' | 'focus' | 'isMinimized' | 'restore'> | null,
  initialArguments: readonly string[] = process.argv
): void {
  app.setAsDefaultProtocolClient(linkScheme) // eng-disable PROTOCOL_HANDLER_JS_CHECK — reviewed: a scholia: link is parsed strictly (parseDeepLink) into a document id and an offset, and nothing else in it is used
  const open = (link: DeepLink | null): void => {
    const window = getWindow()
    if (!link || !window) return
    if (window.isMinimized()) window.restore()
    window.focus()
    window
      .loadURL(deepLinkTarget(link))
      .catch((error: unknown) => console.error('Scholia: a link could not be opened:', error))
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    open(parseDeepLink(url))
  })
  app.on('second-instance', (_event, argv) => open(deepLinkInArguments(argv)))
  // A first start from a link (Windows, Linux) carries it in the arguments.
  const initial = deepLinkInArguments(initialArguments)
  if (initial) setTimeout(() => open(initial), 0)
}

// What an EPUB says about itself: META-INF/container.xml names the package (OPF) file, which gives
// the metadata (title, authors, language, date), the manifest of files and the spine (the reading
// order); the contents come from the EPUB 3 navigation document or the EPUB 2 NCX. Also the two
// reasons to refuse a book before reading it: not an EPUB at all, or protected by DRM.
import { descendants, readXml, textOf, type XmlElement } from './xml'

export interface BookMetadata {
  title: string | null
  authors: string[]
  language: string | null
  /** The year of publication, when the package gives a date. */
  year: number | null
  publisher: string | null
}

export interface ManifestItem {
  id: string
  /** The file's path inside the archive. */
  path: string
  mediaType: string
  properties: string[]
}

export interface BookPackage {
  packagePath: string
  metadata: BookMetadata
  manifest: Map<string, ManifestItem>
  /** The spine's files in reading order (linear="no" ones too: notes often live there). */
  spine: ManifestItem[]
  /** The EPUB 3 navigation document, or the EPUB 2 NCX, when the book has one. */
  navigation: { kind: 'nav' | 'ncx'; path: string } | null
  /** The cover image's path, left out of the text. */
  coverImage: string | null
}

export interface ContentsEntry {
  label: string
  /** The file the entry points at, and the fragment (an element's id) when it names one. */
  path: string
  fragment: string | null
}

/** Font obfuscation (IDPF and Adobe): not DRM, the text stays readable. */
const fontObfuscation = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC'])

export const drmMessage =
  'This EPUB is protected by DRM (its META-INF/encryption.xml says its text is encrypted), so Scholia cannot read it. Import a DRM-free copy of the book; nothing was imported.'

/** The algorithms that encrypt something other than fonts; empty when the book is not protected. */
export function drmAlgorithms(encryptionXml: string): string[] {
  const algorithms = descendants(readXml(encryptionXml), 'encryptionmethod').map(
    (method) => method.attributes.algorithm?.trim() ?? ''
  )
  return [...new Set(algorithms.filter((algorithm) => !fontObfuscation.has(algorithm)))]
}

/** The package file's path from container.xml, or null. */
export function packagePathOf(containerXml: string): string | null {
  const rootfiles = descendants(readXml(containerXml), 'rootfile')
  const opf =
    rootfiles.find((rootfile) => rootfile.attributes['media-type'] === 'application/oebps-package+xml') ??
    rootfiles[0]
  const path = opf?.attributes['full-path']?.trim()
  return path ? decodePath(path) : null
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * A link's target inside the archive: `href` read against the file it is written in. Null for a
 * link elsewhere (a scheme: http:, javascript:, mailto:) or one that climbs out of the archive.
 */
export function resolveHref(
  fromPath: string,
  href: string
): { path: string; fragment: string | null } | null {
  const trimmed = href.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('/')) return null
  const hash = trimmed.indexOf('#')
  const pathPart = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).replace(/\?.*$/, '')
  const fragment = hash >= 0 ? decodePath(trimmed.slice(hash + 1)) : null
  if (pathPart === '') return { path: fromPath, fragment: fragment === '' ? null : fragment }
  const segments = fromPath.split('/').slice(0, -1)
  for (const segment of decodePath(pathPart).split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (segments.length === 0) return null
      segments.pop()
    } else segments.push(segment)
  }
  return { path: segments.join('/'), fragment: fragment === '' ? null : fragment }
}

function yearOf(date: string): number | null {
  const match = /(?:^|\D)(\d{4})(?:\D|$)/.exec(date)
  const year = match?.[1] ? Number(match[1]) : null
  // Calibre writes 0101-01-01 for "unknown".
  return year !== null && year >= 1000 ? year : null
}

/** The creators who are authors: EPUB 3 says so with a refining meta, EPUB 2 with opf:role. */
function authorsOf(metadata: XmlElement): string[] {
  const roles = new Map<string, string>()
  for (const meta of descendants(metadata, 'meta')) {
    if (meta.attributes.property === 'role' && meta.attributes.refines)
      roles.set(meta.attributes.refines.replace(/^#/, ''), textOf(meta))
  }
  const creators = descendants(metadata, 'creator').map((creator) => ({
    name: textOf(creator),
    role: creator.attributes['opf:role'] ?? roles.get(creator.attributes.id ?? '') ?? null
  }))
  const authors = creators.filter((creator) => creator.role === null || creator.role === 'aut')
  return (authors.length > 0 ? authors : creators).map((creator) => creator.name).filter(Boolean)
}

function metadataOf(opf: XmlElement): BookMetadata {
  const metadata = descendants(opf, 'metadata')[0] ?? opf
  const first = (name: string) => {
    const element = descendants(metadata, name).find((candidate) => textOf(candidate) !== '')
    return element ? textOf(element) : null
  }
  const dates = descendants(metadata, 'date')
  const published =
    dates.find((date) => /publication|issued/i.test(date.attributes['opf:event'] ?? '')) ??
    dates.find((date) => !date.attributes['opf:event']) ??
    dates[0]
  const language = first('language')
  return {
    title: first('title'),
    authors: authorsOf(metadata),
    language: language !== null && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(language) ? language : null,
    year: published ? yearOf(textOf(published)) : null,
    publisher: first('publisher')
  }
}

/** Reads the package file (its path inside the archive is `packagePath`). */
export function readPackage(packagePath: string, opfXml: string): BookPackage {
  const opf = readXml(opfXml)
  const manifest = new Map<string, ManifestItem>()
  for (const item of descendants(opf, 'item')) {
    const { id, href } = item.attributes
    const target = id && href ? resolveHref(packagePath, href) : null
    if (!id || !target || manifest.has(id)) continue
    manifest.set(id, {
      id,
      path: target.path,
      mediaType: (item.attributes['media-type'] ?? '').toLowerCase(),
      properties: (item.attributes.properties ?? '').split(/\s+/).filter(Boolean)
    })
  }
  const spineElement = descendants(opf, 'spine')[0]
  const spine = descendants(spineElement ?? opf, 'itemref').flatMap((itemref) => {
    const item = manifest.get(itemref.attributes.idref ?? '')
    return item ? [item] : []
  })
  const items = [...manifest.values()]
  const nav = items.find((item) => item.properties.includes('nav'))
  const ncx =
    manifest.get(spineElement?.attributes.toc ?? '') ??
    items.find((item) => item.mediaType === 'application/x-dtbncx+xml')
  const coverId = descendants(opf, 'meta').find((meta) => meta.attributes.name === 'cover')?.attributes
    .content
  const cover = items.find((item) => item.properties.includes('cover-image')) ?? manifest.get(coverId ?? '')
  return {
    packagePath,
    metadata: metadataOf(opf),
    manifest,
    spine,
    navigation: nav ? { kind: 'nav', path: nav.path } : ncx ? { kind: 'ncx', path: ncx.path } : null,
    coverImage: cover?.path ?? null
  }
}

function entry(label: string, fromPath: string, href: string | undefined): ContentsEntry[] {
  const target = href ? resolveHref(fromPath, href) : null
  return target && label !== '' ? [{ label, path: target.path, fragment: target.fragment }] : []
}

/** The contents of an EPUB 3 navigation document: the links of its `toc` nav, in order. */
export function readNavContents(navPath: string, navXhtml: string): ContentsEntry[] {
  const navs = descendants(readXml(navXhtml), 'nav')
  const toc = navs.find((nav) => /(^|\s)toc(\s|$)/.test(nav.attributes['epub:type'] ?? '')) ?? navs[0]
  if (!toc) return []
  return descendants(toc, 'a').flatMap((link) => entry(textOf(link), navPath, link.attributes.href))
}

/** The contents of an EPUB 2 NCX: its navPoints, in order. */
export function readNcxContents(ncxPath: string, ncxXml: string): ContentsEntry[] {
  return descendants(readXml(ncxXml), 'navpoint').flatMap((point) => {
    const label = point.children.find((child) => child.name === 'navlabel')
    const content = point.children.find((child) => child.name === 'content')
    return entry(label ? textOf(label) : '', ncxPath, content?.attributes.src)
  })
}

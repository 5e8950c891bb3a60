// File names for exports that are safe on Windows, macOS and Linux, whatever the document title holds.
// A title is user text: it may contain path separators, `..`, characters Windows forbids, control or
// bidi characters (U+202E can make "gnp.exe" display as "exe.png"), or a reserved device name.

const maxBytes = 255
const fallbackName = 'untitled'

/** Characters Windows forbids in names, plus both path separators. */
const forbiddenCharacters = /[\\/:*?"<>|]/g
/**
 * C0/C1 controls, bidi embeddings/overrides/isolates/marks, and invisible characters that hide text.
 * ZWJ and ZWNJ (U+200C/D) stay: emoji sequences and Persian or Indic words need them.
 */
const invisibleCharacters = /[\p{Cc}\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu
/** Device names Windows reserves with any extension, in any case (COM¹ etc. count too). */
const reservedName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

const encoder = new TextEncoder()
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function byteLength(text: string): number {
  return encoder.encode(text).length
}

/** Trims `text` to at most `limit` UTF-8 bytes without cutting a character or an emoji sequence. */
function truncateToBytes(text: string, limit: number): string {
  if (byteLength(text) <= limit) return text
  let result = ''
  let used = 0
  for (const { segment } of graphemes.segment(text)) {
    const size = byteLength(segment)
    if (used + size > limit) break
    result += segment
    used += size
  }
  return result
}

/** Removes what Windows would silently drop or refuse at the end of a name. */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '')
}

function cleanExtension(ext: string): string {
  return ext
    .replace(/^\.+/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16)
}

/**
 * A file name made from `name` plus `.ext` (ext may be given with or without its dot): no path parts,
 * no forbidden, control or bidi characters, no leading or trailing dots and spaces, no Windows
 * device name, at most 255 UTF-8 bytes, never empty.
 */
export function safeFileName(name: string, ext: string): string {
  return buildName(name, ext, '')
}

/** `marker` (e.g. " (2)") is added after the stem and always kept: the stem is shortened instead. */
function buildName(name: string, ext: string, marker: string): string {
  const extension = cleanExtension(ext)
  const suffix = `${marker}${extension === '' ? '' : `.${extension}`}`
  // Path parts: "../x/y" keeps "x_y"; "." and ".." segments are dropped, so nothing climbs out.
  const parts = name
    .normalize('NFC')
    .replace(invisibleCharacters, '')
    .split(/[\\/]+/)
    .filter((part) => part.trim() !== '' && part.trim() !== '.' && part.trim() !== '..')
  let stem = parts.join('_').replace(forbiddenCharacters, '_').replace(/\s+/gu, ' ')
  stem = trimEnds(stem)
  stem = trimEnds(truncateToBytes(stem, maxBytes - byteLength(suffix)))
  if (stem === '') stem = fallbackName
  // "CON.notes" is still the device CON: what counts is the part before the first dot.
  const firstPart = stem.split('.')[0] ?? ''
  if (marker === '' && reservedName.test(firstPart.trimEnd())) {
    stem = `${firstPart.trimEnd()}_${stem.slice(firstPart.length)}`
    stem = truncateToBytes(stem, maxBytes - byteLength(suffix))
  }
  return `${stem}${suffix}`
}

/** The key two names collide on in a case-insensitive (Windows, macOS) or normalising (macOS) folder. */
function collisionKey(fileName: string): string {
  return fileName.normalize('NFC').toLowerCase()
}

/**
 * Returns a function that gives each name in one export a safe file name no other name in the same
 * export has, compared case-insensitively: "Notes.md", then "notes (2).md", "NOTES (3).md".
 */
export function createUniqueFileNamer(): (name: string, ext: string) => string {
  const taken = new Set<string>()
  return (name, ext) => {
    let candidate = buildName(name, ext, '')
    for (let copy = 2; taken.has(collisionKey(candidate)); copy++) {
      candidate = buildName(name, ext, ` (${copy})`)
    }
    taken.add(collisionKey(candidate))
    return candidate
  }
}

/**
 * The name for copy `copy` (2, 3, …) of an already safe file name, the way browsers and Finder
 * name a download whose name is taken: "Kim 2018.md" → "Kim 2018 (2).md".
 */
export function numberedFileName(fileName: string, copy: number): string {
  const match = /^(.+)\.([A-Za-z0-9]{1,16})$/.exec(fileName)
  return buildName(match?.[1] ?? fileName, match?.[2] ?? '', ` (${copy})`)
}

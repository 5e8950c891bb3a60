// Turns the bytes of a file someone offers for import into text, or refuses them with a message
// that names the problem. Pure (Uint8Array + TextDecoder), so the renderer runs the same code in
// Electron and in the browser mode, and unit tests run it in Node.
//
// Order matters: size first (nothing is read into a string past the limit), then formats we know
// by their magic numbers (PDF and EPUB are imported from their bytes instead), then byte order marks, then
// strict UTF-8, then UTF-16 without a BOM, and Windows-1252 only for files whose high bytes never
// form UTF-8 sequences — a mostly-UTF-8 file with a few broken bytes is damaged, not Windows-1252.

import { maxControlCharacterShare, maxImportBytes } from '../../contract'

export { maxImportBytes }

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; hadByteOrderMark: boolean }
  | { ok: false; message: string }

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
}

export function tooLargeMessage(size: number): string {
  return `This file is ${megabytes(size)}; Scholia imports texts of up to ${megabytes(maxImportBytes)}. Split it into smaller files and import those.`
}

interface MagicNumber {
  bytes: number[]
  /** Where the signature starts (a ZIP holding an EPUB says so at byte 30). */
  offset?: number
  message: string
}

const outOfScope = 'Scholia imports PDF, EPUB, Markdown, plain text and HTML.'

const magicNumbers: MagicNumber[] = [
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
    message:
      "This is a PDF file: PDFs are read from their own bytes (the library's Import button, or Update from file), not as text."
  },
  {
    // "mimetypeapplication/epub+zip" right after the first local file header.
    bytes: [...'mimetypeapplication/epub+zip'].map((character) => character.charCodeAt(0)),
    offset: 30,
    message:
      "This is an EPUB book: EPUBs are read from their own bytes (the library's Import button, or Update from file), not as text."
  },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message: `This is a ZIP archive (or a Word/OpenDocument file, which are ZIP archives), not text. ${outOfScope}`
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], message: `This is a PNG image, not text. ${outOfScope}` },
  { bytes: [0xff, 0xd8, 0xff], message: `This is a JPEG image, not text. ${outOfScope}` },
  { bytes: [0x47, 0x49, 0x46, 0x38], message: `This is a GIF image, not text. ${outOfScope}` },
  { bytes: [0x1f, 0x8b], message: `This is a gzip-compressed file, not text. Decompress it first.` },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65],
    message: `This is a database file, not text. ${outOfScope}`
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: `This is an old Microsoft Office file, not text. ${outOfScope}`
  },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], message: `This is a program, not text. ${outOfScope}` },
  { bytes: [0x4d, 0x5a], message: `This is a Windows program, not text. ${outOfScope}` }
]

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((value, index) => bytes[offset + index] === value)
}

/** The file name's extension says PDF/EPUB even when its bytes are damaged: refuse it the same way. */
function refusedByExtension(fileName: string): string | null {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'pdf') return magicNumbers[0]?.message ?? outOfScope
  if (extension === 'epub') return magicNumbers[1]?.message ?? outOfScope
  return null
}

function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * UTF-16 without a BOM: text in Latin scripts has a zero in every other byte. Needs a sample
 * where most even (BE) or odd (LE) bytes are zero and the others mostly are not.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (sample < 4) return null
  let zeroEven = 0
  let zeroOdd = 0
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) zeroEven++
    if (bytes[index + 1] === 0) zeroOdd++
  }
  const pairs = sample / 2
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.1) return 'utf-16le'
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.1) return 'utf-16be'
  return null
}

/** Counts well-formed multi-byte UTF-8 sequences and stray high bytes, to tell damaged UTF-8 from a legacy encoding. */
function utf8Shape(bytes: Uint8Array): { sequences: number; strays: number; firstStray: number } {
  let sequences = 0
  let strays = 0
  let firstStray = -1
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0
    if (byte < 0x80) {
      index++
      continue
    }
    const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0
    let valid = length > 0 && index + length <= bytes.length
    for (let next = 1; valid && next < length; next++) {
      const continuation = bytes[index + next] ?? 0
      if (continuation < 0x80 || continuation > 0xbf) valid = false
    }
    if (valid) {
      sequences++
      index += length
    } else {
      strays++
      if (firstStray < 0) firstStray = index
      index++
    }
  }
  return { sequences, strays, firstStray }
}

/** A control character other than tab, line feed, form feed and carriage return. */
const controlCharacter = /[^\P{Cc}\t\n\f\r]/u

/**
 * More control characters (other than tab, line feed, form feed and carriage return) than
 * maxControlCharacterShare of the whole text: a sign of binary data (a few, like a DOS end-of-file
 * mark, are tolerated). Stops as soon as that is certain.
 */
function hasTooManyControlCharacters(text: string): boolean {
  // Most texts hold none: one regular-expression search (several times faster than the loop) says so.
  if (!controlCharacter.test(text)) return false
  const allowed = Math.floor(text.length * maxControlCharacterShare)
  let controls = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      (code >= 0x7f && code <= 0x9f)
    ) {
      if (++controls > allowed) return true
    }
  }
  return false
}

/**
 * Windows-1252 by table: Node 20's TextDecoder treats the label as ISO-8859-1 and turns the
 * curly quotes and dashes at 0x80–0x9F into control characters, while browsers do not.
 * The five bytes the code page leaves undefined become U+FFFD.
 */
const windows1252High = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const chunk = 0x8000
  for (let start = 0; start < bytes.length; start += chunk) {
    let text = ''
    const end = Math.min(bytes.length, start + chunk)
    for (let index = start; index < end; index++) {
      const byte = bytes[index] ?? 0
      text +=
        byte >= 0x80 && byte <= 0x9f ? (windows1252High[byte - 0x80] ?? '\uFFFD') : String.fromCharCode(byte)
    }
    parts.push(text)
  }
  return parts.join('')
}

const binaryMessage = `This file holds binary data (NUL bytes or control characters), not text. ${outOfScope}`

/**
 * Why a decoded text cannot be a document, or null. The renderer checks it after decoding and the
 * back end again before storing (importDocument, updateDocumentFromFile), since any client can call those.
 */
export function binaryTextProblem(text: string): string | null {
  // A NUL inside decoded text is never part of a document (and some tools cut strings at it).
  if (text.includes('\u0000') || hasTooManyControlCharacters(text)) return binaryMessage
  return null
}

/** Decodes an imported file's bytes, or says why it cannot be imported. */
export function decodeFileBytes(bytes: Uint8Array, fileName: string): DecodeResult {
  if (bytes.length > maxImportBytes) return { ok: false, message: tooLargeMessage(bytes.length) }
  for (const magic of magicNumbers) {
    if (startsWith(bytes, magic.bytes, magic.offset)) return { ok: false, message: magic.message }
  }
  const byExtension = refusedByExtension(fileName)
  if (byExtension) return { ok: false, message: byExtension }

  let result: { text: string; encoding: TextEncodingName; hadByteOrderMark: boolean } | null = null
  const boms: [number[], TextEncodingName][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be']
  ]
  for (const [bom, encoding] of boms) {
    if (!startsWith(bytes, bom)) continue
    const text = decodeStrict(bytes.subarray(bom.length), encoding)
    if (text === null) {
      return {
        ok: false,
        message: `The file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()} (broken characters or unpaired surrogates). Save it again as UTF-8 and import it then.`
      }
    }
    result = { text, encoding, hadByteOrderMark: true }
    break
  }

  if (!result) {
    const utf16 = guessUtf16WithoutBom(bytes)
    const utf16Text = utf16 ? decodeStrict(bytes, utf16) : null
    if (utf16 && utf16Text !== null) result = { text: utf16Text, encoding: utf16, hadByteOrderMark: false }
  }

  if (!result) {
    if (bytes.includes(0)) return { ok: false, message: binaryMessage }
    const utf8 = decodeStrict(bytes, 'utf-8')
    if (utf8 !== null) {
      result = { text: utf8, encoding: 'utf-8', hadByteOrderMark: false }
    } else {
      const shape = utf8Shape(bytes)
      // Real UTF-8 characters beside broken bytes: a damaged file, and Windows-1252 would garble it.
      if (shape.sequences > 0 && shape.sequences >= shape.strays) {
        return {
          ok: false,
          message: `The file is not valid UTF-8: it holds broken characters (the first at byte ${shape.firstStray}). Open it in a text editor, save it as UTF-8 and import it then.`
        }
      }
      result = { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadByteOrderMark: false }
    }
  }

  const problem = binaryTextProblem(result.text)
  return problem === null ? { ok: true, ...result } : { ok: false, message: problem }
}

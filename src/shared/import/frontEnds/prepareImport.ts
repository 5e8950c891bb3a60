// From a file someone offers to the text the document importer reads: size and format checks,
// decoding (decodeFile), HTML turned into Markdown-like text (htmlToMarkdown). The renderer runs
// this before sending the text to the back end, in Electron and the browser mode alike.
import { maxImportTextLength } from '../../contract'
import { decodeFileBytes, type TextEncodingName } from './decodeFile'
import { htmlToMarkdown, looksLikeHtml } from './htmlToMarkdown'

export type PreparedImport =
  | {
      ok: true
      text: string
      encoding: TextEncodingName
      format: 'markdown' | 'html'
      /** Things the person should know about how the file was read. */
      notes: string[]
    }
  | { ok: false; message: string }

export function prepareImport(
  bytes: Uint8Array,
  fileName: string,
  /** The longest text the back end accepts; a test passes a small one. */
  maxTextLength = maxImportTextLength
): PreparedImport {
  const decoded = decodeFileBytes(bytes, fileName)
  if (!decoded.ok) return decoded
  const notes: string[] = []
  if (decoded.encoding === 'windows-1252')
    notes.push('The file was not UTF-8; it was read as Windows-1252 (Western European).')
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be')
    notes.push('The file was read as UTF-16.')
  if (looksLikeHtml(fileName, decoded.text)) {
    const { markdown } = htmlToMarkdown(decoded.text)
    if (markdown.trim() === '') {
      return {
        ok: false,
        message:
          'This HTML file has no readable text once its markup is set aside: there is nothing to import.'
      }
    }
    // Escaping text can make the converted text longer than the file (the request limit is computed from this length).
    if (markdown.length > maxTextLength) {
      const millions = (length: number): string => (length / 1_000_000).toFixed(1)
      return {
        ok: false,
        message: `Converted to text, this HTML file is ${millions(markdown.length)} million characters; Scholia imports texts of up to ${millions(maxTextLength)} million. Split it into smaller files and import those.`
      }
    }
    notes.push('HTML was converted to text: scripts, styles, images and links were left out.')
    return { ok: true, text: markdown, encoding: decoded.encoding, format: 'html', notes }
  }
  return { ok: true, text: decoded.text, encoding: decoded.encoding, format: 'markdown', notes }
}

// Putting user text into Markdown without letting it run or reshape the document: passages and
// titles become inert text; the reader's notes keep their Markdown but lose raw HTML and anything
// that would break out of their place (headings, block quotes, an unclosed code fence).
import MarkdownIt from 'markdown-it'

/** Parses notes only to find their code blocks; html: true so HTML blocks are seen as blocks. */
const parser = new MarkdownIt('commonmark', { html: true })

/**
 * Text shown as written: characters with a Markdown meaning (CommonMark's and Obsidian's `==`, `$`,
 * `%%`) are backslash-escaped — CommonMark allows a backslash before any ASCII punctuation — so
 * `<script>` stays text and `[x](javascript:…)` is no link; a list marker at the start is escaped too.
 * Line breaks become spaces: callers that need lines split first.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>#|~&$=%]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

/**
 * The reader's note, kept as Markdown with these changes:
 * - `<` outside code blocks becomes `&lt;`, so no raw HTML or autolink survives (inside inline
 *   code it then shows as "&lt;": a visible but harmless cost of never guessing what is code);
 * - a link or image whose target is not http(s), mailto or scholia (`javascript:`, `data:`,
 *   `vbscript:`, `file:`…) is made plain text, as the reader shows it (see keepsLinkTarget);
 * - lines that would make a heading, a block quote or a setext underline are escaped, so a note
 *   cannot add sections to the export or pose as a quoted passage;
 * - a code fence left open is closed, so it cannot swallow the rest of the export.
 */
export function sanitizeNoteMarkdown(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n')
  const inCode = new Array<boolean>(lines.length).fill(false)
  let openFence: string | null = null
  for (const token of parser.parse(lines.join('\n'), {})) {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map && token.level === 0) {
      const [from, to] = token.map
      for (let line = from; line < to; line++) inCode[line] = true
      if (
        token.type === 'fence' &&
        to === lines.length &&
        !closesFence(lines[to - 1] ?? '', token.markup, from, to)
      ) {
        openFence = token.markup
      }
    }
  }
  const safe = lines.map((line, index) => (inCode[index] ? line : sanitizeLine(line)))
  if (openFence !== null) safe.push(openFence)
  return safe.join('\n')
}

function closesFence(lastLine: string, markup: string, from: number, to: number): boolean {
  if (to - from < 2) return false
  const trimmed = lastLine.trim()
  return trimmed.startsWith(markup) && /^([`~])\1*$/.test(trimmed)
}

/** Link schemes a note keeps in an export: those the reader keeps, plus Scholia's own passage links. */
const keptLinkSchemes = new Set(['http', 'https', 'mailto', 'scholia'])

function decodeCharacterReference(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
}

/**
 * Whether a link target (the text after `](` or `]:`, to the end of the line) may stay a link: its
 * scheme is one of keptLinkSchemes, or it has none (a relative link). The scheme is read as a
 * Markdown renderer and then a browser would: character references decoded, backslash escapes
 * dropped, and spaces and control characters removed (browsers drop tabs and line breaks inside
 * a URL, so `java&#x09;script:` is `javascript:`). A target that cannot be read safely — nothing
 * on this line, or a character reference left undecoded before the first `:` — is not kept.
 */
export function keepsLinkTarget(rest: string): boolean {
  const start = rest.replace(/^[ \t]+/, '')
  if (start === '') return false
  const close = start.indexOf('>')
  // `<…>` holds a target with spaces; otherwise it ends at the first space.
  const target = start.startsWith('<')
    ? start.slice(1, close === -1 ? undefined : close)
    : start.split(/\s/, 1)[0]
  const decoded = (target ?? '')
    .replace(/&#x([0-9a-f]{1,8});/gi, (_reference, hex: string) =>
      decodeCharacterReference(Number.parseInt(hex, 16))
    )
    .replace(/&#([0-9]{1,8});/g, (_reference, decimal: string) => decodeCharacterReference(Number(decimal)))
    .replace(/\\(.)/g, '$1')
    .replace(/[\p{Cc} ]/gu, '')
  const head = decoded.split(/[/?#]/, 1)[0] ?? ''
  const colon = head.indexOf(':')
  if (colon === -1) return !head.includes('&')
  return keptLinkSchemes.has(head.slice(0, colon).toLowerCase())
}

/** `](` and `]:` whose target is not kept lose their meaning: `]\(` and `\]:` are plain text. */
function neutraliseLinks(line: string): string {
  return line.replace(/\](\(|:)/g, (marker: string, kind: string, offset: number) => {
    if (offset > 0 && line[offset - 1] === '\\') return marker
    if (keepsLinkTarget(line.slice(offset + 2))) return marker
    return kind === '(' ? ']\\(' : '\\]:'
  })
}

function sanitizeLine(line: string): string {
  let result = neutraliseLinks(line).replace(/</g, '&lt;')
  // ATX heading, block quote, setext underline (=== / ---) at the start of a line.
  result = result.replace(/^( {0,3})(#{1,6}(?=\s|$)|>)/, '$1\\$2')
  result = result.replace(/^( {0,3})([=-]+\s*)$/, '$1\\$2')
  return result
}

/**
 * A tag as Obsidian accepts it: letters, digits, `_`, `-` and `/` (nesting) only; spaces and dashes
 * become `-`;
 * at least one character that is not a digit. Returns '' when nothing usable is left.
 */
export function obsidianTag(tag: string): string {
  const cleaned = tag
    .normalize('NFC')
    .replace(/[\s\p{Pd}]+/gu, '-')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-/]+|[-/]+$/g, '')
  if (cleaned === '') return ''
  return /^[\d/_-]+$/u.test(cleaned) ? `_${cleaned}` : cleaned
}

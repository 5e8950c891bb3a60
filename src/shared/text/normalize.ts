// Text normalisation applied to every document before it is parsed or stored.
// Offsets of annotations are counted over this form: NFC, LF line endings, zero-width characters kept.

/** Removes a leading byte-order mark, turns CRLF and lone CR into LF, and composes to NFC. */
export function normalizeText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC')
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether `text` holds half of a UTF-16 surrogate pair. No file decoded strictly yields one, but
 * JSON can (`"\ud800"`), and SQLite would store it as U+FFFD: the text saved would not be the text given.
 */
export function hasLoneSurrogate(text: string): boolean {
  // String.prototype.isWellFormed (ES2024: Node 20+, Chromium 111+) is ten times faster on long texts.
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed
  return native ? !native.call(text) : loneSurrogate.test(text)
}

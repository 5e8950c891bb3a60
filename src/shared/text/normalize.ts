// Text normalisation applied to every document before it is parsed or stored.
// Offsets of annotations are counted over this form: NFC, LF line endings, zero-width characters kept.

/** Removes a leading byte-order mark, turns CRLF and lone CR into LF, and composes to NFC. */
export function normalizeText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC')
}

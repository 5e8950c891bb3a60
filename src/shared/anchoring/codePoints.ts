// Conversion between UTF-16 code-unit offsets (how Scholia stores annotation offsets) and Unicode
// code-point offsets (what W3C Web Annotation TextPositionSelectors mean in exported files).
// Also the surrogate-pair tests the anchoring code uses so that it never cuts an astral character.
//
// Only well-formed pairs (a high surrogate directly followed by a low one) count as one code point;
// a lone surrogate counts as one, as it does when a string is iterated in JavaScript.

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  )
}

function checkOffset(offset: number, max: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${what} ${offset} is outside 0..${max}`)
  }
}

/**
 * Converts many offsets of one text in O(log p) each, p being the number of astral characters,
 * after one O(n) scan. Build one per document and reuse it for every annotation.
 */
export interface CodePointConverter {
  /** Length of the text in code points. */
  readonly codePointLength: number
  /** An offset inside a surrogate pair is rounded down to the pair's start. */
  toCodePoint(utf16Offset: number): number
  toUtf16(codePointOffset: number): number
}

export function createCodePointConverter(text: string): CodePointConverter {
  // UTF-16 start of every well-formed pair, ascending. Usually short: most text has few astral
  // characters, so this is far smaller than a per-offset prefix-count table for a 5 MB text.
  const starts: number[] = []
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      starts.push(i)
      i++
    }
  }
  const pairStarts = Int32Array.from(starts)
  const codePointLength = text.length - pairStarts.length

  // Number of pairs whose start is < limit (pairs never straddle a rounded-down offset).
  const pairsBefore = (limit: number): number => {
    let low = 0
    let high = pairStarts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((pairStarts[middle] as number) < limit) low = middle + 1
      else high = middle
    }
    return low
  }

  // Number of pairs whose code-point index (start - pairs before it) is < limit.
  const pairsBeforeCodePoint = (limit: number): number => {
    let low = 0
    let high = pairStarts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((pairStarts[middle] as number) - middle < limit) low = middle + 1
      else high = middle
    }
    return low
  }

  return {
    codePointLength,
    toCodePoint(utf16Offset: number): number {
      checkOffset(utf16Offset, text.length, 'UTF-16 offset')
      const offset = splitsSurrogatePair(text, utf16Offset) ? utf16Offset - 1 : utf16Offset
      return offset - pairsBefore(offset)
    },
    toUtf16(codePointOffset: number): number {
      checkOffset(codePointOffset, codePointLength, 'Code point offset')
      return codePointOffset + pairsBeforeCodePoint(codePointOffset)
    }
  }
}

/** One offset, by a scan of the text up to it. For many offsets use `toCodePointOffsets`. */
export function utf16ToCodePointOffset(text: string, utf16Offset: number): number {
  checkOffset(utf16Offset, text.length, 'UTF-16 offset')
  const offset = splitsSurrogatePair(text, utf16Offset) ? utf16Offset - 1 : utf16Offset
  let codePoints = 0
  for (let i = 0; i < offset; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < offset && isLowSurrogate(text.charCodeAt(i + 1))) i++
    codePoints++
  }
  return codePoints
}

/** One offset, by a scan of the text up to it. For many offsets use `toUtf16Offsets`. */
export function codePointToUtf16Offset(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    throw new RangeError(`Code point offset ${codePointOffset} is negative or not an integer`)
  }
  let utf16 = 0
  for (let seen = 0; seen < codePointOffset; seen++) {
    if (utf16 >= text.length) {
      throw new RangeError(`Code point offset ${codePointOffset} is past the end of the text`)
    }
    const pair = isHighSurrogate(text.charCodeAt(utf16)) && isLowSurrogate(text.charCodeAt(utf16 + 1))
    utf16 += pair ? 2 : 1
  }
  return utf16
}

/** Converts many UTF-16 offsets (any order) of one text in a single scan plus a binary search each. */
export function toCodePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  const converter = createCodePointConverter(text)
  return utf16Offsets.map((offset) => converter.toCodePoint(offset))
}

/** Converts many code-point offsets (any order) of one text back to UTF-16 offsets. */
export function toUtf16Offsets(text: string, codePointOffsets: readonly number[]): number[] {
  const converter = createCodePointConverter(text)
  return codePointOffsets.map((offset) => converter.toUtf16(offset))
}

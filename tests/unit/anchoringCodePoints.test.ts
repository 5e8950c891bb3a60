// Code-point conversion for W3C exports: UTF-16 offsets ↔ code-point offsets on astral text.

import { describe, expect, it } from 'vitest'
import {
  codePointToUtf16Offset,
  createCodePointConverter,
  toCodePointOffsets,
  toUtf16Offsets,
  utf16ToCodePointOffset
} from '../../src/shared/anchoring'

// Astral characters (emoji, a ZWJ family, a CJK Extension B ideograph), a zero-width space,
// combining-free Hangul and a lone high surrogate at the very end.
const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}'
const sample = `a${family}b\u200B\u{20BB7}c 홍석률 \u{1F600}\u{1F600}z\uD83D`

/** Reference answer: code points counted by the string iterator, which knows surrogate pairs. */
function codePointsBefore(text: string, utf16Offset: number): number {
  return [...text.slice(0, utf16Offset)].length
}

describe('code point conversion', () => {
  it('matches the string iterator at every offset that is not inside a pair', () => {
    for (let offset = 0; offset <= sample.length; offset++) {
      const inside =
        offset > 0 &&
        /[\uDC00-\uDFFF]/.test(sample[offset] ?? '') &&
        /[\uD800-\uDBFF]/.test(sample[offset - 1] ?? '')
      if (inside) continue
      expect(utf16ToCodePointOffset(sample, offset)).toBe(codePointsBefore(sample, offset))
    }
  })

  it('round-trips every code-point offset, one at a time and in bulk', () => {
    const length = [...sample].length
    const codePoints = Array.from({ length: length + 1 }, (_, index) => index)
    const utf16 = codePoints.map((cp) => codePointToUtf16Offset(sample, cp))
    expect(toUtf16Offsets(sample, codePoints)).toEqual(utf16)
    expect(toCodePointOffsets(sample, utf16)).toEqual(codePoints)
    expect(utf16.map((offset) => utf16ToCodePointOffset(sample, offset))).toEqual(codePoints)
    expect(createCodePointConverter(sample).codePointLength).toBe(length)
  })

  it('counts the family emoji as five code points (three people, two joiners) and eight UTF-16 units', () => {
    expect(family.length).toBe(8)
    const converter = createCodePointConverter(`x${family}y`)
    expect(converter.toCodePoint(1 + family.length)).toBe(1 + 5)
    expect(converter.toUtf16(6)).toBe(9)
  })

  it('rounds an offset inside a surrogate pair down to the start of the character', () => {
    const text = 'ab\u{1F600}cd'
    expect(utf16ToCodePointOffset(text, 3)).toBe(2)
    expect(createCodePointConverter(text).toCodePoint(3)).toBe(2)
    expect(toCodePointOffsets(text, [3, 4, 2])).toEqual([2, 3, 2])
  })

  it('keeps offsets in the caller’s order in bulk conversion', () => {
    const offsets = [sample.length, 0, 4, 1, 11, 9]
    expect(toCodePointOffsets(sample, offsets)).toEqual(
      offsets.map((offset) => codePointsBefore(sample, offset))
    )
  })

  it('refuses offsets outside the text', () => {
    expect(() => utf16ToCodePointOffset(sample, sample.length + 1)).toThrow(RangeError)
    expect(() => codePointToUtf16Offset(sample, [...sample].length + 1)).toThrow(RangeError)
    expect(() => createCodePointConverter(sample).toUtf16(-1)).toThrow(RangeError)
    expect(() => toCodePointOffsets(sample, [0.5])).toThrow(RangeError)
  })

  it('converts 10^5 offsets of a multi-megabyte astral text with one converter', () => {
    const unit = `The Sino-DPRK split \u{1F600} ${family} 홍석률 \u{20BB7}.\n\n`
    const text = unit.repeat(Math.ceil(5_000_000 / unit.length))
    const offsets = Array.from({ length: 100_000 }, (_, index) => Math.floor((index * text.length) / 100_000))
    const codePoints = toCodePointOffsets(text, offsets)
    // Spot-check against the slow reference on a few, and the round trip on all.
    for (const index of [0, 1, 49_999, 99_999]) {
      expect(codePoints[index]).toBe(codePointsBefore(text, offsets[index] as number))
    }
    const back = toUtf16Offsets(text, codePoints)
    back.forEach((offset, index) => {
      const original = offsets[index] as number
      // Offsets that fell inside a pair come back as the pair's start.
      expect(original - offset === 0 || original - offset === 1).toBe(true)
    })
  })
})

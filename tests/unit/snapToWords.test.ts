import { describe, expect, it } from 'vitest'
import { snapToWords } from '../../src/shared/document/words'

const text = 'the Korean Peninsula, in 1950; Kim Il-sŏng spoke.'
const cut = (start: number, end: number): string => {
  const snapped = snapToWords(text, start, end)
  return text.slice(snapped.start, snapped.end)
}

describe('highlights snap to whole words', () => {
  it('grows a selection that stops inside a word to the whole word', () => {
    const at = text.indexOf('Peninsula')
    expect(cut(at + 2, at + 9)).toBe('Peninsula')
    expect(cut(at - 4, at + 2)).toBe('Korean Peninsula')
  })

  it('leaves boundaries that are already between words, and punctuation outside', () => {
    const at = text.indexOf('Korean')
    expect(cut(at, at + 6)).toBe('Korean')
    expect(cut(at - 1, at + 6)).toBe(' Korean')
    expect(cut(text.indexOf('1950') + 1, text.indexOf('1950') + 2)).toBe('1950')
  })

  it('counts letters with diacritics as letters, and stops at a hyphen', () => {
    const at = text.indexOf('sŏng')
    expect(cut(at + 1, at + 3)).toBe('sŏng')
  })

  it('keeps an empty selection as it is', () => {
    expect(snapToWords(text, 5, 5)).toEqual({ start: 5, end: 5 })
  })
})

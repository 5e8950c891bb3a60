import { describe, expect, it } from 'vitest'
import { sentenceAround } from '../../src/shared/document/sentence'

const text =
  'North Korea began its push in 1972. In 1966, Kim Il Sung declared self-reliance in the Rodong Sinmun. It did not last.\n\nA new paragraph starts here. Another sentence.'

describe('the sentence around a selection', () => {
  it('finds the sentence holding the selected words', () => {
    const start = text.indexOf('1966')
    expect(sentenceAround(text, start, start + 4).text).toBe(
      'In 1966, Kim Il Sung declared self-reliance in the Rodong Sinmun.'
    )
  })

  it('spans every sentence the selection touches, but never crosses into another paragraph', () => {
    const start = text.indexOf('self-reliance')
    const end = text.indexOf('did not')
    expect(sentenceAround(text, start, end).text).toBe(
      'In 1966, Kim Il Sung declared self-reliance in the Rodong Sinmun. It did not last.'
    )
    const last = sentenceAround(text, text.indexOf('not last'), text.indexOf('not last') + 3)
    expect(last.text).toBe('It did not last.')
  })

  it('returns offsets that point at the sentence in the text', () => {
    const found = sentenceAround(text, text.indexOf('Another'), text.indexOf('Another') + 7)
    expect(text.slice(found.start, found.end)).toBe('Another sentence.')
  })
})

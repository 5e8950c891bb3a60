import { describe, expect, it } from 'vitest'
import { questionExcerpt } from '../../src/shared/study/cardExcerpt'

const sentence =
  'While the North Korean regime is fragile, {{c1::Kim Il Sung}} nonetheless decided in {{c2::1966}} to declare the foreign policy of self-reliance to the world.'

describe('the card browser’s question excerpt', () => {
  it('shows each card of one sentence around its own blank', () => {
    const first = questionExcerpt(sentence, 1, 60)
    const second = questionExcerpt(sentence, 2, 60)
    expect(first).not.toBe(second)
    expect(first).toContain('[…]')
    expect(second).toContain('decided in […]')
    expect(second.startsWith('…')).toBe(true)
    // The other card's answer reads as text.
    expect(second).toContain('Il Sung nonetheless')
  })

  it('stays within its length and cuts at words', () => {
    for (const index of [1, 2]) {
      const excerpt = questionExcerpt(sentence, index, 60)
      expect(excerpt.length).toBeLessThanOrEqual(62)
      expect(excerpt).not.toMatch(/…\S*[a-z]…/)
    }
    expect(questionExcerpt('Who led the ' + 'very '.repeat(30) + 'long march?', null, 40)).toMatch(
      /^Who led the very.*…$/
    )
  })

  it('keeps a short question whole', () => {
    expect(questionExcerpt('In {{c1::1953}} the armistice was signed.', 1)).toBe(
      'In […] the armistice was signed.'
    )
    expect(questionExcerpt('Who was Kim Il Sung?', null)).toBe('Who was Kim Il Sung?')
  })
})

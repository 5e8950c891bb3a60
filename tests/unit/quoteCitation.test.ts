import { describe, expect, it } from 'vitest'
import { citationText, formatQuoteWithCitation } from '../../src/shared/document/quoteCitation'
import type { DocumentMetadata } from '../../src/shared/types'

const article: DocumentMetadata = {
  title: 'The Sino-DPRK Split and Origins of US-DPRK Bilateralism',
  authors: ['Eungseo Kim'],
  affiliation: null,
  keywords: [],
  citation: {
    text: 'European Journal of Korean Studies, Volume 17, No. 2 (2018), pp. 71–79.',
    journal: 'European Journal of Korean Studies',
    volume: '17',
    issue: '2',
    year: 2018,
    pages: '71–79'
  }
}

describe('copy quote with citation', () => {
  it('cites author, title, journal, volume, issue, year and pages', () => {
    expect(citationText(article)).toBe(
      'Eungseo Kim, "The Sino-DPRK Split and Origins of US-DPRK Bilateralism", European Journal of Korean Studies 17, no. 2 (2018): 71–79.'
    )
  })

  it('puts the quote, with its white space folded, before the citation', () => {
    expect(formatQuoteWithCitation('a strong\n sense  of self-reliance', article)).toBe(
      '“a strong sense of self-reliance” (Eungseo Kim, "The Sino-DPRK Split and Origins of US-DPRK Bilateralism", European Journal of Korean Studies 17, no. 2 (2018): 71–79)'
    )
  })

  it('falls back to what is known', () => {
    expect(citationText({ ...article, authors: [], citation: null })).toBe(
      '"The Sino-DPRK Split and Origins of US-DPRK Bilateralism".'
    )
    expect(
      citationText({
        ...article,
        citation: {
          text: 'Some Review 3 (1999).',
          journal: null,
          volume: null,
          issue: null,
          year: 1999,
          pages: null
        }
      })
    ).toBe('Eungseo Kim, "The Sino-DPRK Split and Origins of US-DPRK Bilateralism", Some Review 3 (1999).')
  })
})

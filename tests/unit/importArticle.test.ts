// The importer on the article Scholia ships with: the structure it must recover from a PDF conversion.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'
import type { ParsedBlock, ParsedDocument } from '../../src/shared/types'

const articlePath = fileURLToPath(new URL('../../resources/kim-2018-sino-dprk-split.md', import.meta.url))
const articleText = readFileSync(articlePath, 'utf8')

function importArticle(text = articleText): ParsedDocument {
  const result = parseDocument(text, { fileName: 'kim-2018-sino-dprk-split.md' })
  if (!result.ok) throw new Error(result.message)
  return result.document
}

const document = importArticle()
const body = document.blocks.filter((block) => block.kind !== 'footnote')
const footnotes = document.blocks.filter((block) => block.kind === 'footnote')
const paragraphs = document.blocks.filter((block) => block.kind === 'paragraph')

function footnote(number: number): ParsedBlock {
  const found = footnotes.find((block) => block.number === number)
  if (!found) throw new Error(`no footnote ${number}`)
  return found
}

describe('importing the bundled article: metadata', () => {
  it('finds the title in title case, keeping the acronyms', () => {
    expect(document.title).toBe('The Sino-DPRK Split and Origins of US-DPRK Bilateralism')
  })

  it('finds the author (title-cased) and the affiliation', () => {
    expect(document.authors).toEqual(['Eungseo Kim'])
    expect(document.affiliation).toBe('MSc of London School of Economics (Dept. of International History)')
  })

  it('parses the citation line into its fields', () => {
    expect(document.citation).toEqual({
      text: 'European Journal of Korean Studies, Volume 17, No. 2 (2018), pp. 71–79.',
      journal: 'European Journal of Korean Studies',
      volume: '17',
      issue: '2',
      year: 2018,
      pages: '71–79'
    })
  })

  it('splits the keywords line', () => {
    expect(document.keywords).toEqual([
      'North Korea',
      'Foreign Policy',
      'Self-reliance',
      'Sino-DPRK relation',
      'US-DPRK relation',
      'Détente'
    ])
  })

  it('has nothing to warn about', () => {
    expect(document.warnings).toEqual([])
  })
})

describe('importing the bundled article: blocks', () => {
  it('has exactly this sequence of block kinds', () => {
    const p = 'paragraph'
    expect(body.map((block) => block.kind)).toEqual([
      'abstract',
      'heading',
      p,
      p,
      p,
      p,
      'caption',
      p,
      'heading',
      p,
      p,
      p,
      p,
      'caption',
      'heading',
      p,
      p,
      p,
      p,
      p
    ])
    expect(document.blocks.slice(body.length).every((block) => block.kind === 'footnote')).toBe(true)
  })

  it('makes the abstract one abstract block', () => {
    const abstract = document.blocks.filter((block) => block.kind === 'abstract')
    expect(abstract).toHaveLength(1)
    expect(abstract[0]?.text).toMatch(/^North Korea has identified its official foreign policy/)
    expect(abstract[0]?.text).toMatch(/insisting on bilateral meetings with the US\.$/)
  })

  it('keeps exactly the three section headings, in order, whatever their Markdown level', () => {
    expect(document.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual([
      "The Birth of North Korea's 'Self-Reliant' Foreign Policy",
      "Détente and Pyongyang's Calculation for Survival",
      'The Slide from Great Anticipation to Disappointment'
    ])
  })

  it('drops the repeated title block and the Markdown markup', () => {
    for (const block of document.blocks) {
      expect(block.text).not.toContain('<sup>')
      expect(block.text).not.toContain('</sup>')
      expect(block.text).not.toContain('# ')
      expect(block.text).not.toMatch(/THE SINO-DPRK SPLIT|EUNGSEO KIM|^Key words|^European Journal/)
    }
  })

  it('re-joins the paragraphs split by page breaks', () => {
    const joined = paragraphs.filter((block) =>
      block.text.includes('crystallised into a strong sense of self-reliance')
    )
    expect(joined).toHaveLength(1)
    expect(joined[0]?.text).toMatch(/^From the late 1960s, however/)
    expect(
      paragraphs.some((block) =>
        /^(strong sense|however, North Korea|way, Kim|Korean affairs)/.test(block.text)
      )
    ).toBe(false)
    expect(
      paragraphs.filter((block) => block.text.includes('in the early 1970s, however, North Korea'))
    ).toHaveLength(1)
  })

  it('lifts the figure captions out of the paragraphs they interrupted', () => {
    const captions = document.blocks.filter((block) => block.kind === 'caption')
    expect(captions.map((block) => block.number)).toEqual([1, 2])
    expect(captions[0]?.text).toMatch(/^Figure 1\. On July 4, 1972/)
    expect(captions[1]?.text).toMatch(/^Figure 2\. When Nixon paid a visit/)

    const whole = paragraphs.filter((block) =>
      block.text.includes(
        'he restored closer ties with the Soviet Union. In this way, Kim removed both pro-Chinese'
      )
    )
    expect(whole).toHaveLength(1)
    expect(whole[0]?.text).toMatch(/kept his distance from the two neighbours\.$/)
    expect(
      paragraphs.filter((block) => block.text.includes('interests regarding Korean affairs.'))
    ).toHaveLength(1)

    for (const block of document.blocks) {
      if (block.kind === 'caption') continue
      expect(block.text).not.toMatch(/Figure \d|Image: /)
    }
    // Each caption comes right after the paragraph it was lifted out of.
    const index = document.blocks.indexOf(whole[0] as ParsedBlock)
    expect(document.blocks[index + 1]?.number).toBe(1)
  })

  it('keeps OCR slips and the text as written', () => {
    const all = document.blocks.map((block) => block.text).join('\n')
    expect(all).toContain('Kim II Sung')
    expect(all).toContain('mid-1906s')
    expect(all).toContain('visà-vis')
    expect(all).toContain('UNCURK (UN Commissions for the Unification')
  })
})

describe('importing the bundled article: footnotes', () => {
  it('has 22 footnotes numbered 1..22 in order, after the body', () => {
    expect(footnotes.map((block) => block.number)).toEqual(
      Array.from({ length: 22 }, (_, index) => index + 1)
    )
    const firstFootnote = document.blocks.findIndex((block) => block.kind === 'footnote')
    expect(firstFootnote).toBe(body.length)
  })

  it('numbers unnumbered notes by their position in the list', () => {
    expect(footnote(1).text).toMatch(/^Scott Snyder/)
    expect(footnote(12).text).toMatch(/^Bernd Schaefer, 'North Korean/)
    expect(footnote(13).text).toMatch(/^'On the Visit of a PRP Party/)
    expect(footnote(19).text).toMatch(/^Gregg Brazinsky/)
    expect(footnote(2).text).toBe('Rodong Sinmun, August 12, 1966, 1.')
  })

  it('keeps Hangul and both romanisation diacritics in the notes', () => {
    expect(footnote(3).text).toContain('Hong Sökryul (홍석률)')
    expect(footnote(5).text).toContain('Myŏnghae (최명해)')
  })

  it('records emphasis in notes as marks over the right words', () => {
    const note = footnote(9)
    expect(note.marks).toHaveLength(1)
    const mark = note.marks[0]
    expect(mark && note.text.slice(mark.start, mark.end)).toBe("Kukchejöngch'inonch'ong")
    expect(note.text).not.toContain('*')
  })

  it('records every marker 1..22 exactly once in the body, at the place it stood', () => {
    const refs = body.flatMap((block) => block.refs.map((ref) => ({ ref, block })))
    expect(refs.map(({ ref }) => ref.number).sort((left, right) => left - right)).toEqual(
      Array.from({ length: 22 }, (_, index) => index + 1)
    )
    for (const { ref, block } of refs) {
      expect(ref.offset).toBeGreaterThanOrEqual(0)
      expect(ref.offset).toBeLessThanOrEqual(block.text.length)
    }
    const at = (number: number): string => {
      const found = refs.find(({ ref }) => ref.number === number)
      return found ? found.block.text.slice(0, found.ref.offset) : ''
    }
    expect(at(1)).toMatch(/labelled as erratic and irrational,$/)
    expect(at(13)).toMatch(/visà-vis the enemy in the South\.'$/)
    expect(at(22)).toMatch(/revisionist regime of Kim II Sung\.'$/)
    expect(footnotes.every((block) => block.refs.length === 0)).toBe(true)
  })
})

describe('importing the bundled article: normalisation', () => {
  it('gives the same document from CRLF line endings, a BOM and decomposed (NFD) text', () => {
    const variant = '\uFEFF' + articleText.normalize('NFD').replace(/\n/g, '\r\n')
    expect(importArticle(variant)).toEqual(document)
  })
})

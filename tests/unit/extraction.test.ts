// Unit tests of the extraction pieces: sentence splitting, date expressions, what is excluded
// as a source (footnotes, citations, references), alias merging, roles and card keys.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  extractActors,
  extractDatedEvents,
  findDateExpressions,
  parseDateExpression,
  sameName,
  splitSentences,
  suggestCards
} from '../../src/shared/extraction'
import { readsAsProse } from '../../src/shared/extraction/cards'
import { initialsMatch } from '../../src/shared/extraction/nameTokens'
import type { ExtractionBlock } from '../../src/shared/extraction/types'
import { markdownBlocks } from '../fixtures/extraction/markdownBlocks'
import { blocksOf } from '../support/extractionBlocks'

const article = (): ExtractionBlock[] =>
  markdownBlocks(
    readFileSync(join(__dirname, '..', '..', 'resources', 'kim-2018-sino-dprk-split.md'), 'utf8')
  )

describe('splitSentences', () => {
  it.each([
    [
      'keeps abbreviations and initials inside sentences',
      'The U.S. delegation met Dr. J. R. Smith in Washington, D.C. on Monday. He left. Then Mr. Lee spoke.',
      [
        'The U.S. delegation met Dr. J. R. Smith in Washington, D.C. on Monday.',
        'He left.',
        'Then Mr. Lee spoke.'
      ]
    ],
    [
      'ends a sentence at a year BC and its full stop',
      'Work on the Parthenon began in 447 BC. The historian Herodotus was born around 484 B.C. He wrote.',
      [
        'Work on the Parthenon began in 447 BC.',
        'The historian Herodotus was born around 484 B.C.',
        'He wrote.'
      ]
    ]
  ])('%s, and reports exact offsets', (_, text, expected) => {
    const sentences = splitSentences(text)
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected)
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
  })
})

describe('date expressions', () => {
  it.each([
    ['1953', '1953-01-01', '1953-12-31', 'year'],
    ['July 4, 1972', '1972-07-04', '1972-07-04', 'day'],
    ['4 July 1972', '1972-07-04', '1972-07-04', 'day'],
    ['August 1956', '1956-08-01', '1956-08-31', 'month'],
    ['February 1948', '1948-02-01', '1948-02-29', 'month'],
    ['the 1960s', '1960-01-01', '1969-12-31', 'decade'],
    ['mid-1960s', '1964-01-01', '1966-12-31', 'part-of-decade'],
    ['early 1970s', '1970-01-01', '1973-12-31', 'part-of-decade'],
    ['late 1970s', '1977-01-01', '1979-12-31', 'part-of-decade'],
    ['1966–1972', '1966-01-01', '1972-12-31', 'year'],
    ['1966-72', '1966-01-01', '1972-12-31', 'year'],
    ['between August and November 1947', '1947-08-01', '1947-11-30', 'month'],
    ['early June 1950', '1950-06-01', '1950-06-10', 'part-of-month'],
    ['mid-July 1948', '1948-07-11', '1948-07-20', 'part-of-month'],
    ['late July 1948', '1948-07-21', '1948-07-31', 'part-of-month'],
    ['end of February 1948', '1948-02-21', '1948-02-29', 'part-of-month'],
    ['beginning of May 1949', '1949-05-01', '1949-05-10', 'part-of-month'],
    ['early 1949', '1949-01-01', '1949-04-30', 'part-of-year'],
    ['mid-1949', '1949-05-01', '1949-08-31', 'part-of-year'],
    ['end of 1949', '1949-09-01', '1949-12-31', 'part-of-year'],
    ['spring of 1949', '1949-03-01', '1949-05-31', 'part-of-year'],
    ['summer 1950', '1950-06-01', '1950-08-31', 'part-of-year'],
    ['Autumn 1956', '1956-09-01', '1956-11-30', 'part-of-year'],
    ['fall of 1975', '1975-09-01', '1975-11-30', 'part-of-year'],
    ['late summer 1950', '1950-08-01', '1950-08-31', 'part-of-year'],
    ['winter of 1946–47', '1946-12-01', '1947-02-28', 'part-of-year'],
    ['490 BC', '-0490-01-01', '-0490-12-31', 'year'],
    ['490 B.C.', '-0490-01-01', '-0490-12-31', 'year'],
    ['480 BCE', '-0480-01-01', '-0480-12-31', 'year'],
    ['September 480 BC', '-0480-09-01', '-0480-09-30', 'month'],
    ['12 September 490 BC', '-0490-09-12', '-0490-09-12', 'day'],
    ['450s BC', '-0459-01-01', '-0450-12-31', 'decade'],
    ['499–404 BC', '-0499-01-01', '-0404-12-31', 'year'],
    ['around 484 BC', '-0484-01-01', '-0484-12-31', 'year'],
    ['AD 800', '0800-01-01', '0800-12-31', 'year'],
    ['800 CE', '0800-01-01', '0800-12-31', 'year'],
    ['c. AD 150', '0150-01-01', '0150-12-31', 'year'],
    ['c. 1200', '1200-01-01', '1200-12-31', 'year'],
    ['around 1514', '1514-01-01', '1514-12-31', 'year'],
    ['the twelfth century', '1101-01-01', '1200-12-31', 'century'],
    ['the 17th century', '1601-01-01', '1700-12-31', 'century'],
    ['the fifth century BC', '-0500-01-01', '-0401-12-31', 'century'],
    ['the second century AD', '0101-01-01', '0200-12-31', 'century'],
    ['the middle of the eighteenth century', '1734-01-01', '1766-12-31', 'part-of-century'],
    ['the late fifth century BC', '-0434-01-01', '-0401-12-31', 'part-of-century'],
    ['the first century BC', '-0100-01-01', '-0001-12-31', 'century'],
    ['the 29th day of December, 1845', '1845-12-29', '1845-12-29', 'day'],
    ['the 3d of March, 1845', '1845-03-03', '1845-03-03', 'day'],
    ['15th June, 1846', '1846-06-15', '1846-06-15', 'day'],
    ['Between 1536 and 1540', '1536-01-01', '1540-12-31', 'year']
  ])('%s → %s … %s (%s)', (expression, start, end, precision) => {
    expect(parseDateExpression(expression)).toEqual({ start, end, precision })
  })

  it('reads a decade slip ("mid-1906s") with its digits swapped only when the text writes that decade, and says so', () => {
    const [match] = findDateExpressions('since the mid-1906s', { decadesInText: new Set([1960]) })
    expect(match?.expression).toBe('mid-1906s')
    expect(match?.date).toEqual({ start: '1964-01-01', end: '1966-12-31', precision: 'part-of-decade' })
    expect(match?.note).toMatch(/not a decade/)
    // No "1960s" anywhere: nothing shows the digits were swapped; read as written, with the note.
    const [alone] = findDateExpressions('since the mid-1906s', { decadesInText: new Set([1970]) })
    expect(alone?.date.start).toBe('1904-01-01')
    expect(alone?.note).toMatch(/read as the 1900s/)
    const events = extractDatedEvents(
      blocksOf(['paragraph', 'Since the mid-1906s, and in the 1960s, it held.'])
    )
    expect(events[0]?.date.start).toBe('1964-01-01')
  })

  it('reads a day without a year ("the 13th day of May last") in the latest year the text names, and says so', () => {
    const [match] = findDateExpressions('by the act of the 13th day of May last, Congress', {
      latestYear: 1846
    })
    expect(match?.expression).toBe('13th day of May last')
    expect(match?.date.start).toBe('1846-05-13')
    expect(match?.note).toMatch(/names no year; read in 1846/)
    expect(findDateExpressions('by the act of the 13th day of May last')).toEqual([])
  })

  it('reads no year before AD 1000 without an era, a century or "c."', () => {
    const text = 'In 300 ships and 800 men, some 130 galleys, BC Rail 12, twelfth century manuscripts.'
    expect(findDateExpressions(text)).toEqual([])
    expect(
      findDateExpressions('The nineteenth-century speech of 3000 BC').map((match) => match.expression)
    ).toEqual(['3000 BC'])
    expect(findDateExpressions('In 3100 BC or 4000 BC')).toEqual([])
  })

  it('keeps the part of a month, year or season in the expression, without the article', () => {
    const text =
      'Tunner took command in late July 1948. By the spring of 1949 planes landed; at the end of May 1949 and in mid-1950 it went on, as in the late 1980s.'
    expect(findDateExpressions(text).map((match) => match.expression)).toEqual([
      'late July 1948',
      'spring of 1949',
      'end of May 1949',
      'mid-1950',
      'late 1980s'
    ])
    expect(
      findDateExpressions('After the Prague Spring of 1968 it ended.').map((match) => match.expression)
    ).toEqual(['1968'])
  })

  it('reads a lone winter as the one opening in December, and says it may be the earlier one', () => {
    const [lone] = findDateExpressions('In the winter of 1947 the canal froze.')
    expect(lone?.expression).toBe('winter of 1947')
    expect(lone?.date).toEqual({ start: '1947-12-01', end: '1948-02-29', precision: 'part-of-year' })
    expect(lone?.note).toMatch(/start of 1947/)
    expect(findDateExpressions('In the winter of 1946–47 it froze.')[0]?.note).toBeUndefined()
  })

  it('ignores quantities, reference numbers, relative dates and bibliographic references', () => {
    const text =
      'In 1972, 2000 troops, No. 1972 and 1,972 people moved (Smith 1999: 45; Lee 2004). Cha (2001) argues it; two days later it ended.'
    expect(findDateExpressions(text).map((match) => match.expression)).toEqual(['1972'])
  })
})

describe('extractDatedEvents', () => {
  it('takes no events from footnotes, citation lines, captions’ credits or references', () => {
    const blocks = blocksOf(
      ['paragraph', 'European Journal of Korean Studies, Volume 17, No. 2 (2018), pp. 71–79.'],
      ['paragraph', 'In 1966 Kim declared self-reliance (Koh 1969: 12).'],
      ['caption', 'Figure 1. On July 4, 1972, the two Koreas agreed. Image: Archive photo, 1999.'],
      ['footnote', 'Rodong Sinmun, August 12, 1966, 1.']
    )
    const events = extractDatedEvents(blocks)
    expect(events.map((event) => [event.blockId, event.expression, event.sentence])).toEqual([
      ['b1', '1966', 'In 1966 Kim declared self-reliance (Koh 1969: 12).'],
      ['b2', 'July 4, 1972', 'On July 4, 1972, the two Koreas agreed.']
    ])
  })

  it('gives offsets in the full text and ids that do not change between runs', () => {
    const blocks = article()
    const text = blocks.map((block) => block.text).join('\n\n')
    const events = extractDatedEvents(blocks)
    expect(events.length).toBeGreaterThanOrEqual(20)
    expect(
      events.every((event) => blocks.find((block) => block.id === event.blockId)?.kind !== 'footnote')
    ).toBe(true)
    for (const event of events) {
      expect(text.slice(event.expressionStart, event.expressionEnd)).toBe(event.expression)
      expect(text.slice(event.sentenceStart, event.sentenceEnd)).toBe(event.sentence)
    }
    expect(extractDatedEvents(blocks).map((event) => event.id)).toEqual(events.map((event) => event.id))
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length)
  })
})

describe('actors', () => {
  it('takes regnal names, titles and epithets for people, and offices and forms of address for no one', () => {
    const actors = extractActors(
      blocksOf([
        'paragraph',
        'Fellow-Citizens of the Senate: In 1534 Henry VIII broke with Pope Clement VII, and Louis XIII of France ' +
          'made Cardinal Richelieu his chief minister in 1624. Commodore Sloat raised the flag in 1846. ' +
          'Frederick the Great invaded Silesia in 1740. Ferdinand II, who ruled Bohemia, died in 1637. ' +
          'I refer you to the report of the Secretary of War for the operation of the several departments of the Quartermaster-General.'
      ])
    )
    const names = actors.filter((actor) => actor.kind === 'person').map((actor) => actor.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'Henry VIII',
        'Clement VII',
        'Louis XIII',
        'Richelieu',
        'Sloat',
        'Frederick the Great',
        'Ferdinand II'
      ])
    )
    expect(names.join(' ')).not.toMatch(/Fellow|Quartermaster|Secretary|War/)
    expect(actors.find((actor) => actor.name === 'Louis XIII')?.aliases).not.toContain('Louis XIII of France')
    // Father and son are two people; a title of a place set off by commas belongs to the name.
    const family = extractActors(
      blocksOf([
        'paragraph',
        'In 1509 Henry VIII succeeded his father Henry VII. Mary, Queen of Scots, who had fled in 1568, died in 1587.'
      ])
    ).map((actor) => actor.name)
    expect(family).toEqual(expect.arrayContaining(['Henry VIII', 'Henry VII', 'Mary, Queen of Scots']))
    expect(family).not.toContain('Scots')
  })

  it('mends an OCR "II" to "Il" only in a name the text also writes with "Il"', () => {
    const named = (text: string): string[] =>
      extractActors(blocksOf(['paragraph', text])).map((actor) => actor.name)
    expect(
      named('In 1154 Henry II Plantagenet became king. Henry II Plantagenet ruled until 1189.')
    ).toContain('Henry II Plantagenet')
    expect(named('In 1966 Kim II Sung declared self-reliance; Kim Il Sung ruled.')).toContain('Kim Il Sung')
  })

  it('leaves an adverb that opens the sentence out of the name after it', () => {
    const named = extractActors(
      blocksOf([
        'paragraph',
        'Suddenly Queequeg seized the harpoon, and Queequeg said nothing. He was a harpooneer.'
      ])
    ).map((actor) => actor.name)
    expect(named).toEqual(['Queequeg'])
  })

  it('asks "Who was …?" only of a role headed by a role noun', () => {
    const cards = suggestCards(
      blocksOf([
        'paragraph',
        'In 1846 Mr. Walker, the head of the Treasury, spoke. Sardis, the seat of the Persian governor of Lydia, burned in 498 BC.'
      ]),
      new Set()
    )
    const fronts = cards.filter((card) => card.kind === 'actor').map((card) => card.front)
    expect(fronts).toContain('Who was the head of the Treasury?')
    expect(fronts.join(' ')).not.toMatch(/the seat of/)
  })

  it('links a place to a state only in a text about the state’s time', () => {
    const names = (text: string): string[] =>
      extractActors(blocksOf(['paragraph', text])).map((actor) => actor.name)
    const early =
      'On 23 May 1618 the Protestant nobles of Prague threw two regents from a window. Prague rose.'
    expect(names(early)).not.toContain('Czechoslovakia')
    expect(names('In August 1968 Soviet tanks entered Prague. Prague did not resist.')).toContain(
      'Czechoslovakia'
    )
    // Athens in 490 BC is the city's own state, not the capital of modern Greece.
    const ancient = names('In 490 BC Athens defeated the Persians. Athens then built a fleet.')
    expect(ancient).toContain('Athens')
    expect(ancient).not.toContain('Greece')
  })

  it('treats romanisation and OCR variants as one name', () => {
    expect(sameName('Kim Il Sung', 'Kim II Sung')).toBe(true)
    expect(sameName('Kim Il Sung', 'Kim Il-sŏng')).toBe(true)
    expect(sameName('Kim Il Sung', 'Kim Jong Il')).toBe(false)
    expect(sameName('Kim Jong Il', 'Kim Jong Un')).toBe(false)
  })

  it('merges Kim Il Sung, Kim II Sung, Kim Il-sŏng and Kim into one actor', () => {
    const blocks = blocksOf(
      ['paragraph', 'Kim Il Sung (Kim Il-sŏng) ruled North Korea. Later Kim II Sung declared self-reliance.'],
      ['paragraph', 'Kim believed that Beijing did not care, and Pyongyang turned to the DPRK’s allies.']
    )
    const actors = extractActors(blocks)
    const kims = actors.filter((actor) => actor.kind === 'person')
    expect(kims).toHaveLength(1)
    expect(kims[0]?.name).toBe('Kim Il Sung')
    expect(new Set(kims[0]?.aliases)).toEqual(new Set(['Kim Il-sŏng', 'Kim II Sung', 'Kim']))
    expect(kims[0]?.mentions).toHaveLength(4)
    const north = actors.find((actor) => actor.name === 'North Korea')
    expect(north?.kind).toBe('state')
    expect(north?.aliases).toEqual(expect.arrayContaining(['Pyongyang', 'DPRK']))
    expect(actors.find((actor) => actor.name === 'China')?.aliases).toEqual(['Beijing'])
  })

  it('expands acronyms the text spells out, either way round, and reads roles', () => {
    const blocks = blocksOf([
      'paragraph',
      'It called for the breakup of UNC (UN Command) and of the United States Forces Korea (USFK). ' +
        'The note went to Gerald Ford (the US Vice President) in the name of Hwang Jang-yop, the Chairman of the Assembly. ' +
        'A Soviet diplomat, Kurbatov, agreed.'
    ])
    const actors = extractActors(blocks)
    const byName = (name: string) => actors.find((actor) => actor.name === name)
    expect(byName('UN Command')?.acronym).toBe('UNC')
    expect(byName('United States Forces Korea')?.acronym).toBe('USFK')
    expect(byName('Gerald Ford')?.role).toBe('the US Vice President')
    expect(byName('Hwang Jang-yop')?.role).toBe('the Chairman of the Assembly')
    expect(byName('Kurbatov')?.role).toBe('A Soviet diplomat')
  })

  it('finds no actors in footnotes and none among sentence-initial words, months or things', () => {
    const blocks = blocksOf(
      [
        'paragraph',
        'In August the Cultural Revolution swept through Yanbian. Conflict in the bloc grew. The Vietnam War went on.'
      ],
      ['footnote', 'Bernd Schaefer, North Korean Adventurism (Washington, D.C.: Wilson Center, 2004).']
    )
    expect(extractActors(blocks).map((actor) => actor.name)).toEqual([])
  })

  it('on the article, finds the main actors with their aliases', () => {
    const actors = extractActors(article())
    const names = actors.map((actor) => actor.name)
    expect(names).toEqual(
      expect.arrayContaining(['Kim Il Sung', 'North Korea', 'China', 'United States', 'Soviet Union'])
    )
    expect(actors.find((actor) => actor.acronym === 'UNCURK')?.name).toBe(
      'UN Commissions for the Unification and Rehabilitation of Korea'
    )
    expect(
      actors
        .filter((actor) => actor.kind === 'person')
        .map((actor) => actor.name)
        .sort()
    ).toEqual(['Gerald Ford', 'Hwang Jang-yop', 'Khrushchev', 'Kim Il Sung', 'Kurbatov', 'Nixon'].sort())
  })

  it('counts a state’s adjective before a noun as a mention of the state', () => {
    const actors = extractActors(
      blocksOf([
        'paragraph',
        'In 1948 Soviet forces cut the roads. The Soviet representative walked out. North Korean leaders met the American envoy.'
      ])
    )
    const mentions = (name: string): string[] | undefined =>
      actors.find((actor) => actor.name === name)?.mentions.map((mention) => mention.text)
    expect(mentions('Soviet Union')).toEqual(['Soviet', 'Soviet'])
    expect(mentions('North Korea')).toEqual(['North Korean'])
    expect(mentions('United States')).toEqual(['American'])
    expect(mentions('Korea')).toBeUndefined()
  })

  it('does not count an adjective inside a name, a hyphenated compound or one without a noun', () => {
    const blocks = blocksOf([
      'paragraph',
      'The Sino-Soviet split grew. Latin American states watched the Korean War. Delegates spoke French and German.'
    ])
    expect(extractActors(blocks).map((actor) => actor.name)).toEqual([])
  })

  it('takes an organisation named after its state as a mention of the state too', () => {
    const actors = extractActors(
      blocksOf(['paragraph', 'On 26 June 1948 the United States Air Force began to fly food into the city.'])
    )
    expect(
      actors.map((actor) => [actor.kind, actor.name, actor.mentions.map((mention) => mention.text)])
    ).toEqual([
      ['organisation', 'United States Air Force', ['United States Air Force']],
      ['state', 'United States', ['United States']]
    ])
  })

  it('makes no actors of currencies or of what the text says was introduced or issued', () => {
    const blocks = blocksOf([
      'paragraph',
      'In 1948 the Deutsche Mark replaced the Reichsmark and the French Franc fell. In 1856 the government introduced the Victoria Cross. Victoria Cross holders were few. The poet Ezra Pound wrote cantos.'
    ])
    expect(extractActors(blocks).map((actor) => actor.name)).toEqual(['Ezra Pound'])
  })

  it('matches acronyms to initials, skipping connectors', () => {
    expect(
      initialsMatch(
        ['UN', 'Commissions', 'for', 'the', 'Unification', 'and', 'Rehabilitation', 'of', 'Korea'],
        'UNCURK'
      )
    ).toBe(true)
    expect(initialsMatch(['Non-Aligned', 'Movement'], 'NAM')).toBe(true)
    expect(initialsMatch(['Supreme', "People's", 'Assembly'], 'SPA')).toBe(true)
    expect(initialsMatch(['Korean', 'Studies'], 'AKS')).toBe(false)
  })
})

describe('suggestCards', () => {
  const blocks = blocksOf([
    'paragraph',
    'In 1966, Kim Il Sung declared self-reliance. Hwang Jang-yop, the Chairman of the Supreme People’s Assembly (SPA), wrote to Congress.'
  ])

  it('makes no card from a table row or a text layer that lost its spaces', () => {
    // As a PDF's table comes out: rows of their own, beside the prose.
    const table = blocksOf(
      ['paragraph', '%; Revised10itemscaleforperceivedusefulness(Davis, 1989, Table3, p.326) ! @ & -'],
      ['paragraph', '1991 | 1993 | 4.1 | 5.2 | 6.3 | 7.4'],
      [
        'paragraph',
        'Davis proposed the Technology Acceptance Model in 1989, and Venkatesh extended it in 2000.'
      ]
    )
    const dates = suggestCards(table, new Set()).filter((card) => card.kind === 'date')
    expect(dates.map((card) => card.back).sort()).toEqual(['1989', '2000'])
    for (const card of dates) expect(card.clozeText).toMatch(/^Davis proposed/)
    expect(readsAsProse('1950年に朝鮮戦争が始まり、1953年に休戦協定が結ばれた。')).toBe(true)
    expect(readsAsProse('1950년 6월 25일 한국 전쟁이 시작되었다.')).toBe(true)
  })

  it('makes a cloze and a question for a date, and a role question for an actor', () => {
    const cards = suggestCards(blocks, new Set())
    const date = cards.find((card) => card.kind === 'date')
    expect(date?.clozeText).toBe('In {{c1::1966}}, Kim Il Sung declared self-reliance.')
    expect(date?.front).toBe('When? In […], Kim Il Sung declared self-reliance.')
    expect(date?.back).toBe('1966')
    expect(cards.find((card) => card.back === 'Hwang Jang-yop')?.front).toBe(
      'Who was the Chairman of the Supreme People’s Assembly (SPA)?'
    )
    expect(cards.find((card) => card.back === 'Kim Il Sung')?.clozeText).toBe(
      'In 1966, {{c1::Kim Il Sung}} declared self-reliance.'
    )
  })

  it('blanks a name and its bracketed other form as one deletion: one blank, not "[…] ([…])"', () => {
    const cards = suggestCards(article(), new Set())
    const kim = cards.find((card) => card.kind === 'actor' && card.back === 'Kim Il Sung')
    expect(kim?.clozeText).toContain('{{c1::Kim Il Sung (')
    expect(kim?.clozeText).not.toMatch(/\}\}\s*\(\{\{/)
  })

  it('asks about a state only when the text names it, not only through its adjective', () => {
    const polish =
      'Kim met a Polish delegation in 1973. The Polish delegation reported it. According to the Polish delegation, he was angry.'
    const stateCards = (text: string): string[] =>
      suggestCards(blocksOf(['paragraph', text]), new Set())
        .filter((card) => card.kind === 'actor' && card.back === 'Poland')
        .map((card) => card.clozeText ?? '')
    expect(stateCards(polish)).toEqual([])
    expect(stateCards(`${polish} Poland recalled it.`)).toEqual(['{{c1::Poland}} recalled it.'])
  })

  it('gives the months of a season on the back of its card', () => {
    const cards = suggestCards(
      blocksOf(['paragraph', 'By the spring of 1949 the planes landed often.']),
      new Set()
    )
    expect(cards.find((card) => card.kind === 'date')?.back).toBe('spring of 1949 (March–May 1949)')
  })

  it('never suggests again a card whose key is known', () => {
    const first = suggestCards(blocks, new Set())
    expect(suggestCards(blocks, new Set()).map((card) => card.key)).toEqual(first.map((card) => card.key))
    const known = new Set(first.slice(0, 2).map((card) => card.key))
    const again = suggestCards(blocks, known)
    expect(again).toHaveLength(first.length - 2)
    expect(again.some((card) => known.has(card.key))).toBe(false)
  })
})

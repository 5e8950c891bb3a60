// Salience ranking of card suggestions (issue 21): LexRank centrality of sentences, and the order
// it gives suggestions. The figures on real texts are in extractionQuality.test.ts.
import { describe, expect, it } from 'vitest'
import { suggestCards } from '../../src/shared/extraction'
import { rankBySalience, sentenceCentrality } from '../../src/shared/extraction/salience'
import type { Actor, CardSuggestion } from '../../src/shared/extraction/types'
import { blocksOf } from '../support/extractionBlocks'

describe('sentenceCentrality', () => {
  it('scores the sentence that shares its words with the others above one on a side topic', () => {
    const scores = sentenceCentrality([
      'The canal crisis divided Britain and Egypt over the canal company.',
      'Egypt nationalised the canal company, and Britain protested.',
      'Britain and France planned to retake the canal from Egypt.',
      'Gardeners prefer tulips in spring.'
    ])
    expect(scores).toHaveLength(4)
    expect(scores.reduce((sum, score) => sum + score, 0)).toBeCloseTo(1, 6)
    const offTopic = scores[3] ?? 0
    for (const score of scores.slice(0, 3)) expect(score).toBeGreaterThan(offTopic)
  })

  it('gives nothing for no sentences and equal shares to unrelated ones', () => {
    expect(sentenceCentrality([])).toEqual([])
    const [first, second] = sentenceCentrality(['Apples grow red.', 'Rivers run fast.'])
    expect(first).toBeCloseTo(second ?? 0, 9)
  })
})

describe('answers repeated near the top', () => {
  it('count half as much again each, so one census year does not fill the Top 20', () => {
    const census = [
      'In 1900 the state had 2,216,331 inhabitants.',
      'In 1900 the cotton crop filled 1,300,000 bales.',
      'In 1900 there were 1,812 factories.',
      'In 1900 the railways ran 5,652 miles.',
      'In 1900 the state had 2,400 schools.',
      'In 1900 the capital held 89,872 people.'
    ]
    const history = [
      'The colony was founded in 1733 by James Oglethorpe.',
      'The state seceded from the Union in 1861.',
      'Sherman took Atlanta in 1864.'
    ]
    const blocks = blocksOf(['paragraph', [...census, ...history].join(' ')])
    const top = suggestCards(blocks, new Set())
      .filter((card) => card.kind === 'date')
      .slice(0, 5)
      .map((card) => card.back)
    expect(top.filter((answer) => answer === '1900').length).toBeLessThanOrEqual(2)
    expect(top).toEqual(expect.arrayContaining(['1733', '1861', '1864']))
  })
})

describe('suggestCards ranking', () => {
  it('puts the actor the text keeps returning to, named in a heading, before a passing one', () => {
    const blocks = blocksOf(
      ['heading', 'Nasser and the canal'],
      ['paragraph', 'A pamphlet by Harwood appeared. Nasser spoke about the canal.'],
      ['paragraph', 'Nasser nationalised the canal. Nasser then held the canal against Britain.']
    )
    const text = blocks.map((block) => block.text).join('\n\n')
    const actor = (name: string): Actor => {
      const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((match) => {
        const start = match.index
        const block = blocks.find(
          (candidate) => start >= candidate.start && start < candidate.start + candidate.text.length
        )
        return { blockId: block?.id ?? '', start, end: start + name.length, text: name }
      })
      return { id: name, name, kind: 'person', aliases: [], role: null, mentions }
    }
    const actors = [actor('Harwood'), actor('Nasser')]
    const cards: CardSuggestion[] = actors.map((one) => {
      const mention = one.mentions.find((candidate) => candidate.blockId === 'b1')
      return {
        key: one.id,
        kind: 'actor',
        front: '',
        back: one.name,
        blockId: 'b1',
        sourceStart: mention?.start ?? 0,
        sourceEnd: (mention?.start ?? 0) + 20,
        actorId: one.id
      }
    })
    const ranked = rankBySalience(cards, { blocks, events: [], actors })
    expect(ranked.map((card) => card.back)).toEqual(['Nasser', 'Harwood'])
    expect(ranked[0]?.salience).toBeGreaterThan(ranked[1]?.salience ?? 1)
  })

  it('counts a suspect suggestion at half its salience', () => {
    const blocks = blocksOf(['paragraph', 'The canal opened in 1869. The canal closed in 1967.'])
    const cards = suggestCards(blocks, new Set())
    const plain = rankBySalience(cards, { blocks, events: [], actors: [] })
    const suspect = rankBySalience(
      cards.map((card, index) => (index === 0 ? { ...card, warning: 'check it' } : card)),
      { blocks, events: [], actors: [] }
    )
    const key = cards[0]?.key
    const salienceOf = (list: CardSuggestion[]) => list.find((card) => card.key === key)?.salience ?? 0
    expect(salienceOf(suspect)).toBeCloseTo(salienceOf(plain) / 2, 2)
  })

  it('ranks a precise date above a century in an equally central sentence', () => {
    const blocks = blocksOf(
      ['paragraph', 'The observatory was founded in the twelfth century.'],
      ['paragraph', 'The observatory was founded on 4 July 1576.']
    )
    const dates = suggestCards(blocks, new Set()).map((card) => card.expression)
    expect(dates.indexOf('4 July 1576')).toBeLessThan(dates.indexOf('twelfth century'))
  })
})

describe('one card per event', () => {
  it('merges the abstract’s month with the body’s day of the same event, keeping the body’s', () => {
    const blocks = blocksOf(
      ['abstract', 'In February 1956 Khrushchev denounced Stalin in a secret speech to the party congress.'],
      [
        'paragraph',
        'On 25 February 1956 Khrushchev denounced Stalin in his secret speech to the Twentieth Party Congress. ' +
          'In February 1956 the harvest in the south failed for lack of rain.'
      ]
    )
    const dates = suggestCards(blocks, new Set()).filter((card) => card.kind === 'date')
    const speech = dates.filter((card) => /speech/.test(card.front))
    expect(speech.map((card) => card.expression)).toEqual(['25 February 1956'])
    expect(speech[0]?.blockId).toBe('b1')
    // Another event of the same month, told in other words, keeps its card.
    expect(dates.some((card) => /harvest/.test(card.front))).toBe(true)
  })

  it('prefers a plain reading to one read with a correction, even a less precise one', () => {
    const blocks = blocksOf(
      [
        'abstract',
        'North Korea has identified its foreign policy as focused on self-reliance since the mid-1906s.'
      ],
      ['paragraph', 'North Korea identified its foreign policy as focused on self-reliance in the 1960s.']
    )
    const dates = suggestCards(blocks, new Set()).filter((card) => card.kind === 'date')
    expect(dates.map((card) => card.expression)).toEqual(['1960s'])
  })
})

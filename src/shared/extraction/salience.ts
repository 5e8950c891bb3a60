// How central each card suggestion is to the text, so the best cards come first: how often the
// text returns to the answer, whether the title, abstract or a heading names it, and how central
// the card's sentence is (LexRank: PageRank over sentences linked by their TF-IDF cosine).
//
// LexRank is written here rather than taken from npm: the packages found (textrank, node-summary,
// text-summarization) build the whole n×n similarity matrix, which for a 200,000-word book
// (~10,000 sentences) is 10^8 pairs. With unit-length sentence vectors S, the similarity matrix is
// S·Sᵀ minus the identity, so each power-iteration step is two sparse products, O(words).

import { yearOf } from './calendar'
import { splitSentences } from './sentences'
import type { Actor, CardSuggestion, DatedEvent, DatePrecision, ExtractionBlock } from './types'

/** Words too common to say what a sentence is about. */
const stopWords = new Set(
  (
    'the and for that with was were are this from which had has have his her its their they them ' +
    'not but all any can did does into more most one only other out over such than then there ' +
    'these those through under until upon what when where while who whom why will would also ' +
    'been being both each few after before again about against between during because could ' +
    'should very own same some him she our you your per may might must shall said'
  ).split(' ')
)

/** The words of a text that say what it is about: lower case, no stop words. */
export function contentTerms(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}'’]*\p{L}/gu) ?? []).filter(
    (word) => word.length > 2 && !stopWords.has(word)
  )
}

/** A sparse unit vector: term indices and their weights. */
interface SparseVector {
  indices: number[]
  weights: number[]
}

const damping = 0.85
const iterations = 30

/**
 * Continuous LexRank of the sentences: a score per sentence, summing to 1. A sentence that
 * shares its rarer words with many others scores high; one on a side topic scores low.
 */
export function sentenceCentrality(sentences: readonly string[]): number[] {
  const count = sentences.length
  if (count === 0) return []
  const vocabulary = new Map<string, number>()
  const documentFrequency: number[] = []
  const counted = sentences.map((sentence) => {
    const frequencies = new Map<number, number>()
    for (const word of contentTerms(sentence)) {
      let index = vocabulary.get(word)
      if (index === undefined) {
        index = vocabulary.size
        vocabulary.set(word, index)
        documentFrequency.push(0)
      }
      frequencies.set(index, (frequencies.get(index) ?? 0) + 1)
    }
    for (const index of frequencies.keys()) documentFrequency[index] = (documentFrequency[index] ?? 0) + 1
    return frequencies
  })
  const vectors: SparseVector[] = counted.map((frequencies) => {
    const indices = [...frequencies.keys()]
    const weights = indices.map(
      (index) => (frequencies.get(index) ?? 0) * Math.log(count / (documentFrequency[index] ?? 1))
    )
    const length = Math.hypot(...weights)
    return { indices, weights: length > 0 ? weights.map((weight) => weight / length) : weights.map(() => 0) }
  })
  const selfSimilarity = vectors.map((vector) =>
    vector.weights.reduce((sum, weight) => sum + weight * weight, 0)
  )

  /** (S·Sᵀ − diag) · x: every sentence's similarity-weighted sum of x over the other sentences. */
  const similarityTimes = (x: readonly number[]): number[] => {
    const projected = new Float64Array(vocabulary.size)
    vectors.forEach((vector, row) => {
      const value = x[row] ?? 0
      if (value === 0) return
      vector.indices.forEach((index, at) => {
        projected[index] = (projected[index] ?? 0) + (vector.weights[at] ?? 0) * value
      })
    })
    return vectors.map((vector, row) => {
      let sum = 0
      vector.indices.forEach((index, at) => {
        sum += (vector.weights[at] ?? 0) * (projected[index] ?? 0)
      })
      return sum - (selfSimilarity[row] ?? 0) * (x[row] ?? 0)
    })
  }

  const degrees = similarityTimes(new Array<number>(count).fill(1))
  let scores = new Array<number>(count).fill(1 / count)
  for (let step = 0; step < iterations; step++) {
    // A sentence linked to none gives its score to every sentence alike.
    let dangling = 0
    const shares = scores.map((score, index) => {
      const degree = degrees[index] ?? 0
      if (degree <= 1e-12) {
        dangling += score
        return 0
      }
      return score / degree
    })
    const spread = similarityTimes(shares)
    scores = spread.map((value) => (1 - damping) / count + damping * (value + dangling / count))
  }
  return scores
}

/** A sentence of the document's prose, with its offsets in the full text. */
interface PlacedSentence {
  blockId: string
  start: number
  end: number
  text: string
}

/** Blocks whose words say what the whole text is about. */
const prominentKinds = new Set(['heading', 'abstract'])

/** Words of the answer as a set of keys, for finding it in headings ("Marathon", "1956"). */
function namesOf(card: CardSuggestion, actors: ReadonlyMap<string, Actor>): string[] {
  if (card.kind === 'actor') {
    const actor = card.actorId ? actors.get(card.actorId) : undefined
    return actor ? [actor.name, ...actor.aliases, ...(actor.acronym ? [actor.acronym] : [])] : [card.back]
  }
  return card.expression ? [card.expression] : []
}

const letterOrDigit = /[\p{L}\p{N}]/u

/** Whether `name` stands in `text` as a whole word (not "UN" inside "UNC"). */
function contains(text: string, name: string): boolean {
  if (name.length < 2) return false
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1]
    const after = text[at + name.length]
    if (
      (before === undefined || !letterOrDigit.test(before)) &&
      (after === undefined || !letterOrDigit.test(after))
    )
      return true
  }
  return false
}

export interface SalienceInput {
  blocks: readonly ExtractionBlock[]
  /** The document's title, when it has one apart from its headings. */
  title?: string
  events: readonly DatedEvent[]
  actors: readonly Actor[]
}

/**
 * How much a date's precision lets it stand as a fact to learn: a day or a year is an event; a
 * decade or a century is the background of one ("in the twelfth century, Latin Europe…").
 */
const specificity: Record<DatePrecision, number> = {
  day: 1,
  'part-of-month': 1,
  month: 1,
  'part-of-year': 0.9,
  year: 0.9,
  'part-of-decade': 0.5,
  decade: 0.5,
  'part-of-century': 0.2,
  century: 0.2
}

/** Weights of the three signals; they sum to 1, so a salience is between 0 and 1. */
const weights = { mentions: 0.4, prominence: 0.2, centrality: 0.4 }

/**
 * The suggestions with a `salience` (0–1), most salient first; ties keep text order. A suspect
 * suggestion (one with a warning) counts half: the person has to check it anyway.
 */
export function rankBySalience(cards: readonly CardSuggestion[], input: SalienceInput): CardSuggestion[] {
  const sentences: PlacedSentence[] = input.blocks
    .filter((block) => block.kind !== 'footnote' && block.kind !== 'heading')
    .flatMap((block) =>
      splitSentences(block.text).map((sentence) => ({
        blockId: block.id,
        start: block.start + sentence.start,
        end: block.start + sentence.end,
        text: sentence.text
      }))
    )
  const centrality = sentenceCentrality(sentences.map((sentence) => sentence.text))
  // Percentiles rather than raw scores: raw LexRank scores shrink as the text grows.
  const order = centrality.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score)
  const percentile = new Array<number>(centrality.length).fill(0)
  order.forEach(({ index }, position) => {
    percentile[index] = order.length > 1 ? position / (order.length - 1) : 1
  })
  const sentencesOfBlock = new Map<string, number[]>()
  sentences.forEach((sentence, index) => {
    const list = sentencesOfBlock.get(sentence.blockId)
    if (list) list.push(index)
    else sentencesOfBlock.set(sentence.blockId, [index])
  })
  const centralityAt = (card: CardSuggestion): number => {
    const index = (sentencesOfBlock.get(card.blockId) ?? []).find((candidate) => {
      const sentence = sentences[candidate] as PlacedSentence
      return card.sourceStart < sentence.end && card.sourceEnd > sentence.start
    })
    return index === undefined ? 0 : (percentile[index] ?? 0)
  }

  const prominentText = [
    input.title ?? '',
    ...input.blocks.filter((block) => prominentKinds.has(block.kind)).map((block) => block.text)
  ].join('\n')
  const actors = new Map(input.actors.map((actor) => [actor.id, actor]))
  const eventsByPlace = new Map(
    input.events.map((event) => [`${event.sentenceStart}:${event.expression}`, event])
  )
  const eventOf = (card: CardSuggestion): DatedEvent | undefined =>
    eventsByPlace.get(`${card.sourceStart}:${card.expression ?? ''}`)
  const eventsInYear = new Map<number, number>()
  for (const event of input.events) {
    const year = yearOf(event.date.start)
    eventsInYear.set(year, (eventsInYear.get(year) ?? 0) + 1)
  }
  const mentionCount = (card: CardSuggestion): number => {
    if (card.kind === 'actor') return (card.actorId ? actors.get(card.actorId)?.mentions.length : 0) ?? 1
    // A date's mentions: the events of the same year, for the text returns to a year it is about.
    const event = eventOf(card)
    if (!event) return 1
    return eventsInYear.get(yearOf(event.date.start)) ?? 1
  }
  const precisionFactor = (card: CardSuggestion): number => {
    const event = card.kind === 'date' ? eventOf(card) : undefined
    return event ? 0.6 + 0.4 * specificity[event.date.precision] : 1
  }
  const counts = cards.map(mentionCount)
  const largest = { date: 1, actor: 1 }
  cards.forEach((card, index) => {
    largest[card.kind] = Math.max(largest[card.kind], counts[index] ?? 1)
  })

  const scored = cards.map((card, index) => {
    const mentions = Math.log1p(counts[index] ?? 1) / Math.log1p(largest[card.kind])
    const prominence = namesOf(card, actors).some((name) => contains(prominentText, name)) ? 1 : 0
    const raw =
      (weights.mentions * mentions +
        weights.prominence * prominence +
        weights.centrality * centralityAt(card)) *
      precisionFactor(card)
    const salience = Math.round((card.warning ? raw / 2 : raw) * 1000) / 1000
    return { card: { ...card, salience }, index }
  })
  const byScore = (
    left: { card: CardSuggestion; index: number },
    right: { card: CardSuggestion; index: number }
  ) => (right.card.salience ?? 0) - (left.card.salience ?? 0) || left.index - right.index
  // Ten cards answering "1900" (a census year a text keeps returning to) teach one thing ten times:
  // each further card with an answer already placed higher counts half as much again.
  const placed = new Map<string, number>()
  const diversified = scored.sort(byScore).map(({ card, index }) => {
    const answer = `${card.kind}:${card.back}`
    const earlier = placed.get(answer) ?? 0
    placed.set(answer, earlier + 1)
    const salience = Math.round((card.salience ?? 0) * 0.5 ** earlier * 1000) / 1000
    return { card: earlier === 0 ? card : { ...card, salience }, index }
  })
  return diversified.sort(byScore).map(({ card }) => card)
}

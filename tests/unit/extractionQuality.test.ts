// Quality of the card suggestions on three texts of different shapes, measured against answer
// lists written by hand (tests/fixtures/extraction/*-answers.json). Prints coverage and noise.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { suggestCards } from '../../src/shared/extraction'
import { nameKey } from '../../src/shared/extraction/nameTokens'
import type { CardSuggestion, ExtractionBlock } from '../../src/shared/extraction/types'
import { layoutBlocks } from '../../src/shared/document/layout'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'

/** The blocks the product stores for a file: the real importer, laid out as in the store. */
function importedBlocks(file: string): ExtractionBlock[] {
  const result = parseDocument(readFileSync(file, 'utf8'), { fileName: file })
  if (!result.ok) throw new Error(result.message)
  return layoutBlocks(result.document.blocks)
}

interface Answers {
  events: Array<{ expression: string; phrase: string; key?: boolean }>
  actors: Array<{ name: string; aliases: string[]; key?: boolean }>
}

const root = join(__dirname, '..', '..')
const fixtures = join(root, 'tests', 'fixtures', 'extraction')

function fullText(blocks: ExtractionBlock[]): string {
  return blocks.map((block) => block.text).join('\n\n')
}

const sameExpression = (left: string, right: string): boolean =>
  left.replace(/[–—-]/g, '-').toLowerCase() === right.replace(/[–—-]/g, '-').toLowerCase()

/** The matching rule: a date card covers an event with the same expression whose sentence holds the phrase. */
function coversEvent(card: CardSuggestion, text: string, event: Answers['events'][number]): boolean {
  return (
    card.kind === 'date' &&
    card.expression !== undefined &&
    sameExpression(card.expression, event.expression) &&
    text.slice(card.sourceStart, card.sourceEnd).includes(event.phrase)
  )
}

/** An actor card covers an actor when its answer names them or one of their aliases. */
function coversActor(card: CardSuggestion, actor: Answers['actors'][number]): boolean {
  const answer = nameKey(card.back)
  return card.kind === 'actor' && [actor.name, ...actor.aliases].some((name) => nameKey(name) === answer)
}

function measure(blocks: ExtractionBlock[], answers: Answers) {
  const text = fullText(blocks)
  const cards = suggestCards(blocks, new Set())
  const keyEvents = answers.events.filter((event) => event.key !== false)
  const keyActors = answers.actors.filter((actor) => actor.key !== false)
  const missedEvents = keyEvents.filter((event) => !cards.some((card) => coversEvent(card, text, event)))
  const missedActors = keyActors.filter((actor) => !cards.some((card) => coversActor(card, actor)))
  const noise = cards.filter(
    (card) =>
      !answers.events.some((event) => coversEvent(card, text, event)) &&
      !answers.actors.some((actor) => coversActor(card, actor))
  )
  return {
    cards,
    eventCoverage: 1 - missedEvents.length / keyEvents.length,
    actorCoverage: 1 - missedActors.length / keyActors.length,
    precision: 1 - noise.length / cards.length,
    missed: [
      ...missedEvents.map((event) => `${event.expression} / ${event.phrase}`),
      ...missedActors.map((actor) => actor.name)
    ],
    noise: noise.map((card) => `${card.kind}: ${card.expression ?? card.back}`)
  }
}

const texts: Array<{ name: string; blocks: () => ExtractionBlock[]; answers: string }> = [
  {
    name: 'Kim 2018 (Markdown article)',
    blocks: () => importedBlocks(join(root, 'resources', 'kim-2018-sino-dprk-split.md')),
    answers: 'kim-2018-answers.json'
  },
  {
    name: 'Suez 1956 (plain text, month-day-year)',
    blocks: () => importedBlocks(join(fixtures, 'suez-1956.txt')),
    answers: 'suez-1956-answers.json'
  },
  {
    name: 'Partition 1947 (plain text, day-month-year)',
    blocks: () => importedBlocks(join(fixtures, 'partition-1947.txt')),
    answers: 'partition-1947-answers.json'
  },
  {
    // Written after the extraction code, by another engineer: a text its rules were not tuned on.
    name: 'Berlin 1948 (Markdown with notes, day-month-year; unseen)',
    blocks: () => importedBlocks(join(fixtures, 'berlin-1948.md')),
    answers: 'berlin-1948-answers.json'
  }
]

describe('card suggestion quality', () => {
  for (const { name, blocks, answers } of texts) {
    it(`covers ≥ 90% of listed events and actors with ≥ 80% precision: ${name}`, () => {
      const list = JSON.parse(readFileSync(join(fixtures, answers), 'utf8')) as Answers
      const result = measure(blocks(), list)
      const percent = (value: number): string => `${(value * 100).toFixed(1)}%`
      console.log(
        `${name}: ${result.cards.length} suggestions; event coverage ${percent(result.eventCoverage)}, ` +
          `actor coverage ${percent(result.actorCoverage)}, precision ${percent(result.precision)} ` +
          `(noise ${percent(1 - result.precision)})` +
          (result.missed.length > 0 ? `\n  missed: ${result.missed.join('; ')}` : '') +
          (result.noise.length > 0 ? `\n  noise: ${result.noise.join('; ')}` : '')
      )
      expect(result.eventCoverage).toBeGreaterThanOrEqual(0.9)
      expect(result.actorCoverage).toBeGreaterThanOrEqual(0.9)
      expect(result.precision).toBeGreaterThanOrEqual(0.8)
    })
  }
})

// Quality of the card suggestions on texts of different eras and shapes, measured against answer
// lists written by hand (tests/fixtures/extraction/*-answers.json). Prints coverage and noise.
//
// Honesty about what each text measures: 'tuned on' means the rules were changed while looking at
// its misses, so its score says little about a new text; 'held out' means its answers were written
// before the extractor read it, and it was scored once, after all the rules were written. Each
// text keeps its first-run scores (before any rule was changed for it) beside the current ones.

import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
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
  /**
   * `sameEventAs`: the phrase of another item telling the same event (the abstract restating the
   * body); one card for either covers both, as one card per event is the rule (issue 21).
   */
  events: Array<{ expression: string; phrase: string; key?: boolean; sameEventAs?: string }>
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
function coversEvent(
  card: CardSuggestion,
  text: string,
  event: Answers['events'][number],
  events: Answers['events'] = []
): boolean {
  const covers = (item: Answers['events'][number]): boolean =>
    card.kind === 'date' &&
    card.expression !== undefined &&
    sameExpression(card.expression, item.expression) &&
    text.slice(card.sourceStart, card.sourceEnd).includes(item.phrase)
  const same = events.find((other) => other.phrase === event.sameEventAs)
  return covers(event) || (same !== undefined && covers(same))
}

/** An actor card covers an actor when its answer names them or one of their aliases. */
function coversActor(card: CardSuggestion, actor: Answers['actors'][number]): boolean {
  const answer = nameKey(card.back)
  return card.kind === 'actor' && [actor.name, ...actor.aliases].some((name) => nameKey(name) === answer)
}

/** How many suggestions the generation dialog shows first. */
const topCount = 20

function measure(blocks: ExtractionBlock[], answers: Answers) {
  const text = fullText(blocks)
  const cards = suggestCards(blocks, new Set())
  const keyEvents = answers.events.filter((event) => event.key !== false)
  const keyActors = answers.actors.filter((actor) => actor.key !== false)
  const missedEvents = keyEvents.filter(
    (event) => !cards.some((card) => coversEvent(card, text, event, answers.events))
  )
  const missedActors = keyActors.filter((actor) => !cards.some((card) => coversActor(card, actor)))
  // Salience: how many of the key items the first 20 suggestions (the dialog's "Top 20") cover, out
  // of as many as 20 slots can hold (every text has more than 20 key items, so 20 is the ceiling).
  const top = cards.slice(0, topCount)
  // An event told twice counts once here: its twin holds the slot.
  const distinctKeyEvents = keyEvents.filter((event) => event.sameEventAs === undefined)
  const keyInTop =
    distinctKeyEvents.filter((event) => top.some((card) => coversEvent(card, text, event, answers.events)))
      .length + keyActors.filter((actor) => top.some((card) => coversActor(card, actor))).length
  const minorInTop = top.filter(
    (card) =>
      !keyEvents.some((event) => coversEvent(card, text, event, answers.events)) &&
      !keyActors.some((actor) => coversActor(card, actor))
  )
  const noise = cards.filter(
    (card) =>
      !answers.events.some((event) => coversEvent(card, text, event, answers.events)) &&
      !answers.actors.some((actor) => coversActor(card, actor))
  )
  return {
    cards,
    eventCoverage: 1 - missedEvents.length / keyEvents.length,
    actorCoverage: 1 - missedActors.length / keyActors.length,
    precision: 1 - noise.length / cards.length,
    salience: keyInTop / Math.min(topCount, distinctKeyEvents.length + keyActors.length),
    missed: [
      ...missedEvents.map((event) => `${event.expression} / ${event.phrase}`),
      ...missedActors.map((actor) => actor.name)
    ],
    noise: noise.map((card) => `${card.kind}: ${card.expression ?? card.back}`),
    minorInTop: minorInTop.map((card) => `${card.kind}: ${card.expression ?? card.back}`)
  }
}

/** Event coverage, actor coverage and precision, as fractions. */
interface Scores {
  events: number
  actors: number
  precision: number
}

interface QualityText {
  name: string
  /** The text, in tests/fixtures/extraction unless a path from the repository's root is given. */
  file: string
  answers: string
  /** Whether rules were changed while looking at this text's misses. */
  status: 'tuned on' | 'held out'
  /**
   * Scores of the first run of the extractor on the text, before any rule was changed for it;
   * null for the texts written together with the first rules (no first run was recorded).
   */
  firstRun: Scores | null
  /** What the current rules achieve; the test fails when any score falls more than 3 points below. */
  achieved: Scores
}

/** How far a score may fall below what was achieved before the test fails. */
const tolerance = 0.03

/** Scores written as [events, actors, precision]. */
type Row = [number, number, number]

/** A text of tests/fixtures/extraction whose answers are in `<name>-answers.json` beside it. */
function fixture(
  file: string,
  name: string,
  status: QualityText['status'],
  firstRun: Row | null,
  [events, actors, precision]: Row
): QualityText {
  return {
    name,
    file,
    answers: `${file.replace(/\.\w+$/, '')}-answers.json`,
    status,
    firstRun: firstRun && { events: firstRun[0], actors: firstRun[1], precision: firstRun[2] },
    achieved: { events, actors, precision }
  }
}

const texts: QualityText[] = [
  {
    ...fixture('kim-2018.md', 'Kim 2018 (Markdown article)', 'tuned on', null, [1, 1, 1]),
    file: join(root, 'resources', 'kim-2018-sino-dprk-split.md')
  },
  // The next three were written with the first rules: no first run was recorded.
  fixture('suez-1956.txt', 'Suez 1956 (plain text, month-day-year)', 'tuned on', null, [1, 1, 1]),
  fixture('partition-1947.txt', 'Partition 1947 (plain text, day-month-year)', 'tuned on', null, [1, 1, 1]),
  // Written after the first rules, by another engineer, as an unseen text; the rules were then
  // changed for its misses (commit 08d7562), so it is tuned on now.
  fixture('berlin-1948.md', 'Berlin 1948 (Markdown with notes)', 'tuned on', [0.917, 0.833, 0.88], [1, 1, 1]),
  // Written for issue 14 with their answers, committed before the extractor read them.
  fixture('persian-wars.md', 'Persian Wars (Markdown, years BC)', 'tuned on', [0, 0.167, 0.571], [1, 1, 1]),
  fixture('tudor-1509.txt', 'Tudor England (regnal names)', 'tuned on', [0.963, 0.579, 0.889], [1, 0.947, 1]),
  fixture(
    'message-1846.txt',
    'Annual message 1846 (one-line speech)',
    'tuned on',
    [0.5, 0.778, 0.704],
    [1, 1, 0.969]
  ),
  fixture(
    'copernicus-newton.md',
    'Copernicus to Newton (science)',
    'tuned on',
    [0.864, 0.545, 0.914],
    [1, 1, 1]
  ),
  // Scored once, after every rule was written: the unseen figure. Missed: Stanisław August
  // Poniatowski, Emelyan Pugachev.
  fixture(
    'prussia-1740.txt',
    'Prussia 1740–1796 (epithets; held out)',
    'held out',
    [1, 0.867, 1],
    [1, 0.867, 1]
  )
]

/**
 * Salience (issue 21): key items among the Top 20, out of the 20 slots. `documentOrder` is the
 * figure before ranking (suggestions in text order), `firstRun` the first run of the ranking before
 * any weight was changed, `achieved` the current one. The target is 80% on every text.
 */
const salienceFigures: Record<string, { documentOrder: number; firstRun: number; achieved: number }> = {
  // Answers repeated in the Top 20 count half again each (Georgia's census year "1900" filled it):
  // here a second key item with an answer already placed left the Top 20 (1 → 0.95) …
  'kim-2018-sino-dprk-split.md': { documentOrder: 1, firstRun: 1, achieved: 0.95 },
  'suez-1956.txt': { documentOrder: 0.95, firstRun: 1, achieved: 1 },
  // … and here a repeated, non-key "1947" gave its place to a key item (0.95 → 1).
  'partition-1947.txt': { documentOrder: 1, firstRun: 0.95, achieved: 1 },
  'berlin-1948.md': { documentOrder: 0.95, firstRun: 0.9, achieved: 0.9 },
  'persian-wars.md': { documentOrder: 1, firstRun: 0.9, achieved: 0.9 },
  'tudor-1509.txt': { documentOrder: 0.85, firstRun: 0.95, achieved: 0.95 },
  'message-1846.txt': { documentOrder: 0.9, firstRun: 0.85, achieved: 0.85 },
  // The first run put four century and decade dates in the Top 20: dates now count by precision.
  'copernicus-newton.md': { documentOrder: 0.55, firstRun: 0.75, achieved: 0.9 },
  // Held out: scored once, after the weights were set (the unseen figure).
  'prussia-1740.txt': { documentOrder: 0.65, firstRun: 1, achieved: 1 }
}

/** The target for key items in the Top 20. */
const salienceTarget = 0.8

describe('card suggestion quality', () => {
  for (const { name, file, answers, status, achieved } of texts) {
    it(`scores no more than 3 points below what was achieved: ${name}`, () => {
      const list = JSON.parse(readFileSync(join(fixtures, answers), 'utf8')) as Answers
      const result = measure(importedBlocks(resolve(fixtures, file)), list)
      const percent = (value: number): string => `${(value * 100).toFixed(1)}%`
      console.log(
        `${name} [${status}]: ${result.cards.length} suggestions; event coverage ${percent(result.eventCoverage)}, ` +
          `actor coverage ${percent(result.actorCoverage)}, precision ${percent(result.precision)}, key items in the Top 20 ${percent(result.salience)} ` +
          `(noise ${percent(1 - result.precision)})` +
          (result.missed.length > 0 ? `\n  missed: ${result.missed.join('; ')}` : '') +
          (result.noise.length > 0 ? `\n  noise: ${result.noise.join('; ')}` : '') +
          (result.minorInTop.length > 0 ? `\n  in the Top 20, not key: ${result.minorInTop.join('; ')}` : '')
      )
      expect(result.eventCoverage).toBeGreaterThanOrEqual(achieved.events - tolerance)
      expect(result.actorCoverage).toBeGreaterThanOrEqual(achieved.actors - tolerance)
      expect(result.precision).toBeGreaterThanOrEqual(achieved.precision - tolerance)
      const salience = salienceFigures[file.replace(/^.*\//, '')]
      expect(salience, 'every text has its salience figures').toBeDefined()
      expect(result.salience).toBeGreaterThanOrEqual(Math.min(salienceTarget, salience?.achieved ?? 1))
      expect(result.salience).toBeGreaterThanOrEqual((salience?.achieved ?? 1) - tolerance)
    })
  }
})

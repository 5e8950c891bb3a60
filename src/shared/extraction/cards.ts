// Flashcard suggestions made from the extracted dates and actors: a cloze of each date in its
// sentence with a "When?" question, and for each actor a "Who was <role>?" question, an acronym
// question, or a cloze of the name in the sentence that introduces them. Keys hash what the
// card says (not where it sits), so regenerating never re-suggests an accepted or rejected card.

import { extractActors } from './actors'
import { formatYear, formatYears, parseDay, yearOf } from './calendar'
import { extractDatedEvents } from './events'
import { gazetteerForms, type GazetteerForm } from './gazetteer'
import { stableId } from './hash'
import { nameKey } from './nameTokens'
import { rankBySalience } from './salience'
import { mergeSameEvents } from './sameEvents'
import { splitSentences } from './sentences'
import { blank, whoQuestionWord } from '../study/cloze'
import type { Actor, ActorMention, CardSuggestion, DatedEvent, ExtractionBlock } from './types'

/** States are named so often that a card is only worth it for the ones the text keeps returning to. */
const minimumStateMentions = 3

/**
 * A state card asks for the state by name, so the text must name it at least once: one spoken
 * of only through its adjective ("a Polish delegation") is the setting of someone else's act.
 */
function isCardWorthyState(actor: Actor, forms: ReadonlyMap<string, GazetteerForm>): boolean {
  return (
    actor.mentions.length >= minimumStateMentions &&
    actor.mentions.some((mention) => forms.get(mention.text)?.isDemonym !== true)
  )
}

const monthLabels = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/** "March–May 1949", "December 1946–February 1947": the months a season or part of a year covers. */
function monthSpan(start: string, end: string): string {
  const month = (date: string): string => monthLabels[parseDay(date).month - 1] as string
  const from = formatYear(yearOf(start))
  const to = formatYear(yearOf(end))
  return from === to
    ? `${month(start)}–${month(end)} ${to}`.replace(/^(\w+)–\1 /, '$1 ')
    : `${month(start)} ${from}–${month(end)} ${to}`
}

function describeDate(event: DatedEvent): string {
  const { start, end, precision } = event.date
  if (precision === 'day' || precision === 'month' || precision === 'part-of-month') return event.expression
  if (precision === 'part-of-year') return `${event.expression} (${monthSpan(start, end)})`
  const span = formatYears(yearOf(start), yearOf(end))
  return span === event.expression ? event.expression : `${event.expression} (${span})`
}

function dateCard(event: DatedEvent): CardSuggestion {
  const offset = event.expressionStart - event.sentenceStart
  const before = event.sentence.slice(0, offset)
  const after = event.sentence.slice(offset + event.expression.length)
  const card: CardSuggestion = {
    key: stableId('card-date', event.sentence, event.expression),
    kind: 'date',
    front: `When? ${before}${blank}${after}`,
    back: describeDate(event),
    clozeText: `${before}{{c1::${event.expression}}}${after}`,
    blockId: event.blockId,
    sourceStart: event.sentenceStart,
    sourceEnd: event.sentenceEnd,
    expression: event.expression
  }
  if (event.note) card.warning = event.note
  return card
}

/** The sentence around an actor's mention, and every mention of the actor in it. */
function mentionSentence(actor: Actor, blocks: readonly ExtractionBlock[], index: number) {
  const mention = actor.mentions[index]
  const block = mention ? blocks.find((candidate) => candidate.id === mention.blockId) : undefined
  if (!mention || !block) return null
  const local = mention.start - block.start
  const sentence = splitSentences(block.text).find(
    (candidate) => local >= candidate.start && local < candidate.end
  )
  if (!sentence) return null
  const start = block.start + sentence.start
  const end = block.start + sentence.end
  const inside = actor.mentions.filter(
    (other) => other.blockId === block.id && other.start >= start && other.end <= end
  )
  return { block, sentence: sentence.text, start, end, inside }
}

/**
 * The sentence with each mention as a deletion. A name with its other form in brackets right
 * after it ("Kim Il Sung (Kim)", "United Nations Emergency Force (UNEF)") is one actor named once:
 * one deletion, so the card shows one blank, not "[…] ([…])".
 */
function clozeOfMentions(sentence: string, sentenceStart: number, mentions: readonly ActorMention[]): string {
  let cloze = ''
  let cursor = sentenceStart
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index] as ActorMention
    let end = mention.end
    const next = mentions[index + 1]
    if (next) {
      const between = sentence.slice(mention.end - sentenceStart, next.start - sentenceStart)
      const closing = /^\s*\)/.exec(sentence.slice(next.end - sentenceStart))
      if (/^\s*\(\s*$/.test(between) && closing) {
        end = next.end + closing[0].length
        index++
      }
    }
    const answer = sentence.slice(mention.start - sentenceStart, end - sentenceStart)
    cloze += `${sentence.slice(cursor - sentenceStart, mention.start - sentenceStart)}{{c1::${answer}}}`
    cursor = end
  }
  return cloze + sentence.slice(cursor - sentenceStart)
}

function actorCard(actor: Actor, blocks: readonly ExtractionBlock[]): CardSuggestion | null {
  const first = mentionSentence(actor, blocks, 0)
  if (!first) return null
  const base = {
    kind: 'actor' as const,
    blockId: first.block.id,
    sourceStart: first.start,
    sourceEnd: first.end,
    actorId: actor.id
  }
  if (actor.role) {
    // "The mayor-elect of Berlin" opened its sentence; inside the question its article is lower case.
    const role = /^(?:the|a|an|one)\s/i.test(actor.role)
      ? actor.role.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())
      : `the ${actor.role}`
    return {
      ...base,
      key: stableId('card-actor-role', nameKey(actor.name), actor.role),
      front: `${whoQuestionWord(actor.kind, 'was')} ${role}?`,
      back: actor.name
    }
  }
  // Only when the text itself spells the acronym out: the card must be answerable from the text.
  const spelledOut = actor.mentions.some((mention) => mention.text === actor.name)
  if (actor.kind === 'organisation' && actor.acronym && actor.name !== actor.acronym && spelledOut) {
    return {
      ...base,
      key: stableId('card-actor-acronym', actor.acronym, actor.name),
      front: `What does ${actor.acronym} stand for?`,
      back: actor.name
    }
  }
  // A defining sentence: the first one naming the actor in full, else the first mention's.
  const fullIndex = actor.mentions.findIndex((mention) => mention.text === actor.name)
  const chosen = (fullIndex > 0 ? mentionSentence(actor, blocks, fullIndex) : null) ?? first
  const cloze = clozeOfMentions(chosen.sentence, chosen.start, chosen.inside)
  return {
    ...base,
    blockId: chosen.block.id,
    sourceStart: chosen.start,
    sourceEnd: chosen.end,
    key: stableId('card-actor-cloze', actor.kind, nameKey(actor.name)),
    front: cloze,
    back: actor.name,
    clozeText: cloze
  }
}

/**
 * Whether a sentence reads as prose a card can quote: not a table row or a text layer whose spaces
 * were lost ("Revised10itemscaleforperceivedusefulness(Davis,1989,Table3,p.326) ! @ & -"), which
 * a PDF's tables give. Letters must be most of what is not space, and no word of a spaced script
 * may run past 30 letters.
 */
export function readsAsProse(sentence: string): boolean {
  const visible = sentence.replace(/\{\{c\d+::|\}\}/g, '').replace(/\s+/g, '')
  if (visible.length === 0) return false
  const letters = visible.match(/\p{L}/gu)?.length ?? 0
  // Only in scripts that space their words: Chinese and Japanese sentences are one run of letters.
  return (
    letters / visible.length >= 0.6 &&
    !/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]{31,}/u.test(sentence)
  )
}

/**
 * Card suggestions for the blocks, leaving out those whose key is in `existingKeys`; most salient
 * first. `extracted` passes events and actors already extracted from the same blocks.
 */
export function suggestCards(
  blocks: readonly ExtractionBlock[],
  existingKeys: ReadonlySet<string>,
  extracted?: { events: readonly DatedEvent[]; actors: readonly Actor[] }
): CardSuggestion[] {
  const events = extracted?.events ?? extractDatedEvents(blocks)
  const actors = extracted?.actors ?? extractActors(blocks)
  const dateCards = mergeSameEvents(events, blocks).map(dateCard)
  const forms = gazetteerForms()
  const actorCards = actors
    .filter((actor) => actor.kind !== 'state' || isCardWorthyState(actor, forms))
    .flatMap((actor) => actorCard(actor, blocks) ?? [])
  const seen = new Set(existingKeys)
  const cards = [...dateCards, ...actorCards]
    .filter((card) => {
      if (seen.has(card.key) || !readsAsProse(card.clozeText ?? card.front)) return false
      seen.add(card.key)
      return true
    })
    .sort((left, right) => left.sourceStart - right.sourceStart)
  return rankBySalience(cards, { blocks, events, actors })
}

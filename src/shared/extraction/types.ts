// Types of what the extraction of dated events, actors and card suggestions produces.
// Plain data: these cross the IPC boundary and are stored as suggestions.

import type { Block } from '../types'

/** The part of a stored block the extraction reads: it never needs marks or footnote refs. */
export type ExtractionBlock = Pick<Block, 'id' | 'kind' | 'text' | 'start' | 'sectionId'>

/**
 * How finely the text fixes the date. 'part-of-month' is "late July 1948" (a third of a month);
 * 'part-of-year' is "mid-1949" or a season, "the spring of 1949" (a few months);
 * 'part-of-century' is "the early twelfth century" or "the middle of the eighteenth century".
 */
export type DatePrecision =
  | 'day'
  | 'part-of-month'
  | 'month'
  | 'part-of-year'
  | 'year'
  | 'decade'
  | 'part-of-decade'
  | 'century'
  | 'part-of-century'

/**
 * A date as an interval of days, both ends inclusive, written `YYYY-MM-DD`; a year BC is negative
 * and written with a minus sign ("-0490-09-12" is 12 September 490 BC; there is no year 0). Compare
 * them with calendar.ts's `compareDays` or `yearOf`, as numbers: as strings they do not sort.
 */
export interface NormalisedDate {
  start: string
  end: string
  precision: DatePrecision
}

/** A date expression found in a piece of text; offsets are relative to that text. */
export interface DateMatch {
  /** As written, e.g. "August 1956", "late July 1948", "spring of 1949", "mid-1960s", "4 July 1972", "1966–1972". */
  expression: string
  start: number
  end: number
  date: NormalisedDate
  /** Set when the expression was read with a correction (e.g. "1906s" is not a decade). */
  note?: string
}

export interface DatedEvent {
  id: string
  blockId: string
  /** Offsets in the document's full text. */
  sentenceStart: number
  sentenceEnd: number
  sentence: string
  expression: string
  expressionStart: number
  expressionEnd: number
  date: NormalisedDate
  note?: string
}

export type ActorKind = 'person' | 'state' | 'organisation'

export interface ActorMention {
  blockId: string
  /** Offsets in the document's full text. */
  start: number
  end: number
  text: string
}

export interface Actor {
  id: string
  /** Canonical name: the form the text uses most, with OCR slips mended. */
  name: string
  kind: ActorKind
  /** Other forms the text uses for the same actor (spelling variants, acronym, capital city, surname). */
  aliases: string[]
  /** Set only when the text spells the acronym out (or the gazetteer knows it for a state). */
  acronym?: string
  /** The role the text gives the actor, as written ("the Chairman of …"); null when it gives none. */
  role: string | null
  mentions: ActorMention[]
}

export interface CardSuggestion {
  /** Stable across runs: the same source always yields the same key. */
  key: string
  kind: 'date' | 'actor'
  front: string
  back: string
  /** The source sentence with the answer as a {{c1::…}} deletion. */
  clozeText?: string
  blockId: string
  /** Offsets in the document's full text of the passage the card comes from. */
  sourceStart: number
  sourceEnd: number
  /** Date cards: the date expression as written. */
  expression?: string
  /** Actor cards: the actor's id. */
  actorId?: string
  /** Something the person should check before accepting (e.g. a date read with a correction). */
  warning?: string
  /** How central the fact is to the text, 0–1 (salience.ts); suggestions come most salient first. */
  salience?: number
}

/** Told after each passage a long pass has read: how many of how many (for progress on a book). */
export type PassageProgress = (read: number, total: number) => void

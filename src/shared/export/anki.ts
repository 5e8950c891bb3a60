// Cards as an Anki text import file. Headers tell Anki the separator, that fields are HTML, which
// columns hold the note type, deck, tags and guid; with a guid column a re-import updates the notes
// instead of duplicating them. Basic and Cloze notes share one file: the fields after the special
// columns fill the note type's fields in order (Front/Back, or Text/Back Extra).
//
// Generated date and actor cards are cloze-shaped (their sentence with the date or the actor as
// {{c1::…}}), so they go to Anki as Cloze notes: Anki then shows the sentence with a blank and
// reveals the answer in place, as Scholia's review does, and the note stays editable as a cloze in
// Anki. (A Basic note with a pre-rendered blank would show the answer only on a separate back, and
// re-editing it in Anki would lose the deletion.)
import type { Card } from '../types'
import { escapeHtml } from './common'

export interface AnkiExportInput {
  /** The deck becomes "Scholia::<title>". */
  documentTitle: string
  cards: readonly Card[]
}

export const ankiColumns = [
  'Note type',
  'Deck',
  'Front or Text',
  'Back or Back Extra',
  'Tags',
  'Guid'
] as const

/**
 * One Anki note per line:
 * - the cards of one cloze note (same noteId, one per deletion) are a single Cloze note whose guid
 *   is the noteId — Anki makes the per-deletion cards itself;
 * - a generated date or actor card whose question holds a deletion is a Cloze note (guid: card id),
 *   with the answer as Back Extra where it adds to the hidden words ("mid-1956 (1955–1957)");
 * - any other card is a Basic note whose guid is the card id.
 */
export function toAnkiText(input: AnkiExportInput): string {
  const deck = `Scholia::${deckPart(input.documentTitle)}`
  const lines = [
    '#separator:tab',
    '#html:true',
    `#columns:${ankiColumns.join('\t')}`,
    '#notetype column:1',
    '#deck column:2',
    '#tags column:5',
    '#guid column:6'
  ]
  const seenClozeNotes = new Set<string>()
  for (const card of input.cards) {
    if (card.kind === 'cloze') {
      if (seenClozeNotes.has(card.noteId)) continue
      seenClozeNotes.add(card.noteId)
      const tags = input.cards.filter((other) => other.kind === 'cloze' && other.noteId === card.noteId)
      lines.push(
        row([
          'Cloze',
          deck,
          clozeField(card.front),
          htmlField(card.back, false),
          tagsField(tags),
          guid(card.noteId)
        ])
      )
    } else if (isClozeShaped(card)) {
      const extra = backExtra(card)
      lines.push(
        row([
          'Cloze',
          deck,
          clozeField(card.front),
          htmlField(extra, false),
          tagsField([card]),
          guid(card.id)
        ])
      )
    } else {
      lines.push(
        row([
          'Basic',
          deck,
          htmlField(card.front, false),
          htmlField(card.back, false),
          tagsField([card]),
          guid(card.id)
        ])
      )
    }
  }
  return `${lines.join('\n')}\n`
}

/** A deletion as Anki reads it: {{c1::answer}} or {{c1::answer::hint}}. */
const deletion = /\{\{c[1-9]\d*::[\s\S]*?\}\}/g

/** A generated card written with a deletion in its question (date cards, actor cards in a sentence). */
function isClozeShaped(card: Card): boolean {
  return (card.kind === 'date' || card.kind === 'actor') && new RegExp(deletion.source).test(card.front)
}

/** The answer as Back Extra, or '' when it only repeats the words the deletions hide. */
function backExtra(card: Card): string {
  const hidden = [...card.front.matchAll(deletion)].map((match) => match[0].slice(2, -2).split('::')[1] ?? '')
  return hidden.some((words) => words.trim() === card.back.trim()) ? '' : card.back
}

/**
 * A Cloze Text field: the deletions kept as Anki's markers, and braces in the text between them
 * written as entities, so a `{{` in a quoted sentence is never read as a field or a deletion.
 */
export function clozeField(text: string): string {
  let html = ''
  let cursor = 0
  for (const match of text.matchAll(deletion)) {
    html += htmlField(text.slice(cursor, match.index), false) + htmlField(match[0], true)
    cursor = match.index + match[0].length
  }
  return html + htmlField(text.slice(cursor), false)
}

function row(cells: readonly string[]): string {
  return cells.join('\t')
}

/**
 * A field's text as HTML: escaped so nothing the person typed becomes markup (the card is shown in
 * Anki's web view), line breaks as <br>, tabs as spaces (a tab would start a new column).
 * Outside a cloze Text field `{{` is written as entities, so `{{c1::x}}` on a Basic card stays text
 * and never turns into a deletion; in a cloze Text field the markers are kept, since escaping
 * leaves `{`, `}` and `:` alone.
 */
export function htmlField(text: string, keepClozeMarkers: boolean): string {
  let html = escapeHtml(text)
    .replace(/\r\n?|\n|\u2028|\u2029/g, '<br>')
    .replace(/\t/g, ' ')
  if (!keepClozeMarkers) html = html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;')
  return html
}

/** Anki tags are separated by spaces: spaces inside a tag become `_`; quotes are dropped. */
function tagsField(cards: readonly Card[]): string {
  const tags = new Set<string>()
  for (const card of cards) {
    for (const tag of card.tags) {
      const clean = tag
        .replace(/["\t\r\n]/g, '')
        .trim()
        .replace(/\s+/g, '_')
      if (clean !== '') tags.add(clean)
    }
  }
  return [...tags].join(' ')
}

/** A deck name part: no tabs or line breaks, no `::` (which would make sub-decks), no quotes. */
function deckPart(title: string): string {
  const clean = title
    .replace(/[\t\r\n"]+/g, ' ')
    .replace(/:{2,}/g, ':')
    .replace(/\s+/g, ' ')
    .trim()
  return clean === '' ? 'Untitled' : clean
}

/** Guids are written as they are; only characters that would break the line are removed. */
function guid(id: string): string {
  return id.replace(/[\t\r\n"]/g, '')
}

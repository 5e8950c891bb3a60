// Cards as an Anki text import file. Headers tell Anki the separator, that fields are HTML, which
// columns hold the note type, deck, tags and guid; with a guid column a re-import updates the notes
// instead of duplicating them. Basic and Cloze notes share one file: the fields after the special
// columns fill the note type's fields in order (Front/Back, or Text/Back Extra).
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
 * One Anki note per line. A basic, date or actor card is a Basic note whose guid is the card id.
 * The cards of one cloze note (same noteId, one per deletion) are a single Cloze note whose guid is
 * the noteId — Anki makes the per-deletion cards itself.
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
          htmlField(card.front, true),
          htmlField(card.back, false),
          tagsField(tags),
          guid(card.noteId)
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

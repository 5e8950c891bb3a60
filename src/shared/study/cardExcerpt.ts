// A card's question in one short line, as a list shows it: for a cloze card the words around its
// blank ("…the regime is fragile, […] decided to…"), not its first characters, so that two cards
// from one sentence read apart in the card browser.
import { clozeParts } from './cloze'

/** Cuts `text` to at most `max` characters at a word boundary, from its start or its end. */
function cutAtWord(text: string, max: number, keep: 'start' | 'end'): string {
  if (text.length <= max) return text
  if (keep === 'start') {
    const cut = text.slice(0, max)
    const space = cut.lastIndexOf(' ')
    return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
  }
  const cut = text.slice(text.length - max)
  const space = cut.indexOf(' ')
  return `…${(space !== -1 && space < max / 2 ? cut.slice(space + 1) : cut).trimStart()}`
}

/**
 * The question as one line of at most about `max` characters: a plain front cut at a word, or a
 * cloze front with its blank placeholder kept in view and as much context either side as fits.
 */
export function questionExcerpt(front: string, clozeIndex: number | null, max = 90): string {
  const flat = (text: string): string => text.replace(/\s+/g, ' ')
  if (clozeIndex === null) return cutAtWord(flat(front).trim(), max, 'start')
  const parts = clozeParts(front, clozeIndex)
  const first = parts.findIndex((part) => part.kind === 'asked')
  if (first === -1) return cutAtWord(flat(parts.map((part) => part.text).join('')).trim(), max, 'start')
  const last = parts.length - 1 - [...parts].reverse().findIndex((part) => part.kind === 'asked')
  const shown = (from: number, to: number): string =>
    parts
      .slice(from, to)
      .map((part) => (part.kind === 'asked' ? part.placeholder : part.text))
      .join('')
  const middle = flat(shown(first, last + 1))
  const before = flat(shown(0, first)).trimStart()
  const after = flat(shown(last + 1, parts.length)).trimEnd()
  const room = Math.max(0, max - middle.length)
  // Context before the blank counts most (it asks the question); after it, what is left.
  const beforeRoom = Math.min(before.length, Math.max(Math.ceil(room * 0.6), room - after.length))
  const afterRoom = room - beforeRoom
  return `${cutAtWord(before, beforeRoom, 'end')}${middle}${cutAtWord(after, afterRoom, 'start')}`
}

// Heuristics for an article's front matter as it comes out of a PDF: which heading is the title,
// whether a line under it is an author line or an affiliation, and how two texts compare as "the same".
// All of them look at the shape of the text (capitals, length, punctuation), never at known words.

import type { Unit } from './scanUnits'

/** Case-, accent-spacing- and punctuation-insensitive form of a text, for "is this the title again?". */
export function textKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** At least three letters and none of them lower case. */
export function isCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  return letters >= 3 && !/\p{Ll}/u.test(text)
}

const shortLineLength = 120
const nameConnectors = new Set([
  'and',
  '&',
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'la',
  'le',
  'bin',
  'ibn'
])
const sentenceEndPattern = /[.!?:;]$/
const initialEndPattern = /(?:^|\s)\p{Lu}\.$/u

/** One short line of capitalised words, without sentence punctuation: "EUNGSEO KIM", "Ann Lee and Bo Park". */
export function looksLikeAuthorLine(text: string): boolean {
  if (text.length < 2 || text.length > shortLineLength || text.includes('\n') || /\d/.test(text)) return false
  if (sentenceEndPattern.test(text) && !initialEndPattern.test(text)) return false
  const words = text.split(/[\s,]+/).filter((word) => word !== '' && !nameConnectors.has(word.toLowerCase()))
  if (words.length === 0 || words.length > 12) return false
  const capitalised = words.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length
  return capitalised / words.length >= 0.75
}

/** One line that reads like a label (institution, department) rather than a sentence of the text. */
export function looksLikeAffiliation(text: string): boolean {
  if (text.length < 2 || text.length > 200 || text.includes('\n')) return false
  if (!/^[^\p{L}\p{N}]{0,2}[\p{Lu}\p{N}]/u.test(text)) return false
  if (/[.!?]["'’”)]?$/.test(text) && !initialEndPattern.test(text)) return false
  return text.split(/\s+/).length <= 25
}

/** "Ann Lee, Bo Park and Cy Diaz" → three names. */
export function splitAuthors(text: string): string[] {
  return text
    .split(/\s*(?:;|&|,\s*and\s+|\s+and\s+|,)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

/** Only a few short lines (a running head, a journal name) stand before the unit at `index`. */
function onlyShortLinesBefore(units: readonly Unit[], index: number, headingsToo = false): boolean {
  if (index > 3) return false
  return units
    .slice(0, index)
    .every((unit) =>
      unit.type === 'heading'
        ? headingsToo && unit.source.length <= shortLineLength
        : unit.type === 'paragraph' &&
          unit.lines.length <= 2 &&
          unit.lines.every((line) => line.length <= shortLineLength)
    )
}

/**
 * The index of the heading that is the document's title, or -1: a level-1 heading that appears more
 * than once (a PDF repeats the title on the first page), else the only level-1 heading when no more
 * than a few short lines stand above it, else the first heading when it opens the document and is in
 * capitals or is the only heading of its rank.
 */
export function findTitleHeading(
  units: readonly Unit[],
  candidates: readonly number[],
  plain: (index: number) => string
): number {
  const levelOf = (index: number): number => {
    const unit = units[index]
    return unit?.type === 'heading' ? unit.level : 0
  }
  const counts = new Map<string, number>()
  for (const index of candidates) {
    if (levelOf(index) !== 1) continue
    const key = textKey(plain(index))
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const index of candidates) {
    if (levelOf(index) === 1 && (counts.get(textKey(plain(index))) ?? 0) >= 2) return index
  }
  // The one level-1 heading, under a few short lines such as a journal's name and ISSN set in
  // smaller type above the title of a paper's first page.
  const levelOnes = candidates.filter((index) => levelOf(index) === 1)
  const only = levelOnes.length === 1 ? levelOnes[0] : undefined
  if (only !== undefined && only !== candidates[0] && onlyShortLinesBefore(units, only, true)) return only
  const first = candidates[0]
  if (first === undefined || !onlyShortLinesBefore(units, first)) return -1
  if (isCapitals(plain(first))) return first
  const level = levelOf(first)
  return candidates.filter((index) => levelOf(index) <= level).length === 1 ? first : -1
}

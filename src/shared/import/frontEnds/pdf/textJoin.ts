// Joining a PDF's lines into running text: characters normalised (ligatures, soft hyphens, odd
// spaces, spacing accents typeset before their letter), and an end-of-line hyphen removed only when
// the joined word is a word — found elsewhere in the text or in a word list — so "negotia-" +
// "tions" joins while "Sino-" + "Soviet" and "self-" + "reliance" keep their hyphen.
import { pageMark, removePageMarkCharacters, takeLeadingPageMark } from '../../structure/pageMarks'

/** Spacing accents (as TeX sets them, before the letter) and the combining mark each stands for. */
const spacingAccents: Record<string, string> = {
  '\u02D8': '\u0306', // breve
  '\u00A8': '\u0308', // diaeresis
  '\u00B4': '\u0301', // acute
  '\u0060': '\u0300', // grave
  '\u02C6': '\u0302', // circumflex
  '\u02DC': '\u0303', // tilde
  '\u02C7': '\u030C', // caron
  '\u00AF': '\u0304', // macron
  '\u02DA': '\u030A' // ring
}
const accentBeforeLetter = /([\u02D8\u00A8\u00B4\u02C6\u02DC\u02C7\u00AF\u02DA])(\p{L})/gu
const ligatures = /[\uFB00-\uFB06]/g
const oddSpaces = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g
const invisibles = /[\u00AD\u200B\u2060\uFEFF]/g

/** Control characters (Unicode's Cc) but tab and line feed. */
const controlCharacters = /[^\P{Cc}\t\n]/gu

/**
 * One line's text with its characters normalised (soft hyphens are handled by `joinLines`). The
 * characters page marks are made of go: only the front end writes page marks, never the PDF's text.
 */
export function normaliseCharacters(text: string): string {
  return (
    removePageMarkCharacters(text)
      .replace(ligatures, (ligature) => ligature.normalize('NFKC'))
      .replace(oddSpaces, ' ')
      .replace(
        accentBeforeLetter,
        (_, accent: string, letter: string) => letter + (spacingAccents[accent] ?? '')
      )
      .replace(/[\u200B\u2060\uFEFF]/g, '')
      // A glyph whose font maps it to no character comes out as a control character (often NUL): it
      // reads as nothing, and left in it would make the whole text look like binary data.
      .replace(controlCharacters, '')
      .normalize('NFC')
  )
}

const wordPattern = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu

/** Every word of the text, lower-cased, as the hyphen rule looks them up. */
export function wordsOf(lines: Iterable<string>): Set<string> {
  const words = new Set<string>()
  for (const line of lines) for (const match of line.matchAll(wordPattern)) words.add(match[0].toLowerCase())
  return words
}

export interface HyphenRule {
  /** Words of the text being imported (wordsOf). */
  words: ReadonlySet<string>
  /** A word list, for words the text has only once, split. */
  isWord?: (word: string) => boolean
}

const suffixes = [
  's',
  'es',
  'n',
  'an',
  'ian',
  'ns',
  'd',
  'ed',
  'ing',
  'er',
  'ers',
  'al',
  'ly',
  'ally',
  'ic',
  'ism',
  'ist',
  'ists',
  'ity',
  'ment',
  'ments',
  'ness',
  'ation',
  'ations'
]

/** "romanian" when the text has "romania": the joined word is a word of the text with an ending. */
function isInflectionOfTextWord(joined: string, words: ReadonlySet<string>): boolean {
  return suffixes.some(
    (suffix) =>
      joined.length - suffix.length >= 5 &&
      joined.endsWith(suffix) &&
      words.has(joined.slice(0, -suffix.length))
  )
}

/** Whether "left-" at a line's end and "right" at the next line's start are one word split in two. */
export function joinsWithoutHyphen(left: string, right: string, rule: HyphenRule): boolean {
  if (!/^\p{Ll}/u.test(right) || !/\p{L}$/u.test(left)) return false
  const joined = `${left}${right}`.toLowerCase()
  if (rule.words.has(joined) || isInflectionOfTextWord(joined, rule.words)) return true
  if (rule.words.has(`${left}-${right}`.toLowerCase())) return false
  // Only the parts the hyphen split matter: "self-re-" + "liance" → "reliance"; "vis-" + "à-vis" → "visà".
  const split = `${left.split('-').pop() ?? left}${right.split('-')[0] ?? right}`.toLowerCase()
  return rule.isWord?.(split) === true
}

/**
 * Lines of one paragraph (or note) joined into one text. A line may start with a page mark (the
 * page begins with it): the mark is kept where the line's text begins in the joined text.
 */
export function joinLines(lines: readonly string[], rule: HyphenRule): string {
  let text = ''
  for (const raw of lines) {
    const { pageIndex, rest } = takeLeadingPageMark(raw.trim())
    const line = rest.trim()
    if (line === '') continue
    const mark = pageIndex === null ? '' : pageMark(pageIndex)
    if (text === '') {
      text = mark + line
      continue
    }
    if (text.endsWith('\u00AD')) {
      text = text.slice(0, -1) + mark + line
      continue
    }
    const hyphen = /(\p{L}[\p{L}\p{M}'’-]*)-$/u.exec(text)
    const next = /^[\p{L}\p{M}'’-]*[\p{L}\p{M}]/u.exec(line)
    if (hyphen?.[1] && next) {
      text = joinsWithoutHyphen(hyphen[1], next[0], rule)
        ? text.slice(0, -1) + mark + line
        : text + mark + line
      continue
    }
    text = `${text} ${mark}${line}`
  }
  return text.replace(invisibles, '')
}

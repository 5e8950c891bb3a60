// Title case for titles and author names, including those set in capitals ("THE SINO-DPRK SPLIT").
// In an all-capitals title an acronym cannot be told from a word by its letters alone, so the
// document itself is asked: a word written in capitals inside ordinary mixed-case text is an acronym.

const functionWords = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'onto',
  'or',
  'per',
  'so',
  'than',
  'the',
  'to',
  'upon',
  'via',
  'vs',
  'with',
  'yet'
])

const wordPattern = /[\p{L}\p{N}]+/gu
const romanNumeralPattern = /^X{0,3}(?:IX|IV|V?I{0,3})$/

function hasLowercase(text: string): boolean {
  return /\p{Ll}/u.test(text)
}

function hasUppercase(text: string): boolean {
  return /\p{Lu}/u.test(text)
}

function hasVowel(word: string): boolean {
  return /[AEIOUY]/i.test(word.normalize('NFD'))
}

/**
 * Words written in capitals (two letters or more) in lines that are not themselves all capitals:
 * "DPRK" and "US" in running text are acronyms, while a shouted line says nothing about its words.
 */
export function collectAcronyms(lines: Iterable<string>): Set<string> {
  const acronyms = new Set<string>()
  for (const line of lines) {
    if (!hasLowercase(line)) continue
    for (const [word] of line.matchAll(wordPattern)) {
      if (word.length >= 2 && hasUppercase(word) && !hasLowercase(word)) acronyms.add(word)
    }
  }
  return acronyms
}

function capitaliseFirstLetter(word: string): string {
  const match = /\p{L}/u.exec(word)
  if (!match) return word
  const index = match.index
  return word.slice(0, index) + word.charAt(index).toUpperCase() + word.slice(index + 1)
}

/** Is this all-capitals word an acronym (kept in capitals) rather than a shouted word? */
function isAcronym(core: string, acronyms: ReadonlySet<string>): boolean {
  if (core.length < 2 || !hasUppercase(core)) return false
  if (acronyms.has(core)) return true
  if (/^\p{Lu}+$/u.test(core) && !hasVowel(core)) return true
  return core.length >= 2 && romanNumeralPattern.test(core)
}

function casePart(part: string, shouting: boolean, acronyms: ReadonlySet<string>, minor: boolean): string {
  const core = part.replace(/[^\p{L}\p{N}]/gu, '')
  if (core === '') return part
  if (shouting) {
    if (isAcronym(core, acronyms)) return part
  } else if (hasUppercase(core.slice(1))) {
    // Capitals inside the word (an acronym, "McCarthy", "iPhone"): as written.
    return part
  }
  const lower = part.toLowerCase()
  if (minor && functionWords.has(core.toLowerCase())) return lower
  return capitaliseFirstLetter(lower)
}

/**
 * Title case: capitalises words, keeps acronyms (and the acronym halves of "Sino-DPRK") in capitals,
 * lower-cases short function words inside the title. A title with no lower-case letter at all is
 * treated as shouted, and `acronyms` (see collectAcronyms) decides which of its words stay capitals.
 */
export function titleCase(text: string, acronyms: ReadonlySet<string> = new Set()): string {
  const shouting = !hasLowercase(text)
  const words = text.trim().split(/\s+/)
  return words
    .map((word, index) => {
      const previous = index > 0 ? words[index - 1] : undefined
      const startsPhrase = previous === undefined || /[:.?!—–]$/.test(previous)
      const minor = !startsPhrase && index < words.length - 1
      return word
        .split('-')
        .map((part, partIndex) => casePart(part, shouting, acronyms, minor && partIndex === 0))
        .join('-')
    })
    .join(' ')
}

// Selections grown to whole words: a highlight from a drag that stopped inside a word
// ("Pe|ninsula") covers the word, as a reader means it.

const wordCharacter = /[\p{L}\p{N}\p{M}]/u

function inWord(text: string, at: number): boolean {
  return at >= 0 && at < text.length && wordCharacter.test(text[at] ?? '')
}

/**
 * `start` and `end` (offsets in `text`, end exclusive) moved outwards to the edges of the words
 * they cut through; boundaries already between words stay where they are.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start, end }
  let from = start
  while (inWord(text, from - 1) && inWord(text, from)) from--
  let to = end
  while (inWord(text, to - 1) && inWord(text, to)) to++
  return { start: from, end: to }
}

// Plain text that comes without paragraph breaks: public-domain collections often ship a whole
// speech or chapter as one line, which reads as one endless paragraph. A line of a plain-text file
// that runs past `longLineWords` words is cut into paragraphs at sentence ends (the platform's
// Unicode sentence segmentation, Intl.Segmenter, as the reader uses for sentences), about
// `sentencesPerParagraph` sentences each, and the person is told. Markdown and HTML keep the
// paragraphs their authors wrote: only files named as plain text come here.

/** A line of more words than this has lost its paragraph breaks. */
export const longLineWords = 1000
/** Sentences per paragraph made; a short remainder joins the paragraph before it (so 5–8). */
export const sentencesPerParagraph = 6
const shortestRemainder = 3

export function isPlainTextName(fileName: string): boolean {
  return /\.(txt|text)$/i.test(fileName)
}

/** The number of words in `line`, counted no further than `limit + 1`. */
function wordsUpTo(line: string, limit: number): number {
  let words = 0
  for (const _ of line.matchAll(/\S+/g)) if (++words > limit) break
  return words
}

function splitLine(line: string, segmenter: Intl.Segmenter): string[] {
  const sentences = [...segmenter.segment(line)].map((segment) => segment.segment.trim()).filter(Boolean)
  const paragraphs: string[][] = []
  for (let index = 0; index < sentences.length; index += sentencesPerParagraph) {
    paragraphs.push(sentences.slice(index, index + sentencesPerParagraph))
  }
  const last = paragraphs.at(-1)
  const beforeLast = paragraphs.at(-2)
  if (last && beforeLast && last.length < shortestRemainder) {
    beforeLast.push(...last)
    paragraphs.pop()
  }
  return paragraphs.map((paragraph) => paragraph.join(' '))
}

export interface SplitText {
  text: string
  /** What was done, for the person importing; null when no line was long enough to split. */
  warning: string | null
}

/** Cuts every line of more than `longLineWords` words into paragraphs at sentence ends. */
export function splitLongLines(text: string): SplitText {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
  let split = 0
  let paragraphs = 0
  let longest = 0
  const lines = text.split('\n').map((line) => {
    if (line.length < longLineWords || wordsUpTo(line, longLineWords) <= longLineWords) return line
    split += 1
    longest = Math.max(longest, line.split(/\s+/).filter(Boolean).length)
    const pieces = splitLine(line, segmenter)
    paragraphs += pieces.length
    // A blank line before and after: each piece is a paragraph of its own.
    return `\n${pieces.join('\n\n')}\n`
  })
  if (split === 0) return { text, warning: null }
  const lineWord = split === 1 ? 'line' : 'lines'
  const count = (value: number) => value.toLocaleString('en')
  return {
    text: lines.join('\n'),
    warning:
      `The file had no paragraph breaks in ${count(split)} ${lineWord} of more than ${count(longLineWords)} words ` +
      `(the longest ${count(longest)} words): ${split === 1 ? 'it was' : 'they were'} split into ${count(paragraphs)} ` +
      `paragraphs of about ${sentencesPerParagraph} sentences, at sentence ends.`
  }
}

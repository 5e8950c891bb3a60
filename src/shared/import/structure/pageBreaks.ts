// Repairs what a PDF's page breaks did to the text: a paragraph cut in two ("…crystallised into a",
// blank line, "strong sense of…") is joined again, and a figure caption that the page layout dropped
// between the two halves is lifted out and placed after the re-joined paragraph. When the text has
// pages, the second half's page mark goes where it was joined: the page begins there.
import { pageMark } from './pageMarks'

/** 'item' is a list item: shown as a paragraph, but never joined (short items rarely end in a stop). */
export type FlowKind = 'abstract' | 'heading' | 'paragraph' | 'caption' | 'item'

/** A body block still in Markdown source form. */
export interface FlowItem {
  kind: FlowKind
  source: string
  /** Figure or table number for captions. */
  number: number | null
  /** The page the item begins on (an index into the front end's pages), when the text has pages. */
  pageIndex?: number
}

const captionPattern = /^[*_]{0,2}(?:Figure|Fig\.|Table)\s+(\d{1,4})[*_]{0,2}\s*[.:—–-]/i
// Markers and emphasis that may trail a paragraph after its real last character.
const trailingDecorationPattern = /(?:<sup>[^<]{0,40}<\/sup>|\[\^[^\]\s]{1,40}\]|\^\d{1,4}\^|[*_]+|\s+)$/i
const closingPunctuation = new Set(['"', "'", '’', '”', ')', ']', '»'])

/** The figure/table number when the paragraph is a caption ("Figure 2. …", "Fig. 2:", "Table 3."). */
export function captionNumber(source: string): number | null {
  const match = captionPattern.exec(source)
  return match?.[1] ? Number(match[1]) : null
}

/** How much of a paragraph's end is looked at to decide how it ends. */
const tailLength = 400

type Ending = 'final' | 'open' | 'pause'

/**
 * How a paragraph ends: 'final' after . ! ? …; 'open' after a word, a number, a comma or a hyphen
 * (it cannot be the end of a paragraph); 'pause' after : ; — (it could be).
 */
function classifyEnding(source: string): Ending {
  // Only the tail matters; looking at a bounded slice keeps this cheap on a huge paragraph.
  let tail = source.slice(-tailLength)
  for (;;) {
    const stripped = tail.replace(trailingDecorationPattern, '')
    if (stripped === tail) break
    tail = stripped
  }
  let end = tail.length
  while (end > 0 && closingPunctuation.has(tail[end - 1] ?? '')) end -= 1
  const last = tail[end - 1] ?? ''
  if (/[.!?…]/.test(last)) return 'final'
  if (/[\p{L}\p{N},\-‐]/u.test(last)) return 'open'
  return 'pause'
}

/** The first letter or digit (within the first few characters) is a lower-case letter. */
function startsInLowerCase(source: string): boolean {
  const match = /[\p{L}\p{N}]/u.exec(source.slice(0, 12))
  return match !== null && /\p{Ll}/u.test(match[0])
}

function startsWithWord(source: string): boolean {
  return /^[\p{L}\p{N}'"‘“(]/u.test(source)
}

/** Below this length a paragraph ending on a word is more likely a short label than a cut sentence. */
const minimumCutParagraphLength = 80
const sentenceBreakPattern = /[.!?]["'’”)]?\s+["'‘“(]?\p{Lu}/u

function shouldJoin(previousTail: string, previousLength: number, next: string): boolean {
  const ending = classifyEnding(previousTail)
  if (ending === 'final') return false
  if (startsInLowerCase(next)) return true
  // A cut before a capital ("…regarding" / "Korean affairs") is only believed of running prose: a long
  // paragraph that has finished sentences before its cut end. Lists of unpunctuated lines stay apart.
  return (
    ending === 'open' &&
    previousLength >= minimumCutParagraphLength &&
    sentenceBreakPattern.test(previousTail) &&
    startsWithWord(next)
  )
}

/** The separator between two halves: a word hyphenated across the break ("self-" / "reliance") keeps its hyphen, no space. */
function joinGlue(previousTail: string): string {
  return /\p{L}-$/u.test(previousTail) ? '' : ' '
}

/**
 * Joins paragraphs split by a page break. Captions standing between the two halves stay where they
 * are in the list, which after the join is right after the whole paragraph. Abstract paragraphs only
 * join abstract paragraphs; a heading always ends a paragraph.
 */
export function rejoinPageBreaks(items: readonly FlowItem[]): FlowItem[] {
  // Halves are collected and concatenated once at the end: appending to an ever longer string and
  // testing its end with a regex would be quadratic on a text of thousands of cut paragraphs.
  const result: { item: FlowItem; parts: string[]; tail: string; length: number }[] = []
  for (const item of items) {
    if (item.kind === 'paragraph' || item.kind === 'abstract') {
      let index = result.length - 1
      while (index >= 0 && result[index]?.item.kind === 'caption') index -= 1
      const previous = result[index]
      if (previous?.item.kind === item.kind && shouldJoin(previous.tail, previous.length, item.source)) {
        const mark = item.pageIndex === undefined ? '' : pageMark(item.pageIndex)
        const next = mark + item.source.trimStart()
        const glue = joinGlue(previous.tail)
        previous.parts.push(glue, next)
        previous.tail = (previous.tail + glue + next).slice(-tailLength)
        previous.length += glue.length + next.length
        continue
      }
    }
    const source = item.source.trimEnd()
    result.push({ item, parts: [source], tail: source.slice(-tailLength), length: source.length })
  }
  return result.map(({ item, parts }) => ({ ...item, source: parts.join('') }))
}

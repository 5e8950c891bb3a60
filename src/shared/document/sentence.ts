// The sentence (or sentences) a selection stands in, for proposing a cloze card from it. Uses the
// platform's Unicode sentence segmentation (Intl.Segmenter), present in Node and Chromium alike.

export function sentenceAround(
  text: string,
  start: number,
  end: number
): { start: number; end: number; text: string } {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
  let from = 0
  let to = text.length
  for (const segment of segmenter.segment(text)) {
    const segmentEnd = segment.index + segment.segment.length
    if (segmentEnd <= start) from = segmentEnd
    if (segment.index >= end) {
      to = segment.index
      break
    }
  }
  // Never wider than the selection's own paragraph.
  const paragraphStart = text.lastIndexOf('\n\n', start)
  const paragraphEnd = text.indexOf('\n\n', end)
  if (paragraphStart >= 0) from = Math.max(from, paragraphStart + 2)
  if (paragraphEnd >= 0) to = Math.min(to, paragraphEnd)
  const raw = text.slice(from, to)
  const leading = raw.length - raw.trimStart().length
  const trimmed = raw.trim()
  return { start: from + leading, end: from + leading + trimmed.length, text: trimmed }
}

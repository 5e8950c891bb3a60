// Cloze notes in Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`, several numbered
// deletions per note, each number one card. A small scanner rather than one regex, so that a
// malformed deletion (unclosed, no number, empty answer) stays literal text instead of eating
// the rest of the note.

export type ClozeSegment =
  { type: 'text'; text: string } | { type: 'deletion'; index: number; answer: string; hint: string | null }

const opening = /\{\{c(\d{1,3})::/g

/** Splits a note into text and deletions; anything that is not a well-formed deletion is text. */
export function parseCloze(note: string): ClozeSegment[] {
  const segments: ClozeSegment[] = []
  let text = ''
  let cursor = 0
  opening.lastIndex = 0
  for (let match = opening.exec(note); match; match = opening.exec(note)) {
    const index = Number(match[1])
    const bodyStart = match.index + match[0].length
    const close = note.indexOf('}}', bodyStart)
    // A deletion never spans another opening: `{{c1::a {{c2::b}}` keeps the first one literal.
    const nextOpen = note.indexOf('{{c', bodyStart)
    if (close < 0 || index < 1 || (nextOpen >= 0 && nextOpen < close)) continue
    const body = note.slice(bodyStart, close)
    const split = body.indexOf('::')
    const answer = split < 0 ? body : body.slice(0, split)
    const hint = split < 0 ? null : body.slice(split + 2).trim() || null
    if (answer.trim() === '') continue
    text += note.slice(cursor, match.index)
    if (text) segments.push({ type: 'text', text })
    text = ''
    segments.push({ type: 'deletion', index, answer, hint })
    cursor = close + 2
    opening.lastIndex = cursor
  }
  text += note.slice(cursor)
  if (text) segments.push({ type: 'text', text })
  return segments
}

/** The deletion numbers a note uses, ascending: one card each. */
export function clozeIndices(note: string): number[] {
  const found = new Set<number>()
  for (const segment of parseCloze(note)) if (segment.type === 'deletion') found.add(segment.index)
  return [...found].sort((left, right) => left - right)
}

/**
 * The one blank marker of the app: a cloze's hidden answer, a quiz's hidden name, a timeline
 * quiz's hidden date. A bare "…" means only that text was cut off.
 */
export const blank = '[…]'

/**
 * What a question asks for, chosen by the kind of actor: "Which state…", "Which organisation…",
 * else "Who…". `verb` is "is" or "was".
 */
export function whoQuestionWord(kind: 'person' | 'state' | 'organisation', verb: 'is' | 'was'): string {
  if (kind === 'state') return `Which state ${verb}`
  if (kind === 'organisation') return `Which organisation ${verb}`
  return `Who ${verb}`
}

export type ClozePart =
  | { kind: 'text'; text: string }
  /** The deletion this card asks for: `text` is the answer, `placeholder` what the front shows. */
  | { kind: 'asked'; text: string; placeholder: string }

/**
 * What card `index` of the note shows: its own deletions asked (shown as the hint or "[…]" on
 * the front, the answer on the back), every other deletion as plain text.
 */
export function clozeParts(note: string, index: number): ClozePart[] {
  const parts: ClozePart[] = []
  for (const segment of parseCloze(note)) {
    if (segment.type === 'text') parts.push({ kind: 'text', text: segment.text })
    else if (segment.index === index)
      parts.push({
        kind: 'asked',
        text: segment.answer,
        placeholder: segment.hint ? `[${segment.hint}]` : blank
      })
    else parts.push({ kind: 'text', text: segment.answer })
  }
  return parts
}

/** The card's front or back as plain text. */
export function renderCloze(note: string, index: number, side: 'front' | 'back'): string {
  return clozeParts(note, index)
    .map((part) => (part.kind === 'asked' && side === 'front' ? part.placeholder : part.text))
    .join('')
}

/** The answers card `index` asks for, joined; '' when the note has no such deletion. */
export function clozeAnswer(note: string, index: number): string {
  return clozeParts(note, index)
    .flatMap((part) => (part.kind === 'asked' ? [part.text] : []))
    .join(' … ')
}

/** The note read as prose: every deletion replaced by its answer. */
export function clozePlainText(note: string): string {
  return parseCloze(note)
    .map((segment) => (segment.type === 'text' ? segment.text : segment.answer))
    .join('')
}

// A standalone, printable HTML study sheet: title and citation, the notes grouped by section (each
// with its printed page, for a PDF), and the cards as questions and answers. Every user string is HTML-escaped and a Content-Security-Policy
// (`default-src 'none'`) forbids scripts, frames and remote loads, so opening the file runs nothing
// even if an escape were ever missed.
import type { Annotation, Card, HighlightColour } from '../types'
import { highlightColourIds } from '../types'
import {
  annotationPages,
  colourMeaning,
  escapeHtml,
  groupBySection,
  isoDate,
  type ExportBlock,
  type ExportDocument
} from './common'
import { highlightCss } from './w3c'

export interface StudySheetInput {
  document: ExportDocument
  annotations: readonly Annotation[]
  cards: readonly Card[]
  colours: readonly HighlightColour[]
  exportedAt: number
}

export const studySheetCsp = "default-src 'none'; style-src 'unsafe-inline'"

const styles = `
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
.byline, .citation, .exported { margin: .2rem 0; color: #444; }
blockquote { margin: .75rem 0 .25rem; padding: .25rem .75rem; border-left: 4px solid #999; }
.note-text { white-space: pre-wrap; margin: .25rem 0; }
.meta { font-size: .85rem; color: #555; margin: 0 0 1rem; }
.cards li { margin-bottom: .75rem; break-inside: avoid; }
.question, .answer { white-space: pre-wrap; margin: 0; }
.answer { color: #333; padding-left: 1rem; }
article { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
${highlightColourIds.map((id) => `.colour-${id} blockquote { border-left-color: ${highlightCss[id]}; background: ${highlightCss[id]}40; }`).join('\n')}
`

export function toStudySheetHtml(input: StudySheetInput): string {
  const { document, colours } = input
  const { metadata } = document
  const { sections, orphaned } = groupBySection(document.blocks, input.annotations)
  const parts: string[] = []
  parts.push(`<header>`, `<h1>${escapeHtml(metadata.title)}</h1>`)
  if (metadata.authors.length > 0)
    parts.push(`<p class="byline">${escapeHtml(metadata.authors.join(', '))}</p>`)
  if (metadata.citation) parts.push(`<p class="citation">${escapeHtml(metadata.citation.text)}</p>`)
  parts.push(`<p class="exported">Exported ${isoDate(input.exportedAt)}</p>`, `</header>`, `<main>`)
  for (const section of sections) {
    parts.push(`<section>`, `<h2>${escapeHtml(section.heading ?? 'Before the first heading')}</h2>`)
    for (const annotation of section.annotations) parts.push(noteHtml(annotation, document.blocks, colours))
    parts.push(`</section>`)
  }
  if (orphaned.length > 0) {
    parts.push(`<section>`, `<h2>Passages not found in the current text</h2>`)
    for (const annotation of orphaned) parts.push(noteHtml(annotation, document.blocks, colours))
    parts.push(`</section>`)
  }
  if (input.cards.length > 0) {
    parts.push(`<section class="cards">`, `<h2>Cards</h2>`, `<ol>`)
    for (const card of input.cards) {
      const { question, answer } = cardText(card)
      parts.push(
        `<li><p class="question">${escapeHtml(question)}</p><p class="answer">${escapeHtml(answer)}</p></li>`
      )
    }
    parts.push(`</ol>`, `</section>`)
  }
  parts.push(`</main>`)
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${studySheetCsp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(metadata.title)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    ...parts,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

function noteHtml(
  annotation: Annotation,
  blocks: readonly ExportBlock[],
  colours: readonly HighlightColour[]
): string {
  // The class name comes from the fixed list of colour ids, never from stored text.
  const colour = highlightColourIds.find((id) => id === annotation.colour)
  const lines = [`<article${colour ? ` class="colour-${colour}"` : ''}>`]
  lines.push(`<blockquote>${escapeHtml(annotation.target.quote.exact)}</blockquote>`)
  if (annotation.note.trim() !== '') lines.push(`<div class="note-text">${escapeHtml(annotation.note)}</div>`)
  const meta = [
    annotationPages(blocks, annotation),
    colourMeaning(colours, annotation.colour),
    annotation.tags.length > 0 ? annotation.tags.map((tag) => `#${tag}`).join(' ') : null
  ].filter((part) => part !== null)
  if (meta.length > 0) lines.push(`<p class="meta">${escapeHtml(meta.join(' · '))}</p>`)
  lines.push(`</article>`)
  return lines.join('\n')
}

const clozePattern = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g

/** A cloze card asks for its own deletion ("[…]" or the hint) and shows the others filled in. */
export function cardText(card: Card): { question: string; answer: string } {
  if (card.kind !== 'cloze') return { question: card.front, answer: card.back }
  const answers: string[] = []
  const question = card.front.replace(clozePattern, (_, index: string, answer: string, hint?: string) => {
    if (Number(index) !== card.clozeIndex) return answer
    answers.push(answer)
    return `[${hint ?? '…'}]`
  })
  const answer = [answers.join(', '), card.back].filter((part) => part !== '').join('\n')
  return { question, answer }
}

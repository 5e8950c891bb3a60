// Export of annotations as a W3C Web Annotation collection (JSON-LD, Web Annotation Data Model 2017).
//
// How Scholia's fields map onto the model:
// - id: `urn:uuid:<annotation id>`; motivation: 'commenting' when there is a note, else 'highlighting'.
// - body: the note as a TextualBody (text/markdown, purpose 'commenting'); one TextualBody per tag
//   (purpose 'tagging'); the colour's meaning as a TextualBody with purpose 'classifying' (the model's
//   motivation for "classify the target as something", which is what a colour legend does).
// - the colour itself: the target is a SpecificResource with `styleClass: "scholia-<colour>"`, and the
//   annotation carries the matching CssStylesheet — the model's own way (§4.4) to say how a target is
//   drawn. The import reads the colour back from the styleClass, so renaming a meaning loses nothing.
// - target.selector: [TextQuoteSelector, TextPositionSelector] with positions in code points of the
//   document's full text. An orphaned annotation keeps only its quote: its stored position no longer
//   points at the passage, and a wrong position would mislead other tools.
// - a PDF's passage names its page: the quote becomes the refinement (§4.2.9 refinedBy) of a
//   FragmentSelector `page=N` (RFC 3778, the physical page the passage starts on), so a PDF viewer
//   goes to the page and finds the quote on it: [FragmentSelector{refinedBy: TextQuoteSelector},
//   TextPositionSelector].
import type { Annotation, DocumentMetadata, HighlightColour, HighlightColourId, SourceFormat } from '../types'
import { colourMeaning, inReadingOrder, isoDateTime } from './common'
import { createCodePointConverter } from '../anchoring/codePoints'
import { pageRangeOf, type PagedBlock } from '../document/pages'

export const annoContext = 'http://www.w3.org/ns/anno.jsonld'

/** Highlight colours as CSS, so other tools that honour the stylesheet draw Scholia's colours. */
export const highlightCss: Record<HighlightColourId, string> = {
  yellow: '#fff3a3',
  green: '#c8f0c0',
  blue: '#c4e0ff',
  pink: '#ffd0e0',
  purple: '#e4d4ff'
}

export const styleClassPrefix = 'scholia-'

export interface W3cTextualBody {
  type: 'TextualBody'
  value: string
  format: 'text/plain' | 'text/markdown'
  purpose: 'commenting' | 'tagging' | 'classifying'
}

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface W3cTextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** The fragment syntax of PDF (RFC 3778): `page=N`. */
export const pdfFragmentSpecification = 'http://tools.ietf.org/rfc/rfc3778'

export interface W3cFragmentSelector {
  type: 'FragmentSelector'
  conformsTo: typeof pdfFragmentSpecification
  value: string
  refinedBy: W3cTextQuoteSelector
}

export interface W3cTarget {
  type: 'SpecificResource'
  source: string
  styleClass?: string
  selector: (W3cTextQuoteSelector | W3cTextPositionSelector | W3cFragmentSelector)[]
}

export interface W3cAnnotation {
  '@context'?: string
  id: string
  type: 'Annotation'
  motivation: 'commenting' | 'highlighting'
  created: string
  modified: string
  generated: string
  stylesheet?: { type: 'CssStylesheet'; value: string }
  body?: W3cTextualBody[]
  target: W3cTarget
}

export interface W3cAnnotationPage {
  id: string
  type: 'AnnotationPage'
  startIndex: 0
  items: W3cAnnotation[]
}

export interface W3cAnnotationCollection {
  '@context': string
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  generated: string
  first: W3cAnnotationPage
}

export interface W3cExportInput {
  document: {
    id: string
    metadata: DocumentMetadata
    fullText: string
    /** What the text was imported from, and its blocks: a PDF's passages name their page. */
    sourceFormat?: SourceFormat
    blocks?: readonly PagedBlock[]
  }
  annotations: readonly Annotation[]
  colours: readonly HighlightColour[]
  exportedAt: number
  /** A stable IRI for the document, e.g. documentIri(contentHash); defaults to one built from the id. */
  sourceIri?: string
}

/** The IRI Scholia gives a document: the hash of its text, so the same text has the same IRI everywhere. */
export function documentIri(contentHash: string): string {
  return `urn:scholia:document:${encodeURIComponent(contentHash)}`
}

/** Builds the JSON-LD object of an AnnotationCollection holding every annotation on one page. */
export function toW3cCollection(input: W3cExportInput): W3cAnnotationCollection {
  const { document, colours, exportedAt } = input
  const source = input.sourceIri ?? `urn:scholia:document:${encodeURIComponent(document.id)}`
  const ordered = inReadingOrder(input.annotations)
  const converter = createCodePointConverter(document.fullText)
  const clamp = (offset: number): number => Math.max(0, Math.min(document.fullText.length, offset))
  const generated = isoDateTime(exportedAt)
  const pdfBlocks = document.sourceFormat === 'pdf' ? (document.blocks ?? []) : []
  const items = ordered.map((annotation) => {
    const { start, end } = annotation.target.position
    return toW3cAnnotation(annotation, {
      source,
      colours,
      generated,
      start: converter.toCodePoint(clamp(start)),
      end: converter.toCodePoint(clamp(end)),
      page: pdfBlocks.length > 0 ? (pageRangeOf(pdfBlocks, start, end)?.first.physical ?? null) : null
    })
  })
  const collectionId = `urn:scholia:annotations:${encodeURIComponent(document.id)}`
  return {
    '@context': annoContext,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Annotations on ${document.metadata.title}`,
    total: items.length,
    generated,
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', startIndex: 0, items }
  }
}

interface AnnotationContext {
  source: string
  colours: readonly HighlightColour[]
  generated: string
  /** Code point offsets of the passage in the full text. */
  start: number
  end: number
  /** The PDF page (physical, 1-based) the passage starts on; null for other documents. */
  page: number | null
}

function toW3cAnnotation(annotation: Annotation, context: AnnotationContext): W3cAnnotation {
  const body: W3cTextualBody[] = []
  if (annotation.note !== '') {
    body.push({ type: 'TextualBody', value: annotation.note, format: 'text/markdown', purpose: 'commenting' })
  }
  for (const tag of annotation.tags) {
    body.push({ type: 'TextualBody', value: tag, format: 'text/plain', purpose: 'tagging' })
  }
  const meaning = colourMeaning(context.colours, annotation.colour)
  if (meaning !== null) {
    body.push({ type: 'TextualBody', value: meaning, format: 'text/plain', purpose: 'classifying' })
  }
  const { quote } = annotation.target
  const quoteSelector: W3cTextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix
  }
  const anchored = annotation.anchor.state === 'anchored'
  const selector: W3cTarget['selector'] = [
    anchored && context.page !== null
      ? {
          type: 'FragmentSelector',
          conformsTo: pdfFragmentSpecification,
          value: `page=${context.page}`,
          refinedBy: quoteSelector
        }
      : quoteSelector
  ]
  if (anchored) selector.push({ type: 'TextPositionSelector', start: context.start, end: context.end })
  const target: W3cTarget = { type: 'SpecificResource', source: context.source, selector }
  const result: W3cAnnotation = {
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.note !== '' ? 'commenting' : 'highlighting',
    created: isoDateTime(annotation.createdAt),
    modified: isoDateTime(annotation.updatedAt),
    generated: context.generated,
    target
  }
  if (annotation.colour !== null) {
    target.styleClass = `${styleClassPrefix}${annotation.colour}`
    result.stylesheet = {
      type: 'CssStylesheet',
      value: `.${target.styleClass} { background-color: ${highlightCss[annotation.colour]}; }`
    }
  }
  if (body.length > 0) result.body = body
  return result
}

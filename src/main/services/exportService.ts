// Exports: runs the pure formatters (shared/export) over one document or the whole library,
// filtered by tag and colour, and hands back files ({fileName, mimeType, content}) that the
// renderer downloads (browser mode) or that saveExport writes where the person chose (Electron).
import type { Annotation, Card, DocumentMetadata, HighlightColour, SourceFormat } from '../../shared/types'
import {
  createUniqueFileNamer,
  documentIri,
  toAnkiText,
  toBibtex,
  toCsv,
  toMarkdown,
  toRis,
  toStudySheetHtml,
  toW3cCollection,
  type ExportBlock
} from '../../shared/export'
import type { ExportFile, ExportFormat, ExportRequest } from '../../shared/library/types'
import { UserError } from '../../shared/userError'

export interface ExportableDocument {
  id: string
  metadata: DocumentMetadata
  contentHash: string
  sourceFormat: SourceFormat
  blocks: readonly ExportBlock[]
  fullText: string
}

export interface ExportServiceDependencies {
  /** Ids of every document present in the library, in library order. */
  documentIds: () => string[]
  documentOf: (documentId: string) => ExportableDocument
  annotationsOf: (documentId: string) => Annotation[]
  cardsOf: (documentId: string) => Card[]
  colours: () => HighlightColour[]
  /** A consistent copy of the whole database, for the library format. */
  libraryCopy: () => Promise<Uint8Array>
  now: () => number
}

const mimeTypes: Record<Exclude<ExportFormat, 'library'>, { ext: string; mimeType: string }> = {
  markdown: { ext: 'md', mimeType: 'text/markdown;charset=utf-8' },
  w3c: { ext: 'jsonld', mimeType: 'application/ld+json;charset=utf-8' },
  csv: { ext: 'csv', mimeType: 'text/csv;charset=utf-8' },
  anki: { ext: 'txt', mimeType: 'text/plain;charset=utf-8' },
  bibtex: { ext: 'bib', mimeType: 'application/x-bibtex;charset=utf-8' },
  ris: { ext: 'ris', mimeType: 'application/x-research-info-systems;charset=utf-8' },
  studySheet: { ext: 'html', mimeType: 'text/html;charset=utf-8' }
}

/** Name suffixes that say what a file holds, so "Title.md" (notes) and "Title cards.txt" differ. */
const nameSuffix: Partial<Record<ExportFormat, string>> = {
  markdown: ' notes',
  w3c: ' annotations',
  csv: ' notes',
  anki: ' cards for Anki',
  studySheet: ' study sheet'
}

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

export function createExportService(dependencies: ExportServiceDependencies) {
  const { documentOf, annotationsOf, cardsOf, colours, now } = dependencies

  function filteredAnnotations(request: ExportRequest, documentId: string): Annotation[] {
    return annotationsOf(documentId).filter(
      (annotation) =>
        (request.tag === undefined || annotation.tags.includes(request.tag)) &&
        (request.colour === undefined || annotation.colour === request.colour)
    )
  }

  function filteredCards(request: ExportRequest, documentId: string): Card[] {
    return cardsOf(documentId).filter((card) => request.tag === undefined || card.tags.includes(request.tag))
  }

  function oneDocument(format: Exclude<ExportFormat, 'library'>, request: ExportRequest, id: string): string {
    const document = documentOf(id)
    const exportedAt = now()
    const annotations = filteredAnnotations(request, id)
    switch (format) {
      case 'markdown':
        return toMarkdown({ document, annotations, colours: colours(), exportedAt })
      case 'w3c':
        return `${JSON.stringify(
          toW3cCollection({
            document,
            annotations,
            colours: colours(),
            exportedAt,
            sourceIri: documentIri(document.contentHash)
          }),
          null,
          2
        )}\n`
      case 'csv':
        return toCsv({ document, annotations, colours: colours() })
      case 'anki':
        return toAnkiText({ documentTitle: document.metadata.title, cards: filteredCards(request, id) })
      case 'bibtex':
        return toBibtex(document.metadata)
      case 'ris':
        return toRis(document.metadata)
      case 'studySheet':
        return toStudySheetHtml({
          document,
          annotations,
          cards: filteredCards(request, id),
          colours: colours(),
          exportedAt
        })
    }
  }

  /** Later documents' files joined to the first: their header lines (CSV header, Anki #lines) dropped. */
  function joinFiles(format: ExportFormat, texts: string[]): string {
    if (texts.length === 0) return ''
    const [first = '', ...rest] = texts
    if (format === 'csv') {
      return first + rest.map((text) => text.replace(/^\uFEFF/, '').replace(/^[^\r\n]*\r\n/, '')).join('')
    }
    if (format === 'anki') {
      const body = (text: string): string =>
        text
          .split('\n')
          .filter((line) => !line.startsWith('#'))
          .join('\n')
      return [first.replace(/\n+$/, ''), ...rest.map((text) => body(text).replace(/^\n+|\n+$/g, ''))]
        .filter((text) => text !== '')
        .join('\n')
        .concat('\n')
    }
    return texts.map((text) => text.replace(/\n+$/, '')).join('\n\n') + '\n'
  }

  async function exportFiles(request: ExportRequest): Promise<ExportFile[]> {
    const { format } = request
    if (format === 'library') {
      const bytes = await dependencies.libraryCopy()
      return [
        {
          fileName: `Scholia library ${isoDay(now())}.scholia`,
          mimeType: 'application/vnd.sqlite3',
          encoding: 'base64',
          content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
        }
      ]
    }
    const ids = request.documentId === null ? dependencies.documentIds() : [request.documentId]
    if (ids.length === 0) throw new UserError('refused', 'The library is empty: there is nothing to export.')
    const { ext, mimeType } = mimeTypes[format]
    const namer = createUniqueFileNamer()
    const texts = ids.map((id) => ({ id, text: oneDocument(format, request, id) }))
    // One file per document where each file stands alone (an Obsidian note, a collection, a
    // sheet); one file for all where the format is a list (CSV rows, Anki notes, references).
    const perDocument = format === 'markdown' || format === 'w3c' || format === 'studySheet'
    if (perDocument || ids.length === 1) {
      return texts.map(({ id, text }) => ({
        fileName: namer(`${documentOf(id).metadata.title}${nameSuffix[format] ?? ''}`, ext),
        mimeType,
        encoding: 'utf8',
        content: text
      }))
    }
    return [
      {
        fileName: namer(`Scholia library${nameSuffix[format] ?? ''} ${isoDay(now())}`, ext),
        mimeType,
        encoding: 'utf8',
        content: joinFiles(
          format,
          texts.map(({ text }) => text)
        )
      }
    ]
  }

  return { exportFiles }
}

export type ExportService = ReturnType<typeof createExportService>

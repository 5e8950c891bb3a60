// Notes export as Markdown for Obsidian (or any CommonMark reader): YAML front matter that Obsidian
// reads as properties, then the annotations in reading order under the document's own section
// headings — each the quoted passage, the note, its printed page (a PDF's), its tags, the colour's
// meaning and a link back.
import { Document as YamlDocument, Scalar } from 'yaml'
import type { Annotation, HighlightColour } from '../types'
import {
  annotationPages,
  colourMeaning,
  groupBySection,
  isoDate,
  scholiaLink,
  type ExportDocument
} from './common'
import { escapeMarkdownText, obsidianTag, sanitizeNoteMarkdown } from './markdownText'

export interface MarkdownExportInput {
  document: ExportDocument
  annotations: readonly Annotation[]
  colours: readonly HighlightColour[]
  exportedAt: number
}

export const orphanedHeading = 'Passages not found in the current text'
const beforeFirstHeading = 'Before the first heading'

/**
 * The front matter, written by the `yaml` library: every string double-quoted (so a title such as
 * `no: yes` or one holding `---` or a line break stays one string), the export date left plain so
 * Obsidian types it as a date.
 */
export function frontMatter(input: MarkdownExportInput, tags: readonly string[]): string {
  const { metadata } = input.document
  const fields: Record<string, unknown> = {
    title: metadata.title,
    author: metadata.authors,
    citation: metadata.citation?.text ?? null,
    tags,
    exported: isoDate(input.exportedAt),
    source: scholiaLink(input.document.id, 0)
  }
  if (fields.citation === null) delete fields.citation
  const yaml = new YamlDocument(fields)
  const exported = yaml.get('exported', true)
  if (exported instanceof Scalar) exported.type = Scalar.PLAIN
  const body = yaml.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })
  return `---\n${body}---\n`
}

/** The whole Markdown file. */
export function toMarkdown(input: MarkdownExportInput): string {
  const { document, colours } = input
  const { metadata } = document
  const { sections, orphaned } = groupBySection(document.blocks, input.annotations)
  const allTags = unique([
    ...metadata.keywords.map(obsidianTag),
    ...input.annotations.flatMap((annotation) => annotation.tags.map(obsidianTag))
  ])
  const parts: string[] = [frontMatter(input, allTags), `# ${escapeMarkdownText(metadata.title)}`]
  const byline = [metadata.authors.join(', '), metadata.citation?.text ?? ''].filter((part) => part !== '')
  if (byline.length > 0) parts.push(escapeMarkdownText(byline.join(' — ')))
  for (const section of sections) {
    parts.push(`## ${escapeMarkdownText(section.heading ?? beforeFirstHeading)}`)
    for (const annotation of section.annotations) parts.push(...entry(annotation, document, colours))
  }
  if (orphaned.length > 0) {
    parts.push(`## ${orphanedHeading}`)
    for (const annotation of orphaned) parts.push(...entry(annotation, document, colours))
  }
  return `${parts.join('\n\n')}\n`
}

function entry(
  annotation: Annotation,
  document: ExportDocument,
  colours: readonly HighlightColour[]
): string[] {
  const blocks: string[] = []
  const quote = annotation.target.quote.exact.replace(/\r\n?/g, '\n')
  if (quote.trim() !== '') {
    blocks.push(
      quote
        .split('\n')
        .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdownText(line)}`))
        .join('\n')
    )
  }
  if (annotation.note.trim() !== '') blocks.push(sanitizeNoteMarkdown(annotation.note))
  const details: string[] = []
  const pages = annotationPages(document.blocks, annotation)
  if (pages !== null) details.push(escapeMarkdownText(pages))
  const tags = unique(annotation.tags.map(obsidianTag))
  if (tags.length > 0) details.push(`Tags: ${tags.map((tag) => `#${tag}`).join(' ')}`)
  const meaning = colourMeaning(colours, annotation.colour)
  if (meaning !== null) details.push(`Colour: ${escapeMarkdownText(meaning)}`)
  details.push(`[Open in Scholia](${scholiaLink(document.id, annotation.target.position.start)})`)
  blocks.push(details.join(' · '))
  return blocks
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))]
}

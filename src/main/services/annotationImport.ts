// "Import annotations (W3C)…": a Web Annotation export (Scholia's own or another tool's) read back
// into one document. Each passage is found again in the document's current text the way a changed
// document's notes are (position, quote, then approximately with a score) or kept orphaned with its
// selectors; annotations already there (same id) are skipped, so importing a file twice adds
// nothing. Everything is checked before anything is written, and all rows go in one transaction.
import { createHash } from 'node:crypto'
import { placeTarget, type AnchorWork } from '../../shared/anchoring'
import { fromW3cCollection, W3cImportError } from '../../shared/export/w3cImport'
import { hasLoneSurrogate } from '../../shared/text/normalize'
import {
  type AnnotationImportProgress,
  maxAnnotationFileBytes,
  maxImportedAnnotations,
  type ImportAnnotationsResult
} from '../../shared/library/types'
import type { Annotation, Block, HighlightColour } from '../../shared/types'
import { UserError } from '../../shared/userError'
import type { Db } from '../db/connection'
import type { AnnotationRepository } from '../db/repositories/annotationRepository'
import { maxNoteLength, normalizeTags } from './annotationService'

// Shared with the renderer, which refuses a larger file before reading it.
export { maxAnnotationFileBytes, maxImportedAnnotations }
/** Ids longer than the API accepts (other tools may use long IRIs) are replaced by a derived one. */
const maxIdLength = 200
/**
 * Characters an id may hold as it is: printable ASCII without spaces. The reader lists the ids
 * of overlapping highlights in one space-separated attribute, so an id with a space (or a
 * character a tool may turn into one) would cut the link between a highlight and its note.
 */
const safeIdPattern = /^[\x21-\x7E]+$/

/** The id an annotation keeps in Scholia: its own when it is safe to use as it is, else a derived one. */
function usableId(documentId: string, id: string): string {
  return id.length <= maxIdLength && safeIdPattern.test(id) ? id : derivedAnnotationId(documentId, id)
}

/**
 * Re-anchoring work one imported file may ask for (AnchorWork units: 0.2–0.5 s on the 2-core build
 * machine). A file of 100 look-alike quotes on a 1 MB text held the process for 14–35 s. It covers
 * about 500 passages moved with a word changed, or 25–50 passages deleted from a 1 MB text (each
 * looked for in the whole text); passages past it are imported as orphaned, and the summary says so.
 */
export const annotationImportWork = 50_000_000
/** How often (in annotations) reading a file reports its progress. */
const progressStep = 200

export interface ImportAnnotationsInput {
  documentId: string
  fileName: string
  text: string
}

/** Everything reading a file needs: plain data, so that it can run on the import thread. */
export interface ReadAnnotationsJob extends ImportAnnotationsInput {
  fullText: string
  blocks: Block[]
  colours: HighlightColour[]
  now: number
}

export interface ReadAnnotations {
  /** Checked and placed (anchored or orphaned), ready to store. */
  annotations: Annotation[]
  /** Indexes of those orphaned unsearched because the file used up its work budget. */
  unsearched: number[]
}

/** Annotations read so far out of all in the file, while their passages are looked for. */
export type ReadProgress = AnnotationImportProgress

export interface AnnotationImportDependencies {
  db: Db
  annotations: AnnotationRepository
  documentText: (documentId: string) => { fullText: string; blocks: Block[] }
  colours: () => HighlightColour[]
  now: () => number
  /** Reads a file (readAnnotationFile) off the main thread: importRunners.ts. */
  read: (job: ReadAnnotationsJob, onProgress: (progress: ReadProgress) => void) => Promise<ReadAnnotations>
}

/**
 * A stable id for an annotation whose own id cannot be used in this document (it belongs to a note
 * in another document, is too long, or holds spaces): the same file imported again gets the same ids, so it is
 * still skipped rather than duplicated. Formatted as a UUID (version 8, "custom").
 */
export function derivedAnnotationId(documentId: string, id: string): string {
  const hex = createHash('sha256').update(`${documentId}\u0000${id}`).digest('hex')
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * A JSON.parse reviver that refuses text holding half a surrogate pair (`"\ud800"` is valid JSON):
 * stored, it would become U+FFFD, so an id would not even match itself on the next import.
 */
function refuseLoneSurrogates(fileName: string): (key: string, value: unknown) => unknown {
  return (key, value) => {
    if (hasLoneSurrogate(key) || (typeof value === 'string' && hasLoneSurrogate(value))) {
      throw new UserError(
        'invalid-input',
        `${fileName} holds a broken character (half of a UTF-16 surrogate pair, written like \\ud800 in JSON). Nothing was imported: export the annotations again, or remove that character.`
      )
    }
    return value
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}

/** How many annotations the parsed file holds, counted before any of them is read. */
function itemCount(root: unknown): number {
  if (typeof root !== 'object' || root === null) return 0
  const record = root as Record<string, unknown>
  const first = record.first
  const page = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : record
  return Array.isArray(page.items) ? page.items.length : 1
}

function summary(
  fileName: string,
  imported: number,
  skipped: number,
  orphaned: number,
  unsearched: number
): string {
  const parts = [
    imported === 0
      ? `No new annotations in ${fileName}`
      : `Imported ${plural(imported, 'annotation', 'annotations')} from ${fileName}`
  ]
  if (skipped > 0) {
    parts.push(
      `${plural(skipped, 'was', 'were')} already in this document and left as ${skipped === 1 ? 'it was' : 'they were'}`
    )
  }
  if (orphaned > 0) {
    parts.push(
      `${plural(orphaned, 'passage was', 'passages were')} not found in the current text and ${orphaned === 1 ? 'is' : 'are'} listed as orphaned`
    )
  }
  if (unsearched > 0) {
    parts.push(
      `${plural(unsearched, 'of them was', 'of them were')} not looked for, because the file asks for more matching than one import does: re-attach ${unsearched === 1 ? 'it' : 'them'} from the orphaned notes`
    )
  }
  return `${parts.join('; ')}.`
}

/** Placed like a changed document's notes: position, quote, then approximately; else orphaned. */
function reanchored(
  annotation: Annotation,
  fullText: string,
  blocks: readonly Block[],
  work: AnchorWork
): { annotation: Annotation; unsearched: boolean } {
  const placement = placeTarget(fullText, blocks, annotation.target, { work })
  if (placement.state === 'orphaned') {
    return {
      annotation: { ...annotation, anchor: { state: 'orphaned', score: placement.score } },
      unsearched: placement.reason === 'budget'
    }
  }
  return {
    annotation: {
      ...annotation,
      target: placement.target,
      anchor: { state: 'anchored', score: placement.score }
    },
    unsearched: false
  }
}

/**
 * Every check and every placement of an import, before its one write transaction: pure, so that
 * it runs on the import thread. Throws UserError for a file that cannot be imported.
 */
export function readAnnotationFile(
  job: ReadAnnotationsJob,
  onProgress: (progress: ReadProgress) => void = () => undefined
): ReadAnnotations {
  const { documentId, fileName, text, fullText, blocks } = job
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > maxAnnotationFileBytes) {
    throw new UserError(
      'refused',
      `${fileName} is ${megabytes(bytes)}; Scholia imports annotation files of up to ${megabytes(maxAnnotationFileBytes)}.`
    )
  }
  let root: unknown
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''), refuseLoneSurrogates(fileName)) as unknown
  } catch (error) {
    if (error instanceof UserError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new UserError(
      'invalid-input',
      `${fileName} is not valid JSON (${detail}), so it cannot be a W3C Web Annotation export. Nothing was imported.`
    )
  }
  const count = itemCount(root)
  if (count > maxImportedAnnotations) {
    throw new UserError(
      'refused',
      `${fileName} holds ${count.toLocaleString('en')} annotations; Scholia imports at most ${maxImportedAnnotations.toLocaleString('en')} at a time. Nothing was imported.`
    )
  }
  let read: Annotation[]
  try {
    read = fromW3cCollection(root, fullText, { documentId, blocks, now: job.now, colours: job.colours })
  } catch (error) {
    if (error instanceof W3cImportError)
      throw new UserError('invalid-input', `${fileName}: ${error.message} Nothing was imported.`)
    throw error
  }
  const work: AnchorWork = { remaining: annotationImportWork, candidates: 0 }
  const unsearched: number[] = []
  const annotations = read.map((annotation, index) => {
    if (index % progressStep === 0) onProgress({ done: index, total: read.length })
    const where = `annotation ${index + 1} in ${fileName}`
    if (annotation.note.length > maxNoteLength) {
      throw new UserError(
        'invalid-input',
        `The note of ${where} is ${annotation.note.length.toLocaleString('en')} characters long; a note can hold at most ${maxNoteLength.toLocaleString('en')}. Nothing was imported.`
      )
    }
    let tags: string[]
    try {
      tags = normalizeTags(annotation.tags)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      throw new UserError('invalid-input', `${where}: ${message} Nothing was imported.`)
    }
    const placed = reanchored(annotation, fullText, blocks, work)
    if (placed.unsearched) unsearched.push(index)
    return { ...placed.annotation, tags }
  })
  onProgress({ done: read.length, total: read.length })
  return { annotations, unsearched }
}

export function createAnnotationImport(dependencies: AnnotationImportDependencies) {
  const { db, annotations, documentText, colours, now } = dependencies
  const { read } = dependencies
  // The latest progress of each document's running import, for the renderer to poll.
  const running = new Map<string, ReadProgress>()

  type Step = { kind: 'insert' | 'restore'; annotation: Annotation } | { kind: 'skip' }

  /** What to do with one annotation, given what the library already holds under its id. */
  function stepFor(annotation: Annotation, seen: Set<string>): Step {
    let id = usableId(annotation.documentId, annotation.id)
    let existing = annotations.findById(id)
    if (existing && existing.documentId !== annotation.documentId) {
      // The same note exported from another document (a copy of the text): a new id of its own here.
      id = derivedAnnotationId(annotation.documentId, annotation.id)
      existing = annotations.findById(id)
    }
    if (seen.has(id)) return { kind: 'skip' }
    seen.add(id)
    if (existing && existing.deletedAt === null) return { kind: 'skip' }
    // A deleted note comes back whole, as the file has it (deletion is soft: its row is still there).
    return { kind: existing ? 'restore' : 'insert', annotation: { ...annotation, id } }
  }

  return {
    async importAnnotations(input: ImportAnnotationsInput): Promise<ImportAnnotationsResult> {
      const { documentId } = input
      if (running.has(documentId))
        throw new UserError(
          'conflict',
          'Annotations are already being imported into this document: wait for that import to finish.'
        )
      const { fullText, blocks } = documentText(documentId)
      running.set(documentId, { done: 0, total: 0 })
      let outcome: ReadAnnotations
      try {
        outcome = await read({ ...input, fullText, blocks, colours: colours(), now: now() }, (progress) =>
          running.set(documentId, progress)
        )
      } finally {
        running.delete(documentId)
      }
      // The document may have been removed or changed while the file was read: read it again.
      if (documentText(documentId).fullText !== fullText)
        throw new UserError(
          'conflict',
          'The document changed while its annotations were being imported. Nothing was imported: import the file again.'
        )
      const prepared = outcome.annotations
      let imported = 0
      let skipped = 0
      let orphaned = 0
      let unsearched = 0
      const notSearched = new Set(outcome.unsearched.map((index) => prepared[index]))
      db.transaction(() => {
        const seen = new Set<string>()
        for (const annotation of prepared) {
          const step = stepFor(annotation, seen)
          if (step.kind === 'skip') {
            skipped++
            continue
          }
          if (step.kind === 'insert') annotations.insert(step.annotation)
          else {
            annotations.update(step.annotation)
            annotations.setDeleted(step.annotation.id, null, step.annotation.updatedAt)
          }
          imported++
          if (step.annotation.anchor.state === 'orphaned') orphaned++
          if (notSearched.has(annotation)) unsearched++
        }
      })()
      return {
        imported,
        skipped,
        orphaned,
        message: summary(input.fileName, imported, skipped, orphaned, unsearched)
      }
    },

    /** How far the running import into this document has got, or null when none is running. */
    progress(documentId: string): ReadProgress | null {
      return running.get(documentId) ?? null
    }
  }
}

export type AnnotationImport = ReturnType<typeof createAnnotationImport>

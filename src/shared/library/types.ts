// Types of the library's API: exports, the library list with counts, backups and start-up notices.
// Plain data: they cross the IPC / HTTP boundary as JSON.
import type { DocumentSummary, HighlightColourId } from '../types'

export const exportFormats = [
  'markdown',
  'w3c',
  'csv',
  'anki',
  'bibtex',
  'ris',
  'studySheet',
  'library'
] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface ExportRequest {
  /** One document, or null for every document in the library. */
  documentId: string | null
  format: ExportFormat
  /** Only annotations (and cards) with this tag. */
  tag?: string
  /** Only annotations with this highlight colour. */
  colour?: HighlightColourId
}

export interface ExportFile {
  fileName: string
  mimeType: string
  /** Text files travel as UTF-8 text; binary ones (a whole library) as base64. */
  encoding: 'utf8' | 'base64'
  content: string
}

export type SaveExportResult = { saved: true; paths: string[] } | { saved: false }

/** A printable study sheet as PDF (desktop app only): the study sheet's document and filters. */
export type StudySheetPdfRequest = Omit<ExportRequest, 'format'>

/**
 * Larger annotation files are refused before they are read (the renderer) or parsed (the back end).
 * As large as an imported text: Scholia's own W3C export takes about 1.4 kB a note, so 20 MB would
 * refuse its own export of 15,000 notes; the API's 64 MB request limit bounds it from above.
 */
export const maxAnnotationFileBytes = 50 * 1024 * 1024
export const maxImportedAnnotations = 100_000

/** What "Import annotations (W3C)…" did; `message` says it in words for a toast. */
/** Annotations of a running import whose passages have been looked for, out of all in its file. */
export interface AnnotationImportProgress {
  done: number
  total: number
}

export interface ImportAnnotationsResult {
  /** Annotations added (or brought back after a deletion). */
  imported: number
  /** Annotations already in the document (same id): left as they are, so importing twice adds nothing. */
  skipped: number
  /** Of the imported ones, those whose passage was not found in the current text. */
  orphaned: number
  message: string
}

export interface LibraryEntry extends DocumentSummary {
  annotationCount: number
  cardCount: number
  /** 0..1: how far the reader got (the block of the saved position over the block count); null when never read. */
  progress: number | null
  /** The file the text was imported from. */
  sourceName: string
}

export interface BackupInfo {
  fileName: string
  kind: 'daily' | 'before-migration' | 'before-restore' | 'manual'
  createdAt: number
  bytes: number
}

/** Something the app must tell the person once after it started (e.g. a damaged library was restored). */
export interface StartupNotice {
  tone: 'info' | 'warning'
  message: string
}

export interface UpdateFromFileResult {
  unchanged: boolean
  anchored: number
  orphaned: number
  warnings: string[]
}

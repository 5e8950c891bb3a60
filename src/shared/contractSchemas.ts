// Validation of every API method's arguments, applied by the transports before a service sees them.
// Schemas are strict: unknown keys, wrong types and oversized strings are refused.
import { z } from 'zod'
import {
  maxImportTextLength,
  maxLibraryBytes,
  maxUploadBytes,
  type ApiArgs,
  type ApiMethodName
} from './contract'
import { studyArgumentSchemas } from './study/schemas'
import { highlightColourIds } from './types'
import { searchKinds } from './search/types'
import { exportFormats } from './library/types'
import { hasLoneSurrogate } from './text/normalize'

const id = z.string().min(1).max(200)
const empty = z.strictObject({})
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
const colour = z.enum(highlightColourIds)
const tags = z.array(z.string().max(200)).max(200)
const maxNoteTransportLength = 1_000_000

const importId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
const fileNameArgument = z.string().min(1).max(1024)
// A file's bytes (a Uint8Array through IPC, the upload body over HTTP); the service checks the size
// again with a message that names it.
const fileBytes = z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= maxUploadBytes, {
  message: `larger than the ${maxUploadBytes / (1024 * 1024)} MB import limit`
})

const exportRequest = z.strictObject({
  documentId: id.nullable(),
  format: z.enum(exportFormats),
  tag: z.string().max(200).optional(),
  colour: colour.optional()
})

const studySheetPdfRequest = exportRequest.omit({ format: true })

export const apiArgumentSchemas: { [K in ApiMethodName]: z.ZodType<ApiArgs<K>> } = {
  ...studyArgumentSchemas,
  getAppInfo: empty,
  listDocuments: empty,
  getDocument: z.strictObject({ documentId: id }),
  importDocument: z.strictObject({
    fileName: z.string().min(1).max(1024),
    text: z.string().max(maxImportTextLength)
  }),
  importDocumentFile: z.strictObject({
    fileName: fileNameArgument,
    bytes: fileBytes,
    importId: importId.optional()
  }),
  getImportProgress: z.strictObject({ importId }),
  removeDocument: z.strictObject({ documentId: id }),
  getDocumentPdf: z.strictObject({ documentId: id }),
  getSettings: empty,
  updateSettings: z.strictObject({
    fontSize: z.number().int().min(12).max(32).optional(),
    columnWidth: z.number().int().min(40).max(100).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional()
  }),
  getReadingPosition: z.strictObject({ documentId: id }),
  saveReadingPosition: z.strictObject({
    documentId: id,
    blockId: id,
    fraction: z.number().min(0).max(1)
  }),
  listAnnotations: z.strictObject({ documentId: id }),
  createAnnotation: z.strictObject({
    documentId: id,
    start: offset,
    end: offset,
    colour: colour.nullable(),
    // Longer notes are refused by the service with a message that says how long they are.
    note: z.string().max(maxNoteTransportLength).optional(),
    tags: tags.optional()
  }),
  updateAnnotation: z.strictObject({
    id,
    note: z.string().max(maxNoteTransportLength).optional(),
    tags: tags.optional(),
    colour: colour.nullable().optional()
  }),
  deleteAnnotation: z.strictObject({ id }),
  restoreAnnotation: z.strictObject({ id }),
  reattachAnnotation: z.strictObject({ id, start: offset, end: offset }),
  listTags: empty,
  getHighlightColours: empty,
  updateHighlightColours: z.strictObject({
    colours: z
      .array(z.strictObject({ id: colour, meaning: z.string().min(1).max(40) }))
      .max(highlightColourIds.length)
  }),
  search: z.strictObject({
    // Any text is a valid query (the parser never fails); only its size is bounded.
    query: z.string().max(1000),
    filters: z
      .strictObject({
        documentId: id.optional(),
        colour: z.string().max(40).optional(),
        tag: z.string().max(200).optional(),
        kinds: z.array(z.enum(searchKinds)).max(searchKinds.length).optional()
      })
      .optional(),
    limit: z.number().int().min(1).max(100).optional()
  }),
  getSearchStatus: empty,
  getSearchFacets: empty,
  listLibrary: empty,
  restoreDocument: z.strictObject({ documentId: id }),
  updateDocumentDetails: z.strictObject({
    documentId: id,
    title: z.string().max(2000),
    authors: z.array(z.string().max(1000)).max(100)
  }),
  updateDocumentFromFile: z.strictObject({
    documentId: id,
    fileName: z.string().min(1).max(1024),
    text: z.string().max(maxImportTextLength)
  }),
  updateDocumentFromFileBytes: z.strictObject({
    documentId: id,
    fileName: fileNameArgument,
    bytes: fileBytes,
    importId: importId.optional()
  }),
  exportFiles: exportRequest,
  saveExport: exportRequest,
  saveStudySheetPdf: studySheetPdfRequest,
  // The file size limit (maxAnnotationFileBytes) is checked by the service, with a message naming it.
  importAnnotations: z.strictObject({
    documentId: id,
    fileName: z.string().min(1).max(1024),
    text: z.string().max(maxImportTextLength)
  }),
  getAnnotationImportProgress: z.strictObject({ documentId: id }),
  listBackups: empty,
  backupNow: empty,
  restoreBackup: z.strictObject({ fileName: z.string().regex(/^[\w.-]{1,200}$/) }),
  importLibrary: z.strictObject({
    fileName: z.string().min(1).max(1024),
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= maxLibraryBytes, {
      message: 'larger than the 2 GB a library file may be'
    })
  }),
  getStartupNotices: empty
}

/**
 * The path of the first string in `value` that holds half a UTF-16 surrogate pair, or null. JSON
 * can carry one (`"\ud800"`); SQLite would store it as U+FFFD, so what is saved would differ from
 * what was sent (an id would no longer match itself). Arguments are JSON-shaped: plain arrays and objects.
 */
function loneSurrogatePath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null
  if (typeof value !== 'object' || value === null) return null
  // A file's bytes hold no text: walking a 50 MB Uint8Array entry by entry would take seconds.
  if (ArrayBuffer.isView(value)) return null
  for (const [key, item] of Object.entries(value)) {
    const found = hasLoneSurrogate(key) ? [...path, key] : loneSurrogatePath(item, [...path, key])
    if (found) return found
  }
  return null
}

/** Validates `args` for `method`; returns a message a person (or developer) can act on when they are wrong. */
export function validateApiArguments<K extends ApiMethodName>(
  method: K,
  args: unknown
): { ok: true; value: ApiArgs<K> } | { ok: false; message: string } {
  const broken = loneSurrogatePath(args)
  if (broken) {
    const at = broken.length > 0 ? ` (${broken.join('.')})` : ''
    return {
      ok: false,
      message: `Invalid arguments for ${method}${at}: the text holds a broken character (half of a UTF-16 surrogate pair)`
    }
  }
  const result = apiArgumentSchemas[method].safeParse(args ?? {})
  if (result.success) return { ok: true, value: result.data }
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
  return { ok: false, message: `Invalid arguments for ${method}${where}: ${issue?.message ?? 'rejected'}` }
}

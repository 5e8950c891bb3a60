// The one API between the renderer and the main-process services.
// Every transport (Electron IPC, the preload bridge, the browser-mode HTTP bridge) is derived from
// this declaration: adding a method here makes the compiler point at every place to update.
import type {
  Annotation,
  ApiResponse,
  AppInfo,
  HighlightColour,
  HighlightColourId,
  DocumentSummary,
  DocumentView,
  ReaderSettings,
  ReadingPosition
} from './types'
import type { SearchFacets, SearchRequest, SearchResults, SearchStatus } from './search/types'
import type {
  BackupInfo,
  ExportFile,
  ExportRequest,
  AnnotationImportProgress,
  ImportAnnotationsResult,
  LibraryEntry,
  SaveExportResult,
  StartupNotice,
  StudySheetPdfRequest,
  UpdateFromFileResult
} from './library/types'
import { studyMethodNameRecord, type StudyApiMethods } from './study/contract'

export interface ImportResult {
  document: DocumentSummary
  /** True when the same text was already in the library: nothing new was stored. */
  existing: boolean
  warnings: string[]
}

/** Pages of a PDF read so far, of all its pages. */
export interface ImportProgress {
  pagesRead: number
  pageCount: number
}

/** Method name → its one argument object and its result. */
/** The study methods (cards, reviews, timeline, who's-who) are declared in ./study/contract.ts. */
export interface ApiMethods extends StudyApiMethods {
  getAppInfo: { args: Record<string, never>; result: AppInfo }
  listDocuments: { args: Record<string, never>; result: DocumentSummary[] }
  getDocument: { args: { documentId: string }; result: DocumentView }
  importDocument: { args: { fileName: string; text: string }; result: ImportResult }
  /**
   * A binary file (PDF) imported from its bytes: a Uint8Array through IPC, the raw request body on
   * the HTTP bridge's upload endpoint (see `binaryUploadMethods`). `importId` names the import for
   * getImportProgress.
   */
  importDocumentFile: {
    args: { fileName: string; bytes: Uint8Array; importId?: string }
    result: ImportResult
  }
  /** How far a running importDocumentFile has got (pages read), or null when none runs under that id. */
  getImportProgress: { args: { importId: string }; result: ImportProgress | null }
  removeDocument: { args: { documentId: string }; result: { removed: true } }
  /**
   * The original PDF of a document imported from one, for "Show page": a Uint8Array through IPC,
   * the raw response body over HTTP (see `binaryResultMethods`). Refused (not-found) when the
   * library does not keep it.
   */
  getDocumentPdf: { args: { documentId: string }; result: Uint8Array }
  getSettings: { args: Record<string, never>; result: ReaderSettings }
  updateSettings: { args: Partial<ReaderSettings>; result: ReaderSettings }
  getReadingPosition: { args: { documentId: string }; result: ReadingPosition | null }
  saveReadingPosition: {
    args: { documentId: string; blockId: string; fraction: number }
    result: ReadingPosition
  }
  listAnnotations: { args: { documentId: string }; result: Annotation[] }
  createAnnotation: {
    args: {
      documentId: string
      start: number
      end: number
      colour: HighlightColourId | null
      note?: string
      tags?: string[]
    }
    result: Annotation
  }
  updateAnnotation: {
    args: { id: string; note?: string; tags?: string[]; colour?: HighlightColourId | null }
    result: Annotation
  }
  deleteAnnotation: { args: { id: string }; result: { deleted: true } }
  restoreAnnotation: { args: { id: string }; result: Annotation }
  reattachAnnotation: { args: { id: string; start: number; end: number }; result: Annotation }
  listTags: { args: Record<string, never>; result: { tag: string; count: number }[] }
  getHighlightColours: { args: Record<string, never>; result: HighlightColour[] }
  updateHighlightColours: { args: { colours: HighlightColour[] }; result: HighlightColour[] }
  search: { args: SearchRequest; result: SearchResults }
  getSearchStatus: { args: Record<string, never>; result: SearchStatus }
  getSearchFacets: { args: Record<string, never>; result: SearchFacets }
  // Library management, exports and backups (src/main/app/libraryHandlers.ts).
  listLibrary: { args: Record<string, never>; result: LibraryEntry[] }
  restoreDocument: { args: { documentId: string }; result: DocumentSummary }
  updateDocumentDetails: {
    args: { documentId: string; title: string; authors: string[] }
    result: DocumentSummary
  }
  updateDocumentFromFile: {
    args: { documentId: string; fileName: string; text: string }
    result: UpdateFromFileResult
  }
  /** "Update from file…" with a PDF: its bytes, as importDocumentFile takes them. */
  updateDocumentFromFileBytes: {
    args: { documentId: string; fileName: string; bytes: Uint8Array; importId?: string }
    result: UpdateFromFileResult
  }
  /** The files of an export, for the renderer to download (browser mode). */
  exportFiles: { args: ExportRequest; result: { files: ExportFile[] } }
  /** The same export saved where the person chooses in a save dialog (desktop app only). */
  saveExport: { args: ExportRequest; result: SaveExportResult }
  /** The study sheet printed to PDF and saved where the person chooses (desktop app only). */
  saveStudySheetPdf: { args: StudySheetPdfRequest; result: SaveExportResult }
  /** Reads a W3C Web Annotation export back into a document; annotations already there are skipped. */
  importAnnotations: {
    args: { documentId: string; fileName: string; text: string }
    result: ImportAnnotationsResult
  }
  /** How far a running importAnnotations into this document has got (polled while it runs), or null. */
  getAnnotationImportProgress: { args: { documentId: string }; result: AnnotationImportProgress | null }
  listBackups: { args: Record<string, never>; result: BackupInfo[] }
  backupNow: { args: Record<string, never>; result: BackupInfo }
  restoreBackup: { args: { fileName: string }; result: { message: string } }
  /** Replaces the library with a .scholia file (the current one is backed up first). */
  importLibrary: { args: { fileName: string; bytes: Uint8Array }; result: { message: string } }
  /** What the person must be told once after start-up (e.g. a damaged library was restored). */
  getStartupNotices: { args: Record<string, never>; result: StartupNotice[] }
}

export type ApiMethodName = keyof ApiMethods
export type ApiArgs<K extends ApiMethodName> = ApiMethods[K]['args']
export type ApiResult<K extends ApiMethodName> = ApiMethods[K]['result']

/** The API as the renderer sees it: every method asynchronous. */
export type ScholiaApi = { [K in ApiMethodName]: (args: ApiArgs<K>) => Promise<ApiResult<K>> }

/**
 * The API as the Electron preload exposes it on `window.scholia`: the same methods, each resolving
 * to the ApiResponse envelope unopened, so that the renderer's api module unwraps Electron and
 * browser-mode responses in one place.
 */
export type ScholiaBridge = {
  [K in ApiMethodName]: (args: ApiArgs<K>) => Promise<ApiResponse<ApiResult<K>>>
}

/** The API as the main process implements it. */
export type ApiHandlers = {
  [K in ApiMethodName]: (args: ApiArgs<K>) => ApiResult<K> | Promise<ApiResult<K>>
}

const methodNameRecord: { [K in ApiMethodName]: true } = {
  ...studyMethodNameRecord,
  getAppInfo: true,
  listDocuments: true,
  getDocument: true,
  importDocument: true,
  importDocumentFile: true,
  getImportProgress: true,
  removeDocument: true,
  getDocumentPdf: true,
  getSettings: true,
  updateSettings: true,
  getReadingPosition: true,
  saveReadingPosition: true,
  listAnnotations: true,
  createAnnotation: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  restoreAnnotation: true,
  reattachAnnotation: true,
  listTags: true,
  getHighlightColours: true,
  updateHighlightColours: true,
  search: true,
  getSearchStatus: true,
  getSearchFacets: true,
  listLibrary: true,
  restoreDocument: true,
  updateDocumentDetails: true,
  updateDocumentFromFile: true,
  updateDocumentFromFileBytes: true,
  exportFiles: true,
  saveExport: true,
  saveStudySheetPdf: true,
  importAnnotations: true,
  getAnnotationImportProgress: true,
  listBackups: true,
  backupNow: true,
  restoreBackup: true,
  importLibrary: true,
  getStartupNotices: true
}

/** Every method name, in one list the transports iterate over (kept complete by the record's type). */
export const apiMethodNames = Object.keys(methodNameRecord) as ApiMethodName[]

export function isApiMethodName(name: string): name is ApiMethodName {
  return Object.prototype.hasOwnProperty.call(methodNameRecord, name)
}

/** Prefix of every IPC channel, so that no other channel can be reached through the bridge. */
export const ipcChannelPrefix = 'scholia:'

/** Largest file Scholia imports, in bytes (decodeFile.ts re-exports it for the front ends). */
export const maxImportBytes = 50 * 1024 * 1024

/** Longest text an import may send, in UTF-16 code units: a 50 MB file decodes to at most one per byte. */
export const maxImportTextLength = 50 * 1024 * 1024

/** Share of control characters (other than tab and line breaks) above which a text is binary data. */
export const maxControlCharacterShare = 0.01

/**
 * Largest request body the browser mode accepts. An imported file travels as text inside JSON,
 * so this must hold the JSON of the largest text a valid import can send:
 * - at most maxImportTextLength code units (a 50 MB Windows-1252 or ASCII file gives one per byte);
 * - in UTF-8 JSON a code unit takes at most 3 bytes (U+0800–U+FFFF: a 50 MB Windows-1252 file of
 *   "€" is 150 MB of JSON, a 50 MB UTF-16 file of Hangul 75 MB), except the control characters
 *   JSON writes as \u00XX (6 bytes), of which a valid text holds at most maxControlCharacterShare;
 * - plus the file name (1,024 code units, 6 bytes each at worst) and the JSON around them (64 KiB covers both).
 * That is about 152 MB; the 64 MiB this used to be refused valid files.
 */
export const maxRequestBytes =
  Math.ceil(maxImportTextLength * ((1 - maxControlCharacterShare) * 3 + maxControlCharacterShare * 6)) +
  64 * 1024

/**
 * Methods whose `bytes` argument is a file's raw bytes. Over HTTP they are called as
 * `POST /api/upload/<method>?<the other arguments>` with the bytes as an application/octet-stream
 * body (no base64 inside JSON); over IPC the Uint8Array is passed as it is (structured clone).
 */
export const binaryUploadMethods = [
  'importDocumentFile',
  'updateDocumentFromFileBytes',
  'importLibrary'
] as const satisfies readonly ApiMethodName[]
export type BinaryUploadMethod = (typeof binaryUploadMethods)[number]

export function isBinaryUploadMethod(name: string): name is BinaryUploadMethod {
  return (binaryUploadMethods as readonly string[]).includes(name)
}

/** Largest file a binary upload carries: the same limit as every other import. */
export const maxUploadBytes = maxImportBytes

/**
 * Largest library file "Import library" takes. A library holds its PDFs (up to 50 MB each), so it
 * has a limit of its own, far above a text's; it travels as raw bytes, never as base64 in JSON.
 */
export const maxLibraryBytes = 2 * 1024 * 1024 * 1024 - 1

/** The largest body a binary upload of `method` may carry. */
export function uploadLimit(method: BinaryUploadMethod): number {
  return method === 'importLibrary' ? maxLibraryBytes : maxUploadBytes
}

/**
 * Methods whose result is a file's raw bytes (a Uint8Array). Over HTTP a success comes back as an
 * application/octet-stream body (no base64 inside JSON), a failure as the usual JSON envelope;
 * over IPC the Uint8Array is passed as it is.
 */
export const binaryResultMethods = ['getDocumentPdf'] as const satisfies readonly ApiMethodName[]

export function isBinaryResultMethod(name: string): name is (typeof binaryResultMethods)[number] {
  return (binaryResultMethods as readonly string[]).includes(name)
}

// Delivers an export the one way each mode can: the desktop app saves through its save dialog
// (the main process writes the file atomically); the browser mode downloads what the back end
// returns (a Blob and an <a download>; the page's CSP allows blob: URLs).
import type { ExportFile, ExportRequest, StudySheetPdfRequest } from '../../../shared/library/types'
import { api } from '../api/client'

let modeRequest: Promise<'electron' | 'web'> | null = null

export function appMode(): Promise<'electron' | 'web'> {
  modeRequest ??= api.getAppInfo({}).then((info) => info.mode)
  return modeRequest
}

function bytesOf(file: ExportFile): BlobPart {
  if (file.encoding === 'utf8') return file.content
  const binary = atob(file.content)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by the time the click returns; the URL is not needed after that.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function savedMessage(paths: string[]): string {
  return paths.length === 1 ? `Saved ${paths[0] ?? ''}` : `Saved ${paths.length} files`
}

/** The study sheet printed to PDF and saved (desktop app only); null when the person cancelled. */
export async function deliverStudySheetPdf(request: StudySheetPdfRequest): Promise<string | null> {
  const result = await api.saveStudySheetPdf(request)
  return result.saved ? savedMessage(result.paths) : null
}

/** Exports and saves or downloads; returns what to tell the person, or null when they cancelled. */
export async function deliverExport(request: ExportRequest): Promise<string | null> {
  if ((await appMode()) === 'electron') {
    const result = await api.saveExport(request)
    return result.saved ? savedMessage(result.paths) : null
  }
  const { files } = await api.exportFiles(request)
  for (const file of files) downloadFile(file)
  return files.length === 1 ? `Downloaded ${files[0]?.fileName ?? ''}` : `Downloaded ${files.length} files`
}

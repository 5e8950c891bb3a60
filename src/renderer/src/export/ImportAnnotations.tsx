// "Import annotations (W3C)…" for one document: a Web Annotation file (Scholia's own export or
// another tool's) is read as text here, the back end finds each passage in the document (on its
// import thread, which this polls for progress) and stores the notes, and the notes column is told
// to load them again. Shown in the document's Export panel.
import { useRef, useState } from 'react'
import { maxAnnotationFileBytes, type AnnotationImportProgress } from '../../../shared/library/types'
import { api } from '../api/client'
import { useToast } from '../app/toast'
import { announceAnnotationsChanged } from './annotationsChanged'

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`
}

/**
 * The file's JSON without its indentation (Scholia's own export is pretty-printed, about a third
 * white space), so a large file fits the API's request limit. Text that is not JSON is sent as it
 * is: the back end says what is wrong with it.
 */
function compacted(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, '')))
  } catch {
    return text
  }
}

/** How often the progress of a running import is asked for. */
const progressPollMs = 400

export function ImportAnnotations({ documentId, onDone }: { documentId: string; onDone?: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<AnnotationImportProgress | null>(null)
  const [error, setError] = useState<string | null>(null)
  const toast = useToast()

  /** Polls the back end for the import's progress until `stop` is called. */
  function followProgress(): () => void {
    let stopped = false
    const poll = (): void => {
      if (stopped) return
      api
        .getAnnotationImportProgress({ documentId })
        .then((current) => {
          if (!stopped && current && current.total > 0) setProgress(current)
        })
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) window.setTimeout(poll, progressPollMs)
        })
    }
    window.setTimeout(poll, progressPollMs)
    return () => {
      stopped = true
      setProgress(null)
    }
  }

  async function importFile(file: File): Promise<void> {
    setError(null)
    // Refused before reading: a file this size would only be refused by the back end after the wait.
    if (file.size > maxAnnotationFileBytes) {
      setError(
        `${file.name} is ${megabytes(file.size)}; Scholia imports annotation files of up to ${megabytes(maxAnnotationFileBytes)}.`
      )
      return
    }
    setBusy(true)
    const stopFollowing = followProgress()
    try {
      const result = await api.importAnnotations({
        documentId,
        fileName: file.name,
        text: compacted(await file.text())
      })
      if (result.imported > 0) announceAnnotationsChanged(documentId)
      toast({ message: result.message })
      onDone?.()
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      stopFollowing()
      setBusy(false)
    }
  }

  return (
    <div className="export-import">
      <button type="button" className="tool-button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Importing…' : 'Import annotations (W3C)…'}
      </button>
      <span className="export-format-detail">
        A Web Annotation file (.jsonld, .json); notes already here are skipped
      </span>
      {progress && (
        <div className="import-progress" role="status" aria-live="polite">
          <span>
            Finding passages: {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')}…
          </span>
          <progress aria-label="Annotation import progress" max={progress.total} value={progress.done} />
        </div>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".jsonld,.json,application/ld+json,application/json"
        aria-label="Annotation file to import"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void importFile(file)
        }}
      />
      {error && (
        <p role="alert" className="error export-error">
          {error}
        </p>
      )}
    </div>
  )
}

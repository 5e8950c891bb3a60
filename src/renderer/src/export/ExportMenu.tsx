// "Export…": one document's notes, cards and citation, or the whole library's, in the formats
// other tools open, optionally only the notes with one tag or colour; the study sheet also as PDF in
// the desktop app (the browser prints the HTML sheet itself). For one document the panel also
// imports a W3C annotation file back. DocumentExportMenu is the reader's button for the document on screen.
import { useEffect, useId, useState } from 'react'
import type { ExportFormat } from '../../../shared/library/types'
import type { HighlightColour, HighlightColourId } from '../../../shared/types'
import { api } from '../api/client'
import { useDesktopCommands } from '../app/desktopCommands'
import { useToast } from '../app/toast'
import { usePopover } from '../app/usePopover'
import { appMode, deliverExport, deliverStudySheetPdf } from './deliverExport'
import { ImportAnnotations } from './ImportAnnotations'
import './export.css'

/** The back end's formats, and the PDF study sheet the desktop app prints from the HTML one. */
type NotesFormat = Exclude<ExportFormat, 'library'> | 'studySheetPdf'

const pdfFormat = {
  format: 'studySheetPdf' as const,
  label: 'Study sheet (PDF)',
  detail: 'Notes and cards, printed to an A4 PDF'
}

const formats: { format: NotesFormat; label: string; detail: string }[] = [
  { format: 'markdown', label: 'Markdown', detail: 'Notes for Obsidian or any editor, with links back' },
  { format: 'w3c', label: 'Web Annotation (JSON-LD)', detail: 'W3C standard; Scholia can read it back' },
  { format: 'csv', label: 'CSV', detail: 'One row per note, for spreadsheets' },
  { format: 'anki', label: 'Anki cards', detail: 'Basic and cloze cards; re-importing updates them' },
  {
    format: 'studySheet',
    label: 'Study sheet (HTML)',
    detail: 'Notes and cards; open it and print → Save as PDF'
  },
  { format: 'bibtex', label: 'Citation (BibTeX)', detail: 'For LaTeX, Zotero, JabRef' },
  { format: 'ris', label: 'Citation (RIS)', detail: 'For Zotero, EndNote, Mendeley' }
]

const usesFilters: ReadonlySet<NotesFormat> = new Set([
  'markdown',
  'w3c',
  'csv',
  'anki',
  'studySheet',
  'studySheetPdf'
])

/** The formats this mode offers: PDF only where Electron can print it. */
function formatsFor(mode: 'electron' | 'web' | null): typeof formats {
  if (mode !== 'electron') return formats
  const at = formats.findIndex((entry) => entry.format === 'studySheet')
  return [...formats.slice(0, at), pdfFormat, ...formats.slice(at)]
}

export function ExportMenu({
  documentId,
  label = 'Export',
  align = 'right',
  openOnCommand = false
}: {
  documentId: string | null
  label?: string
  /** Which edge of the button the panel lines up with. */
  align?: 'left' | 'right'
  /** Opened by File › Export… in the desktop app (one such menu per screen). */
  openOnCommand?: boolean
}) {
  const { open, toggle, close, host, button } = usePopover()
  useDesktopCommands(openOnCommand ? { 'open-export': () => !open && toggle() } : {})
  const [format, setFormat] = useState<NotesFormat>('markdown')
  const [tag, setTag] = useState('')
  const [colour, setColour] = useState<HighlightColourId | ''>('')
  const [tags, setTags] = useState<string[]>([])
  const [colours, setColours] = useState<HighlightColour[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [mode, setMode] = useState<'electron' | 'web' | null>(null)
  const toast = useToast()
  const headingId = useId()

  useEffect(() => {
    if (!open) return
    appMode()
      .then(setMode)
      .catch(() => setMode('web'))
    api
      .listTags({})
      .then((list) => setTags(list.map((entry) => entry.tag)))
      .catch(() => setTags([]))
    api
      .getHighlightColours({})
      .then(setColours)
      .catch(() => setColours([]))
  }, [open])

  async function run(): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      const filtered = usesFilters.has(format)
      const filters = {
        ...(filtered && tag !== '' ? { tag } : {}),
        ...(filtered && colour !== '' ? { colour } : {})
      }
      const message =
        format === 'studySheetPdf'
          ? await deliverStudySheetPdf({ documentId, ...filters })
          : await deliverExport({ documentId, format, ...filters })
      if (message) toast({ message })
      close()
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="popover-host" ref={host}>
      <button
        type="button"
        ref={button}
        className="tool-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={toggle}
      >
        {label}
      </button>
      {open && (
        <div
          className={`dropdown export-panel${align === 'right' ? ' dropdown-right' : ''}`}
          role="dialog"
          aria-labelledby={headingId}
        >
          <h2 id={headingId} className="export-heading">
            {documentId === null ? 'Export the whole library' : 'Export this document'}
          </h2>
          <fieldset className="export-formats">
            <legend className="visually-hidden">Format</legend>
            {formatsFor(mode).map((entry) => (
              <label key={entry.format} className="export-format">
                <input
                  type="radio"
                  name={`${headingId}-format`}
                  value={entry.format}
                  checked={format === entry.format}
                  onChange={() => setFormat(entry.format)}
                />
                <span>
                  <span className="export-format-label">{entry.label}</span>
                  <span className="export-format-detail">{entry.detail}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {usesFilters.has(format) && (
            <div className="export-filters">
              <label>
                Tag
                <select value={tag} onChange={(event) => setTag(event.target.value)}>
                  <option value="">All tags</option>
                  {tags.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Colour
                <select
                  value={colour}
                  onChange={(event) => setColour(event.target.value as HighlightColourId | '')}
                >
                  <option value="">All colours</option>
                  {colours.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.meaning}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          {error && (
            <p role="alert" className="error export-error">
              {error}
            </p>
          )}
          <div className="export-actions">
            <button
              type="button"
              className="tool-button primary-button"
              disabled={busy}
              onClick={() => void run()}
            >
              {busy ? 'Exporting…' : 'Export file'}
            </button>
          </div>
          {documentId !== null && <ImportAnnotations documentId={documentId} onDone={close} />}
        </div>
      )}
    </div>
  )
}

/** The reader's Export button for the document on screen. */
export function DocumentExportMenu({ documentId }: { documentId: string }) {
  return <ExportMenu documentId={documentId} openOnCommand />
}

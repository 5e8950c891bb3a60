// One annotation in the notes column: its colour's meaning (never the colour alone), the passage,
// the note rendered safely from Markdown, its tags, and what can be done with it.
import { useEffect, useId, useRef, type Ref } from 'react'
import { highlightColourIds, type Annotation, type HighlightColourId } from '../../../shared/types'
import { formatDay } from '../app/dates'
import { renderMarkdown } from './renderMarkdown'
import { TagInput } from './TagInput'
import { tabbables } from '../app/focus'

export const maxNoteLength = 100_000

export interface NoteCardProps {
  annotation: Annotation
  meaningOf: (colour: HighlightColourId | null) => string
  knownTags: { tag: string; count: number }[]
  editing: boolean
  active: boolean
  onEdit: (editing: boolean) => void
  onChange: (change: { note?: string; tags?: string[]; colour?: HighlightColourId | null }) => void
  onDelete: () => void
  onShowPassage: () => void
  /** "Show page": the passage's page of the original PDF (only where the library keeps the PDF). */
  onShowPage?: () => void
  /** Shift+Tab from the card (or its first control) goes back to the passage in the text. */
  onBackToPassage?: () => void
  onReattach?: () => void
  reattachHint?: string
  ref?: Ref<HTMLElement>
  style?: React.CSSProperties
}

function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

export function NoteCard({ ref, style, ...props }: NoteCardProps) {
  const { annotation, meaningOf, editing, active } = props
  const meaning = meaningOf(annotation.colour)
  const noteId = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const html = !editing && annotation.note ? renderMarkdown(annotation.note) : ''

  useEffect(() => {
    if (editing) textarea.current?.focus()
  }, [editing])

  return (
    <article
      ref={ref}
      style={style}
      className={`note-card note-${annotation.colour ?? 'plain'}${active ? ' active' : ''}${annotation.anchor.state === 'orphaned' ? ' orphaned' : ''}`}
      data-annotation-id={annotation.id}
      aria-label={`${meaning}: ${excerpt(annotation.target.quote.exact, 60)}`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Tab' || !event.shiftKey || !props.onBackToPassage) return
        const card = event.currentTarget
        if (event.target !== card && event.target !== tabbables(card)[0]) return
        event.preventDefault()
        props.onBackToPassage()
      }}
    >
      <header className="note-head">
        <span className={`swatch swatch-${annotation.colour ?? 'plain'}`} aria-hidden="true" />
        <span className="note-meaning">{meaning}</span>
        <time className="note-time" dateTime={new Date(annotation.updatedAt).toISOString()}>
          {formatDay(annotation.updatedAt)}
        </time>
      </header>
      <button
        type="button"
        className="note-quote"
        onClick={props.onShowPassage}
        title="Show the passage in the text"
      >
        “{excerpt(annotation.target.quote.exact)}”
      </button>
      {editing ? (
        <div className="note-editor">
          <label htmlFor={noteId} className="visually-hidden">
            Note
          </label>
          <textarea
            id={noteId}
            ref={textarea}
            value={annotation.note}
            rows={4}
            // Underlined by the system's spell-checker in the desktop app (macOS, Windows).
            spellCheck
            placeholder="Write a note (Markdown)…"
            onChange={(event) => props.onChange({ note: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault()
                // The keyboard stays on the card (Shift+Tab then goes back to the passage).
                event.currentTarget.closest<HTMLElement>('.note-card')?.focus({ preventScroll: true })
                props.onEdit(false)
              }
            }}
          />
          {annotation.note.length > maxNoteLength && (
            <p className="note-warning" role="alert">
              This note is {annotation.note.length.toLocaleString('en')} characters long; a note can hold at
              most {maxNoteLength.toLocaleString('en')}. Shorten it or split it: the extra text is not saved.
            </p>
          )}
          <TagInput
            tags={annotation.tags}
            known={props.knownTags}
            onChange={(tags) => props.onChange({ tags })}
          />
          <div className="colour-row" role="group" aria-label="Colour">
            {highlightColourIds.map((colour) => (
              <button
                key={colour}
                type="button"
                className={`swatch-button swatch-${colour}`}
                aria-label={`Colour: ${meaningOf(colour)}`}
                aria-pressed={annotation.colour === colour}
                onClick={() => props.onChange({ colour })}
              />
            ))}
          </div>
          <div className="note-actions">
            <button type="button" className="tool-button" onClick={() => props.onEdit(false)}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <>
          {/* Sanitised by renderMarkdown: markdown-it without HTML, then DOMPurify. */}
          {html && <div className="note-body" dangerouslySetInnerHTML={{ __html: html }} />}
          {annotation.tags.length > 0 && (
            <ul className="tag-list" aria-label="Tags">
              {annotation.tags.map((tag) => (
                <li key={tag} className="tag-chip">
                  #{tag}
                </li>
              ))}
            </ul>
          )}
          <div className="note-actions">
            {props.onReattach && (
              <button
                type="button"
                className="link-button"
                // Keep the passage selected in the text while the button is pressed.
                onMouseDown={(event) => event.preventDefault()}
                onClick={props.onReattach}
                title={props.reattachHint}
              >
                Re-attach to selection
              </button>
            )}
            {props.onShowPage && (
              <button type="button" className="link-button" onClick={props.onShowPage}>
                Show page
              </button>
            )}
            <button type="button" className="link-button" onClick={() => props.onEdit(true)}>
              {annotation.note ? 'Edit note' : 'Add note'}
            </button>
            <button type="button" className="link-button danger" onClick={props.onDelete}>
              Delete
            </button>
          </div>
        </>
      )}
    </article>
  )
}

// The reader's notes beside the text. "Beside text" lays each note level with its passage,
// stacked without overlap; "List" is every note of the document, sorted and filtered by colour and
// tag, with counts. Orphaned notes (passages that changed beyond recognition) are listed on top.
import { useState, type RefObject } from 'react'
import { highlightColourIds, type Annotation, type HighlightColourId } from '../../../shared/types'
import type { AnnotationsState } from './useAnnotations'
import { AlignedNotes } from './AlignedNotes'
import { NotesList } from './NotesList'
import { NoteCard } from './NoteCard'

export interface NotesColumnProps {
  state: AnnotationsState
  articleRef: RefObject<HTMLElement | null>
  activeId: string | null
  editingId: string | null
  onEdit: (id: string | null) => void
  onShowPassage: (annotation: Annotation) => void
  /** "Show page" on a note's passage; absent when the document's PDF is not in the library. */
  onShowPage?: (annotation: Annotation) => void
  /** Shift+Tab from a note beside the text: the keyboard goes back to its passage. */
  onBackToPassage?: (annotation: Annotation) => void
  /** The passage selected in the text now, for re-attaching an orphaned note. */
  selection: { start: number; end: number } | null
  /** Changes whenever the text's layout may have moved (settings, fonts). */
  layoutKey: string
}

export function NotesColumn(props: NotesColumnProps) {
  const { state } = props
  const [mode, setMode] = useState<'beside' | 'list'>('beside')
  const orphaned = state.annotations.filter((annotation) => annotation.anchor.state === 'orphaned')
  const anchored = state.annotations.filter((annotation) => annotation.anchor.state === 'anchored')

  const card = (annotation: Annotation) => ({
    annotation,
    meaningOf: state.meaningOf,
    knownTags: state.tags,
    editing: props.editingId === annotation.id,
    active: props.activeId === annotation.id,
    onEdit: (editing: boolean) => props.onEdit(editing ? annotation.id : null),
    onChange: (change: { note?: string; tags?: string[]; colour?: HighlightColourId | null }) =>
      state.update(annotation.id, change),
    onDelete: () => void state.remove(annotation.id),
    onShowPassage: () => props.onShowPassage(annotation),
    onShowPage:
      annotation.anchor.state === 'anchored' && props.onShowPage
        ? () => props.onShowPage?.(annotation)
        : undefined,
    // Beside the text only: the list keeps its own order of Tab stops.
    onBackToPassage:
      mode === 'beside' && annotation.anchor.state === 'anchored' && props.onBackToPassage
        ? () => props.onBackToPassage?.(annotation)
        : undefined
  })

  return (
    <aside aria-label="Notes" className={`notes-column notes-${mode}`}>
      <div className="notes-head">
        <h2 className="panel-heading">Notes</h2>
        <div className="segmented" role="group" aria-label="Show notes">
          <button type="button" aria-pressed={mode === 'beside'} onClick={() => setMode('beside')}>
            Beside text
          </button>
          <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
            List
          </button>
        </div>
      </div>

      {orphaned.length > 0 && (
        <section className="orphaned" aria-labelledby="orphaned-heading">
          <h3 id="orphaned-heading">Orphaned notes ({orphaned.length})</h3>
          <p className="muted small">
            The text changed and these passages could not be found again. Select the passage in the text and
            re-attach the note, or delete it.
          </p>
          {orphaned.map((annotation) => (
            <NoteCard
              key={annotation.id}
              {...card(annotation)}
              onReattach={() => {
                if (props.selection)
                  void state.reattach(annotation.id, props.selection.start, props.selection.end)
              }}
              reattachHint={
                props.selection
                  ? 'Attach this note to the selected passage'
                  : 'Select the passage in the text first'
              }
            />
          ))}
        </section>
      )}

      {state.loaded && state.annotations.length === 0 && (
        <p className="empty-state">
          No notes yet. Select text to highlight it in a colour ({highlightColourIds.length} meanings) or to
          add a note; your notes appear here, beside their passages.
        </p>
      )}

      {mode === 'beside' ? (
        <AlignedNotes
          annotations={anchored}
          articleRef={props.articleRef}
          layoutKey={props.layoutKey}
          renderCard={card}
        />
      ) : (
        <NotesList annotations={state.annotations} state={state} renderCard={card} />
      )}
    </aside>
  )
}

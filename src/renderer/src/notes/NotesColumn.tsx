// The reader's own notes, in a column beside the text.
export function NotesColumn() {
  return (
    <aside aria-label="Notes" className="notes-column">
      <h2 className="panel-heading">Notes</h2>
      <p className="empty-state">
        No notes yet. Your highlights and notes on this text will appear here, beside the passages they belong
        to.
      </p>
    </aside>
  )
}

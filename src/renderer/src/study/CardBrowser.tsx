// The card browser: every card with its question around its blank, deck, kind, due date and state;
// search and sort; a preview of the chosen card, front and back as in review (as in Anki's
// browser); each row's actions (edit, suspend, reset, delete with Undo in a toast and Ctrl/Cmd+Z)
// in a small menu. Rows are virtualised (@tanstack/react-virtual) and fetched a page at a time, so
// that 10^5 cards stay fast.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'
import { questionExcerpt } from '../../../shared/study/cardExcerpt'
import type { CardListRow, CardSortKey } from '../../../shared/study/types'
import { api } from '../api/client'
import { formatDay } from '../app/dates'
import { TopBar } from '../app/TopBar'
import { useToast } from '../app/toast'
import { pushUndo } from '../app/undo'
import { CardEditDialog } from './CardEditDialog'
import { CardFace } from './CardFace'
import { GenerateCardsLink } from './GenerateCardsLink'
import { RowMenu } from './RowMenu'
import { StudyNav } from './StudyNav'
import { notifyStudyChanged } from './studyEvents'
import './study.css'

const pageSize = 200
const rowHeight = 44

const sortLabels: Record<CardSortKey, string> = {
  due: 'Due date',
  created: 'Date added',
  deck: 'Document',
  kind: 'Kind',
  state: 'State',
  front: 'Question'
}

function question(row: CardListRow): string {
  return questionExcerpt(row.front, row.clozeIndex)
}

/** A new card has no due date until first studied: its State says "new", its Due stays empty. */
function dueLabel(row: CardListRow): string {
  return row.state === 'new' ? '—' : formatDay(row.due)
}

function CardPreview({ row, onEdit }: { row: CardListRow | null; onEdit: (row: CardListRow) => void }) {
  return (
    <aside className="card-preview" aria-labelledby="card-preview-heading">
      <h2 id="card-preview-heading">Preview</h2>
      {row ? (
        <>
          <p className="card-preview-meta muted">
            {row.deckTitle} · {row.kind} · {row.suspended ? 'suspended' : row.state}
            {row.state === 'new' ? '' : ` · due ${formatDay(row.due)}`}
            {row.reps > 0 ? ` · ${row.reps} review${row.reps === 1 ? '' : 's'}, ${row.lapses} forgotten` : ''}
          </p>
          <h3>Front</h3>
          <div className="card-preview-face" data-testid="preview-front">
            <CardFace card={row} revealed={false} />
          </div>
          <h3>Back</h3>
          <div className="card-preview-face" data-testid="preview-back">
            <CardFace card={row} revealed />
          </div>
          <button type="button" className="tool-button" onClick={() => onEdit(row)}>
            Edit card
          </button>
        </>
      ) : (
        <p className="muted">Choose a card to see it as in review.</p>
      )}
    </aside>
  )
}

export function CardBrowser() {
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<CardSortKey>('due')
  const [descending, setDescending] = useState(false)
  const [total, setTotal] = useState<number | null>(null)
  const [version, setVersion] = useState(0)
  const [, setLoadedPages] = useState(0)
  const [editing, setEditing] = useState<CardListRow | null>(null)
  const [selected, setSelected] = useState<CardListRow | null>(null)
  const [error, setError] = useState<string | null>(null)
  const pages = useRef(new Map<number, CardListRow[]>())
  const loading = useRef(new Set<number>())
  const scroller = useRef<HTMLDivElement>(null)
  const toast = useToast()
  /** Bumped on every new query: pages fetched for an older one are dropped. */
  const versionRef = useRef(0)

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search), 200)
    return () => window.clearTimeout(timer)
  }, [search])

  const loadPage = useCallback(
    (page: number, forVersion: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return
      loading.current.add(page)
      api
        .listCards({ search: query, sort, descending, offset: page * pageSize, limit: pageSize })
        .then((result) => {
          if (forVersion !== versionRef.current) return
          pages.current.set(page, result.rows)
          setTotal(result.total)
          // The preview shows the first card until another is chosen, and the chosen one's latest state.
          setSelected((current) =>
            current
              ? (result.rows.find((row) => row.id === current.id) ?? current)
              : page === 0
                ? (result.rows[0] ?? null)
                : current
          )
          setLoadedPages((count) => count + 1)
        })
        .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
        .finally(() => loading.current.delete(page))
    },
    [query, sort, descending]
  )

  useEffect(() => {
    versionRef.current++
    pages.current = new Map()
    loading.current = new Set()
    loadPage(0, versionRef.current)
  }, [loadPage, version])

  // The virtualiser's functions change with scrolling by design; this component is not memoised for it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  useEffect(() => {
    for (const item of items) loadPage(Math.floor(item.index / pageSize), versionRef.current)
  }, [items, loadPage])

  const refresh = (): void => {
    setVersion((value) => value + 1)
    notifyStudyChanged()
  }

  const act = (work: Promise<unknown>): void => {
    work
      .then(refresh)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
  }

  const remove = (row: CardListRow): void => {
    if (selected?.id === row.id) setSelected(null)
    act(
      api.deleteCard({ cardId: row.id }).then(() => {
        const entry = pushUndo({
          label: 'Card deleted',
          undo: async () => {
            await api.restoreCard({ cardId: row.id })
            refresh()
          }
        })
        toast({ message: 'Card deleted', undoEntry: entry })
      })
    )
  }

  return (
    <>
      <TopBar />
      <main className="study-page wide" aria-labelledby="cards-heading">
        <StudyNav current="cards" />
        <h1 id="cards-heading">Cards</h1>
        <div className="browser-tools">
          <input
            type="search"
            aria-label="Search cards"
            placeholder="Search questions and answers"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <label>
            Sort by{' '}
            <select value={sort} onChange={(event) => setSort(event.target.value as CardSortKey)}>
              {(Object.keys(sortLabels) as CardSortKey[]).map((key) => (
                <option key={key} value={key}>
                  {sortLabels[key]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="tool-button"
            onClick={() => setDescending(!descending)}
            aria-pressed={descending}
          >
            {descending ? 'Descending' : 'Ascending'}
          </button>
          <span className="muted" role="status">
            {total === null ? 'Loading…' : `${total} card${total === 1 ? '' : 's'}`}
          </span>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {/* With no card (yet, or matching), the empty state below says so instead of an empty table. */}
        <div className="card-browser" hidden={total === 0}>
          <div className="card-table" role="table" aria-label="Cards" aria-rowcount={(total ?? 0) + 1}>
            <div className="card-row head" role="row" aria-rowindex={1}>
              <span role="columnheader">Question</span>
              <span role="columnheader">Document</span>
              <span role="columnheader">Kind</span>
              <span role="columnheader">Due</span>
              <span role="columnheader">State</span>
              <span role="columnheader">
                <span className="visually-hidden">Actions</span>
              </span>
            </div>
            <div className="card-scroller" ref={scroller} style={{ height: (total ?? 0) * rowHeight }}>
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const row = pages.current.get(Math.floor(item.index / pageSize))?.[item.index % pageSize]
                  const chosen = row !== undefined && row.id === selected?.id
                  return (
                    <div
                      key={item.key}
                      role="row"
                      aria-rowindex={item.index + 2}
                      aria-current={chosen ? 'true' : undefined}
                      className={`card-row${row?.suspended ? ' suspended' : ''}${chosen ? ' chosen' : ''}`}
                      style={{
                        position: 'absolute',
                        top: 0,
                        left: 0,
                        right: 0,
                        height: rowHeight,
                        transform: `translateY(${item.start}px)`
                      }}
                      onClick={row ? () => setSelected(row) : undefined}
                    >
                      {row ? (
                        <>
                          <span role="cell">
                            {/* The keyboard's way to the preview; a click anywhere on the row does the same. */}
                            <button
                              type="button"
                              className="card-question"
                              title={question(row)}
                              aria-pressed={chosen}
                              onClick={() => setSelected(row)}
                            >
                              {question(row)}
                            </button>
                          </span>
                          <span role="cell" title={row.deckTitle}>
                            {row.deckTitle}
                          </span>
                          <span role="cell">{row.kind}</span>
                          <span role="cell">{dueLabel(row)}</span>
                          <span role="cell">{row.suspended ? 'suspended' : row.state}</span>
                          <span role="cell" className="card-row-actions">
                            <RowMenu
                              name={question(row)}
                              actions={[
                                { label: 'Edit', run: () => setEditing(row) },
                                {
                                  label: row.suspended ? 'Unsuspend' : 'Suspend',
                                  run: () =>
                                    act(api.setCardSuspended({ cardId: row.id, suspended: !row.suspended }))
                                },
                                { label: 'Reset', run: () => act(api.resetCard({ cardId: row.id })) },
                                { label: 'Delete', run: () => remove(row), danger: true }
                              ]}
                            />
                          </span>
                        </>
                      ) : (
                        <span role="cell" className="muted">
                          …
                        </span>
                      )}
                    </div>
                  )
                })}
              </div>
            </div>
          </div>
          {total !== 0 && <CardPreview row={selected} onEdit={setEditing} />}
        </div>
        {total === 0 &&
          (query ? (
            <p className="empty-state">No cards match this search.</p>
          ) : (
            <div className="empty-state">
              <h2>No cards yet</h2>
              <p>
                Cards come from what you read. On a document’s study page, “Generate cards” suggests questions
                about its dates, people, states and organisations, and you keep the ones you want; in the
                reader, select a passage and choose “Make card”.
              </p>
              <GenerateCardsLink />
            </div>
          ))}
      </main>
      {editing && (
        <CardEditDialog
          row={editing}
          onClose={(saved) => {
            setEditing(null)
            if (saved) refresh()
          }}
        />
      )}
    </>
  )
}

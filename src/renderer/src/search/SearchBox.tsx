// The search box in the top bar: searches text, footnotes, notes and cards as you type, shows
// results grouped with counts and marked snippets, and opens the chosen one at its passage.
// Ctrl/Cmd+K focuses it; arrow keys and Enter choose; Escape closes.
import {
  Fragment,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent
} from 'react'
import {
  searchHelpLine,
  type SearchFilters,
  type SearchHit,
  type SearchResults
} from '../../../shared/search/types'
import { documentHref } from '../app/useHashRoute'
import { matchesShortcut, modShortcuts } from '../../../shared/shortcuts'
import { useDesktopCommands } from '../app/desktopCommands'
import { SearchFiltersBar } from './SearchFiltersBar'
import { passagesByDocument } from './resultLayout'
import { SnippetText } from './Snippet'
import { useSearch } from './useSearch'
import './search.css'

export function SearchBox() {
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<SearchFilters>({})
  const [open, setOpen] = useState(false)
  // The chosen result belongs to one answer: a new answer starts with nothing chosen.
  const [choice, setChoice] = useState<{ results: SearchResults | null; index: number }>({
    results: null,
    index: -1
  })
  const inputRef = useRef<HTMLInputElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const focusBox = useCallback(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
    setOpen(true)
  }, [])
  const { results, error } = useSearch(query, filters)
  const id = useId()
  // Each kind's passages gathered by document, in the order they are shown (and chosen with the keys).
  const layout = useMemo(
    () =>
      (results?.groups ?? [])
        .filter((group) => group.count > 0)
        .map((group) => ({ group, documents: passagesByDocument(group.hits) })),
    [results]
  )
  const hits = useMemo(
    () => layout.flatMap(({ documents }) => documents.flatMap((document) => document.hits)),
    [layout]
  )
  const optionId = (index: number): string => `${id}-option-${index}`
  const active = choice.results === results ? choice.index : -1
  const setActive = (update: (current: number) => number): void =>
    setChoice({ results, index: update(active) })

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (!matchesShortcut(event, modShortcuts.searchEverything)) return
      event.preventDefault()
      focusBox()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [focusBox])
  // Edit › Search everything… in the desktop app.
  useDesktopCommands({ 'search-everything': focusBox })

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    window.addEventListener('pointerdown', onPointer)
    return () => window.removeEventListener('pointerdown', onPointer)
  }, [open])

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return
    setOpen(false)
    // Focus stays here until the reader moves it to the passage (not dropped on the page body).
    window.location.hash = documentHref(hit.documentId, hit.at)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      if (hits.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (current + step + hits.length + (current < 0 && step < 0 ? 1 : 0)) % hits.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(hits[active >= 0 ? active : 0])
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        setOpen(false)
      } else if (query !== '') setQuery('')
    }
  }

  useEffect(() => {
    if (active < 0) return
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId only depends on the stable id
  }, [active])

  const showPanel = open && query.trim() !== ''
  const panelRef = useRef<HTMLDivElement>(null)

  // The panel hangs from the box's right edge; where the box sits too far left for its width (a
  // narrow window), it is moved right so that it stays inside the window. Measured before paint.
  useLayoutEffect(() => {
    if (!showPanel) return
    const place = (): void => {
      const panel = panelRef.current
      if (!panel) return
      panel.style.right = ''
      const margin = 12
      const { left, right } = panel.getBoundingClientRect()
      const shift = Math.max(0, margin - left) - Math.max(0, right - (window.innerWidth - margin))
      if (shift !== 0) panel.style.right = `${-shift}px`
    }
    place()
    window.addEventListener('resize', place)
    return () => window.removeEventListener('resize', place)
  }, [showPanel])

  let index = -1
  return (
    <div className="search" ref={rootRef}>
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        aria-label="Search"
        placeholder="Search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        // Only while the results exist: a reference to a missing element is an error for assistive technology.
        aria-controls={showPanel ? `${id}-results` : undefined}
        aria-activedescendant={showPanel && active >= 0 ? optionId(active) : undefined}
        onChange={(event) => {
          setQuery(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        {navigator.platform.startsWith('Mac') ? '⌘K' : 'Ctrl K'}
      </kbd>
      {showPanel && (
        <div className="search-panel" ref={panelRef}>
          <SearchFiltersBar filters={filters} onChange={setFilters} />
          {error && (
            <p className="search-message" role="alert">
              {error}
            </p>
          )}
          {results?.notice && <p className="search-message">{results.notice}</p>}
          {results && results.status.building && !results.notice && (
            <p className="search-message muted">
              Indexing {results.status.ready} of {results.status.total}…
            </p>
          )}
          {results?.alsoAs && (
            <p className="search-message search-also">
              {results.alsoAs.name} — also as {results.alsoAs.forms.join(', ')}
            </p>
          )}
          {results && results.total === 0 && !results.notice && (
            <p className="search-message">No matches for “{results.query.trim()}”.</p>
          )}
          <div role="listbox" id={`${id}-results`} aria-label="Search results" className="search-results">
            {layout.map(({ group, documents }) => (
              <div
                role="group"
                key={group.kind}
                aria-label={`${group.label} (${group.count})`}
                className="search-group"
              >
                <div className="search-group-heading" aria-hidden="true">
                  <span>{group.label}</span>
                  <span className="search-count">{group.count}</span>
                </div>
                {documents.map((document) => (
                  <Fragment key={document.documentId}>
                    {document.title && (
                      <div className="search-document-title" aria-hidden="true">
                        {document.title}
                      </div>
                    )}
                    {document.hits.map((hit) => {
                      index++
                      const mine = index
                      return (
                        <div
                          key={hit.key}
                          id={optionId(mine)}
                          role="option"
                          aria-selected={mine === active}
                          className="search-hit"
                          onPointerEnter={() => setActive(() => mine)}
                          onClick={() => choose(hit)}
                        >
                          <div className="search-hit-where">
                            {hit.colour && (
                              <span className={`search-swatch colour-${hit.colour}`} aria-hidden="true" />
                            )}
                            <span className="search-hit-section">{hit.section || 'Passage'}</span>
                            {hit.matchedAs && (
                              <span className="search-hit-alias">also as {hit.matchedAs}</span>
                            )}
                            {document.title && <span className="visually-hidden">, in {document.title}</span>}
                          </div>
                          <div className="search-hit-snippet">
                            <SnippetText snippet={hit.snippet} />
                          </div>
                          {hit.tags.length > 0 && (
                            <div className="search-hit-tags">
                              {hit.tags.map((tag) => (
                                <span key={tag} className="search-tag">
                                  #{tag}
                                </span>
                              ))}
                            </div>
                          )}
                        </div>
                      )
                    })}
                  </Fragment>
                ))}
                {group.count > group.hits.length && (
                  <div className="search-more muted" aria-hidden="true">
                    {group.count - group.hits.length} more — add a word or a filter to narrow
                  </div>
                )}
              </div>
            ))}
          </div>
          <p className="search-help">{searchHelpLine}</p>
        </div>
      )}
    </div>
  )
}

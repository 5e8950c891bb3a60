// The reader: the document in a comfortable column, the table of contents, footnotes that open
// where they are referenced, reader settings, and the reader's notes beside the text.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Block, DocumentView, ReaderSettings } from '../../../shared/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { NotesColumn } from '../notes/NotesColumn'
import { ArticleBody } from './ArticleBody'
import { ContentsNav, type ContentsEntry } from './ContentsNav'
import { FootnotePopover } from './FootnotePopover'
import { ReaderSettingsPanel } from './ReaderSettingsPanel'
import { useReadingPosition } from './useReadingPosition'
import { readingTop, scrollToBlock, scrollToElement } from './scrolling'
import { useMediaQuery } from './useMediaQuery'
import { flashBlock } from './flash'

export const abstractSectionId = 'section-abstract'
export const footnotesSectionId = 'section-footnotes'

function contentsOf(view: DocumentView): ContentsEntry[] {
  const entries: ContentsEntry[] = []
  if (view.blocks.some((block) => block.kind === 'abstract'))
    entries.push({ id: abstractSectionId, label: 'Abstract' })
  for (const block of view.blocks) {
    if (block.kind === 'heading') entries.push({ id: `section-${block.id}`, label: block.text })
  }
  if (view.blocks.some((block) => block.kind === 'footnote'))
    entries.push({ id: footnotesSectionId, label: 'Footnotes' })
  return entries
}

function useCurrentSection(entries: ContentsEntry[], ready: boolean): string | null {
  const [current, setCurrent] = useState<string | null>(null)
  useEffect(() => {
    if (!ready) return
    const update = (): void => {
      let active: string | null = entries[0]?.id ?? null
      for (const entry of entries) {
        const element = document.getElementById(entry.id)
        if (element && element.getBoundingClientRect().top <= readingTop + 24) active = entry.id
      }
      setCurrent(active)
    }
    update()
    window.addEventListener('scroll', update, { passive: true })
    return () => window.removeEventListener('scroll', update)
  }, [entries, ready])
  return current
}

export function ReaderView({
  documentId,
  at,
  settings,
  onSettingsChange
}: {
  documentId: string
  at: number | null
  settings: ReaderSettings
  onSettingsChange: (change: Partial<ReaderSettings>) => void
}) {
  const [view, setView] = useState<DocumentView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [openFootnote, setOpenFootnote] = useState<{ number: number; anchor: HTMLElement } | null>(null)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [contentsOpen, setContentsOpen] = useState(false)
  const wide = useMediaQuery('(min-width: 1200px)')
  const articleRef = useRef<HTMLElement>(null)

  useEffect(() => {
    let cancelled = false
    api
      .getDocument({ documentId })
      .then((loaded) => {
        if (cancelled) return
        setView(loaded)
        document.title = `${loaded.metadata.title} — Scholia`
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause))
      })
    return () => {
      cancelled = true
    }
  }, [documentId])

  const entries = useMemo(() => (view ? contentsOf(view) : []), [view])
  const footnotes = useMemo(() => {
    const byNumber = new Map<number, Block>()
    for (const block of view?.blocks ?? [])
      if (block.kind === 'footnote' && block.number !== null) byNumber.set(block.number, block)
    return byNumber
  }, [view])
  const ready = view !== null
  const current = useCurrentSection(entries, ready)
  useReadingPosition(documentId, articleRef, ready, at !== null)

  // A link to a passage (#/doc/ID?at=OFFSET) opens the document there and marks the passage briefly.
  useEffect(() => {
    if (!view || at === null || !articleRef.current) return
    const target = [...view.blocks].reverse().find((block) => block.start <= at)
    if (!target) return
    scrollToBlock(articleRef.current, target.id, 0)
    return flashBlock(articleRef.current, target.id)
  }, [view, at])

  const navigate = useCallback((id: string) => {
    const element = document.getElementById(id)
    if (!element) return
    scrollToElement(element, { smooth: true })
    element.focus({ preventScroll: true })
    setContentsOpen(false)
  }, [])

  const onFootnote = useCallback((number: number, anchor: HTMLElement) => {
    setOpenFootnote((open) => (open?.number === number ? null : { number, anchor }))
  }, [])
  const closeFootnote = useCallback(() => setOpenFootnote(null), [])

  const openFootnoteBlock = openFootnote ? footnotes.get(openFootnote.number) : undefined

  return (
    <>
      <TopBar title={view?.metadata.title}>
        {!wide && view && (
          <div className="popover-host">
            <button
              type="button"
              className="tool-button"
              aria-expanded={contentsOpen}
              onClick={() => setContentsOpen((open) => !open)}
            >
              Contents
            </button>
            {contentsOpen && (
              <div className="dropdown">
                <ContentsNav entries={entries} current={current} onNavigate={navigate} />
              </div>
            )}
          </div>
        )}
        <div className="popover-host">
          <button
            type="button"
            className="tool-button"
            aria-expanded={settingsOpen}
            onClick={() => setSettingsOpen((open) => !open)}
          >
            Reader settings
          </button>
          {settingsOpen && (
            <div className="dropdown dropdown-right">
              <ReaderSettingsPanel settings={settings} onChange={onSettingsChange} />
            </div>
          )}
        </div>
      </TopBar>
      <div className={`reader-layout${wide ? ' wide' : ''}`}>
        {wide && view && (
          <div className="contents-column">
            <ContentsNav entries={entries} current={current} onNavigate={navigate} />
          </div>
        )}
        <main className="reader-main">
          {error && (
            <div role="alert" className="error-panel">
              <p>{error}</p>
              <a href="#/library">Back to the library</a>
            </div>
          )}
          {!view && !error && <p className="muted loading-text">Opening the document…</p>}
          {view && (
            <ArticleBody
              ref={articleRef}
              view={view}
              onFootnote={onFootnote}
              openFootnote={openFootnote?.number ?? null}
            />
          )}
        </main>
        <NotesColumn />
      </div>
      {openFootnote && openFootnoteBlock && (
        <FootnotePopover footnote={openFootnoteBlock} anchor={openFootnote.anchor} onClose={closeFootnote} />
      )}
    </>
  )
}

// The reader: the document in a comfortable column, the table of contents, footnotes that open
// where they are referenced, reader settings, and the reader's notes beside the text.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  highlightColourIds,
  type Annotation,
  type Block,
  type DocumentView,
  type HighlightColourId,
  type ReaderSettings
} from '../../../shared/types'
import { pageCitation, pageRangeOf } from '../../../shared/document/pages'
import { formatQuoteWithCitation } from '../../../shared/document/quoteCitation'
import { matchesShortcut, modShortcuts } from '../../../shared/shortcuts'
import { desktopCommandEvent, useDesktopCommands } from '../app/desktopCommands'
import { TopBar } from '../app/TopBar'
import { useToast } from '../app/toast'
import { usePopover } from '../app/usePopover'
import { NotesColumn } from '../notes/NotesColumn'
import { useAnnotations } from '../notes/useAnnotations'
import { DocumentStudyLinks, GenerateCardsButton, MakeCardDialog } from '../study'
import { DocumentExportMenu } from '../export/ExportMenu'
import { sentenceAround } from '../../../shared/document/sentence'
import { fullTextOf } from '../../../shared/document/layout'
import { snapToWords } from '../../../shared/document/words'
import { SelectionToolbar } from './SelectionToolbar'
import { useHighlights } from './useHighlights'
import { useTextSelection } from './useTextSelection'
import { selectionOffsets } from './textOffsets'
import { ArticleBody } from './ArticleBody'
import { ContentsNav, type ContentsEntry } from './ContentsNav'
import { FootnotePopover } from './FootnotePopover'
import { ReaderSettingsPanel } from './ReaderSettingsPanel'
import { useReadingPosition } from './useReadingPosition'
import { readingTop, scrollToElement } from './scrolling'
import { useMediaQuery } from './useMediaQuery'
import { usePassageFocus, type PassageCommand } from './usePassageFocus'
import { usePagePanel } from './usePagePanel'
import { useDocumentView } from './useDocumentView'
import { useFootnotes } from './useFootnotes'
import { usePageNavigation } from './usePageNavigation'
import type { Span } from '../../../shared/document/passage'
import { PagePanel } from './pdf/PagePanel'

export const abstractSectionId = 'section-abstract'
const lastColourKey = 'scholia.lastHighlightColour'
const noBlocks: Block[] = []
export const footnotesSectionId = 'section-footnotes'

function lastColour(): HighlightColourId {
  const last = window.localStorage.getItem(lastColourKey) as HighlightColourId | null
  return last && highlightColourIds.includes(last) ? last : 'yellow'
}

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
  const { view, error } = useDocumentView(documentId)
  // Reader settings stays open while the text is clicked, to watch a change take effect.
  const {
    open: settingsOpen,
    toggle: toggleSettings,
    host: settingsHost,
    button: settingsButton
  } = usePopover({ closeOnOutsidePress: false })
  const {
    open: contentsOpen,
    toggle: toggleContents,
    close: closeContents,
    host: contentsHost,
    button: contentsButton
  } = usePopover()
  const wide = useMediaQuery('(min-width: 1200px)')
  const articleRef = useRef<HTMLElement>(null)
  const readerRoot = useRef<HTMLDivElement>(null)
  const annotations = useAnnotations(documentId)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [cardDraft, setCardDraft] = useState<{
    start: number
    end: number
    selectedText: string
    sentence: string
  } | null>(null)
  const [selection, clearSelection] = useTextSelection(readerRoot, view !== null)
  const toast = useToast()
  const highlights = useHighlights(annotations.annotations, view?.blocks ?? noBlocks, annotations.meaningOf)

  const entries = useMemo(() => (view ? contentsOf(view) : []), [view])
  const ready = view !== null
  const current = useCurrentSection(entries, ready)
  useReadingPosition(documentId, articleRef, ready, at !== null)

  /** The element of the block that holds `offset` in the document's full text. */
  const blockElementAt = useCallback(
    (offset: number): HTMLElement | null => {
      const target = view && [...view.blocks].reverse().find((block) => block.start <= offset)
      if (!target) return null
      return (
        articleRef.current?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(target.id)}"]`) ?? null
      )
    },
    [view]
  )

  const footnotes = useFootnotes({ view, articleRef, at, blockElementAt })

  const navigate = useCallback(
    (id: string) => {
      const element = document.getElementById(id)
      if (!element) return
      scrollToElement(element, { smooth: true })
      element.focus({ preventScroll: true })
      closeContents()
    },
    [closeContents]
  )

  const { pageStarts, goToPage } = usePageNavigation({ view, articleRef, onShown: closeContents })

  const showPassage = useCallback((annotation: Annotation) => {
    const marks = articleRef.current?.querySelectorAll<HTMLElement>(
      `mark[data-annotation-ids~="${CSS.escape(annotation.id)}"]`
    )
    const first = marks?.[0]
    setActiveId(annotation.id)
    if (!first) return
    scrollToElement(first, { smooth: true })
    for (const mark of marks) mark.classList.add('flash')
    window.setTimeout(() => {
      for (const mark of marks) mark.classList.remove('flash')
    }, 1600)
  }, [])

  const focusNote = useCallback((id: string) => {
    setActiveId(id)
    // The card may need a frame to mount (the notes column only mounts cards near the view).
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(
        `.notes-column [data-annotation-id="${CSS.escape(id)}"]`
      )
      card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
      // Its note editor, opened with it, keeps the focus it took.
      if (!card?.contains(document.activeElement)) card?.focus({ preventScroll: true })
    })
  }, [])

  const fullText = useMemo(() => (view ? fullTextOf(view.blocks) : ''), [view])
  const {
    request: pageRequest,
    open: openPage,
    close: closePageAt
  } = usePagePanel({ view, fullText, articleRef, blockElementAt, marksKey: highlights })

  const highlight = useCallback(
    async (colour: HighlightColourId | null, withNote: boolean, span?: Span) => {
      // Read the selection from the page itself: a shortcut may come before the state caught up.
      const current =
        span ??
        (readerRoot.current && selectionOffsets(readerRoot.current, document.getSelection())) ??
        selection
      if (!current) return
      if (colour) window.localStorage.setItem(lastColourKey, colour)
      // A drag that stopped inside a word ("Pe|ninsula") highlights the whole word.
      const { start, end } = view ? snapToWords(fullTextOf(view.blocks), current.start, current.end) : current
      const created = await annotations.create({ start, end, colour })
      clearSelection()
      if (created && withNote) {
        setEditingId(created.id)
        focusNote(created.id)
      }
    },
    [selection, view, annotations, clearSelection, focusNote]
  )

  // The passage focus's keys pass the span under focus; the toolbar and menus act on the selection.
  const makeCard = useCallback(
    (span?: Span) => {
      const current = span ?? selection
      if (!current || !view) return
      setCardDraft({
        start: current.start,
        end: current.end,
        selectedText: fullText.slice(current.start, current.end),
        sentence: sentenceAround(fullText, current.start, current.end).text
      })
      clearSelection()
    },
    [selection, view, fullText, clearSelection]
  )

  const copyQuote = useCallback(
    (span?: Span) => {
      const current = span ?? selection
      const quote = span ? fullText.slice(span.start, span.end) : selection?.text
      if (!quote || !view || !current) return
      const pages = pageCitation(pageRangeOf(view.blocks, current.start, current.end))
      const text = formatQuoteWithCitation(quote, view.metadata, pages)
      navigator.clipboard
        .writeText(text)
        .then(() => toast({ message: 'Quote copied with its citation' }))
        .catch(() =>
          toast({ message: 'Could not copy: the clipboard is not available here.', tone: 'error' })
        )
    },
    [selection, view, fullText, toast]
  )

  const showPage = useCallback(
    (span?: Span) => {
      const current = span ?? selection
      if (current && openPage(current) && !span) clearSelection()
    },
    [selection, openPage, clearSelection]
  )

  const highlightInLastColour = useCallback(() => void highlight(lastColour(), false), [highlight])

  /** The highlight the passage focus is on: the selected note's if it is there, else the first. */
  const annotationUnder = useCallback(
    (span: Span): Annotation | null => {
      const under = annotations.annotations.filter(
        (annotation) =>
          annotation.anchor.state === 'anchored' &&
          annotation.target.position.start < span.end &&
          annotation.target.position.end > span.start
      )
      return under.find((annotation) => annotation.id === activeId) ?? under[0] ?? null
    },
    [annotations.annotations, activeId]
  )

  // A key acts on the selection if there is one; else on the highlight under the passage focus (its
  // note, its quote, a card from it, its colour), else on the focused sentence or paragraph.
  const onPassageCommand = useCallback(
    (command: PassageCommand, span: Span, selected: boolean): boolean => {
      const under = annotationUnder(span)
      const target = !selected && under ? under.target.position : span
      switch (command.kind) {
        case 'highlight': {
          const colour = command.colour === null ? lastColour() : (highlightColourIds[command.colour] ?? null)
          if (selected || !under) void highlight(colour, false, span)
          else if (colour && under.colour !== colour) {
            window.localStorage.setItem(lastColourKey, colour)
            annotations.update(under.id, { colour })
          }
          return true
        }
        case 'note':
          if (!selected && under) {
            setEditingId(under.id)
            focusNote(under.id)
          } else void highlight(null, true, span)
          return true
        case 'copy':
          copyQuote(target)
          return true
        case 'card':
          makeCard(target)
          return true
        case 'page':
          showPage(target)
          return true
        case 'delete':
          if (under) void annotations.remove(under.id)
          else toast({ message: 'No highlight here to delete.' })
          return true
        case 'toNote':
          if (!under) return false
          focusNote(under.id)
          return true
        case 'help':
          window.dispatchEvent(new CustomEvent(desktopCommandEvent, { detail: 'show-shortcuts' }))
          return true
      }
    },
    [highlight, copyQuote, makeCard, showPage, annotationUnder, annotations, focusNote, toast]
  )
  const { focusPassageAt, refresh: refreshPassage } = usePassageFocus({
    articleRef,
    blocks: view?.blocks ?? noBlocks,
    ready,
    onCommand: onPassageCommand
  })

  const closePage = useCallback(() => closePageAt(focusPassageAt), [closePageAt, focusPassageAt])

  // The same actions from the desktop app's menus (Edit, and the right-click menu on a selection).
  useDesktopCommands({
    'highlight-selection': highlightInLastColour,
    'note-on-selection': () => void highlight(null, true),
    'copy-quote': () => copyQuote()
  })

  // Ctrl/Cmd+Shift+H highlights in the last-used colour; Ctrl/Cmd+Shift+M opens a note on the selection.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (matchesShortcut(event, modShortcuts.highlightSelection)) {
        event.preventDefault()
        highlightInLastColour()
      } else if (matchesShortcut(event, modShortcuts.noteOnSelection)) {
        event.preventDefault()
        void highlight(null, true)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [selection, highlight, highlightInLastColour])

  // The selected annotation's highlights are outlined, wherever they are.
  useEffect(() => {
    const article = articleRef.current
    if (!article || !activeId) return
    const marks = article.querySelectorAll(`mark[data-annotation-ids~="${CSS.escape(activeId)}"]`)
    for (const mark of marks) mark.classList.add('hl-active')
    return () => {
      for (const mark of marks) mark.classList.remove('hl-active')
    }
  }, [activeId, highlights])

  // The focused sentence is marked over the text's nodes, which a new highlight replaces.
  useEffect(() => refreshPassage(), [highlights, refreshPassage])

  // Clicking a highlight selects its note; clicking again where highlights overlap moves to the next.
  const onArticleClick = useCallback(
    (event: React.MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return
      const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-annotation-ids]')
      const ids = mark?.dataset.annotationIds?.split(' ')
      if (!ids || ids.length === 0) return
      const current = activeId ? ids.indexOf(activeId) : -1
      const next = current >= 0 ? ids[(current - 1 + ids.length) % ids.length] : ids[ids.length - 1]
      if (next) focusNote(next)
    },
    [activeId, focusNote]
  )

  return (
    <>
      <TopBar title={view?.metadata.title}>
        {view && <GenerateCardsButton documentId={documentId} />}
        {view && <DocumentStudyLinks documentId={documentId} />}
        {view && <DocumentExportMenu documentId={documentId} />}
        {!wide && view && (
          <div className="popover-host" ref={contentsHost}>
            <button
              type="button"
              ref={contentsButton}
              className="tool-button"
              aria-expanded={contentsOpen}
              onClick={toggleContents}
            >
              Contents
            </button>
            {contentsOpen && (
              <div className="dropdown">
                <ContentsNav
                  entries={entries}
                  current={current}
                  onNavigate={navigate}
                  onGoToPage={goToPage}
                />
              </div>
            )}
          </div>
        )}
        <div className="popover-host" ref={settingsHost}>
          <button
            type="button"
            ref={settingsButton}
            className="tool-button"
            aria-expanded={settingsOpen}
            onClick={toggleSettings}
          >
            Reader settings
          </button>
          {settingsOpen && (
            <div className="dropdown dropdown-right">
              <ReaderSettingsPanel
                settings={settings}
                onChange={onSettingsChange}
                colours={annotations.colours}
                onRenameColour={(id, meaning) => void annotations.renameColour(id, meaning)}
              />
            </div>
          )}
        </div>
      </TopBar>
      <div
        className={`reader-layout${wide ? ' wide' : ''}${pageRequest ? ' beside-page' : ''}`}
        ref={readerRoot}
      >
        {wide && view && (
          <div className="contents-column">
            <ContentsNav entries={entries} current={current} onNavigate={navigate} onGoToPage={goToPage} />
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
              onFootnote={footnotes.toggle}
              openFootnote={footnotes.openNumber}
              highlights={highlights}
              pageStarts={pageStarts}
              onClick={onArticleClick}
            />
          )}
        </main>
        <NotesColumn
          state={annotations}
          articleRef={articleRef}
          activeId={activeId}
          editingId={editingId}
          onEdit={(id) => {
            setEditingId(id)
            if (id) setActiveId(id)
          }}
          onShowPassage={showPassage}
          onShowPage={view?.hasPdf ? (annotation) => showPage(annotation.target.position) : undefined}
          onBackToPassage={(annotation) => focusPassageAt(annotation.target.position.start)}
          selection={selection}
          layoutKey={`${settings.fontSize}:${settings.columnWidth}:${wide ? 'wide' : 'narrow'}:${view ? 'ready' : ''}`}
        />
      </div>
      {selection && (
        <SelectionToolbar
          rect={selection.rect}
          meaningOf={annotations.meaningOf}
          onHighlight={(colour) => void highlight(colour, false)}
          onNote={() => void highlight(null, true)}
          onCopy={() => copyQuote()}
          extra={
            <>
              <button type="button" className="toolbar-button" onClick={() => makeCard()}>
                Make card
              </button>
              {view?.hasPdf && (
                <button
                  type="button"
                  className="toolbar-button"
                  onClick={() => showPage()}
                  title="Show page (P)"
                >
                  Show page
                </button>
              )}
            </>
          }
        />
      )}
      {cardDraft && (
        <MakeCardDialog
          documentId={documentId}
          {...cardDraft}
          // The toolbar it was made from has gone with the selection: back to the passage.
          returnFocus={() => blockElementAt(cardDraft.start)}
          onClose={(saved) => {
            setCardDraft(null)
            if (saved) toast({ message: 'Card saved: it is in your review queue' })
          }}
        />
      )}
      {pageRequest && (
        <PagePanel
          key={pageRequest.serial}
          documentId={documentId}
          request={pageRequest}
          onClose={closePage}
        />
      )}
      {footnotes.openFootnote && (
        <FootnotePopover
          footnote={footnotes.openFootnote.block}
          anchor={footnotes.openFootnote.anchor}
          onClose={footnotes.close}
        />
      )}
    </>
  )
}

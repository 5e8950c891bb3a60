// The document itself: title block, abstract and keywords set apart, sections, figure captions as
// figures, and the footnotes list linking back to where each note is referenced. Every text block
// carries data-block-id so positions, annotations and search hits can find it. A PDF's page
// boundaries are marked in the margin of the text as read (not in the notes list).
import { useMemo, type Ref } from 'react'
import type { PageStart } from '../../../shared/document/pages'
import type { Block, DocumentView } from '../../../shared/types'
import { blockAttributes } from './textOffsets'
import { BlockText, type BlockHighlight, type FootnoteMarkerHandler } from './BlockText'

export interface ArticleBodyProps {
  view: DocumentView
  onFootnote: FootnoteMarkerHandler
  openFootnote: number | null
  highlights: ReadonlyMap<string, readonly BlockHighlight[]>
  /** Where each page begins in the text as read (pageStartsOf); empty for a text without pages. */
  pageStarts: readonly PageStart[]
  onClick: (event: React.MouseEvent) => void
  ref?: Ref<HTMLElement>
}

/** The pages beginning in each block, by block id. */
function byBlock(starts: readonly PageStart[]): Map<string, PageStart[]> {
  const map = new Map<string, PageStart[]>()
  for (const start of starts) map.set(start.blockId, [...(map.get(start.blockId) ?? []), start])
  return map
}

function citationLine(view: DocumentView): string | null {
  return view.metadata.citation?.text ?? null
}

export function ArticleBody({
  view,
  onFootnote,
  openFootnote,
  highlights,
  pageStarts: starts,
  onClick,
  ref
}: ArticleBodyProps) {
  const { metadata, blocks } = view
  const abstract = blocks.filter((block) => block.kind === 'abstract')
  const body = blocks.filter((block) => block.kind !== 'abstract' && block.kind !== 'footnote')
  const footnotes = blocks.filter((block) => block.kind === 'footnote')
  const pageStarts = useMemo(() => byBlock(starts), [starts])
  const text = (block: Block) => (
    <BlockText
      block={block}
      onFootnote={onFootnote}
      openFootnote={openFootnote}
      highlights={highlights.get(block.id)}
      pageStarts={pageStarts.get(block.id)}
    />
  )

  return (
    // Clicks on highlights select their notes; the notes list gives the same by keyboard.
    <article
      ref={ref}
      className={`article${pageStarts.size > 0 ? ' article-paged' : ''}`}
      lang="en"
      onClick={onClick}
    >
      <header className="article-header">
        <h1 className="article-title">{metadata.title}</h1>
        {metadata.authors.length > 0 && <p className="article-authors">{metadata.authors.join(', ')}</p>}
        {metadata.affiliation && <p className="article-affiliation">{metadata.affiliation}</p>}
        {citationLine(view) && <p className="article-citation">{citationLine(view)}</p>}
      </header>

      {(abstract.length > 0 || metadata.keywords.length > 0) && (
        <section className="abstract" id="section-abstract" tabIndex={-1} aria-labelledby="abstract-heading">
          <h2 id="abstract-heading">Abstract</h2>
          {abstract.map((block) => (
            <p key={block.id} {...blockAttributes(block)} className="block">
              {text(block)}
            </p>
          ))}
          {metadata.keywords.length > 0 && (
            <div className="keywords">
              <span className="keywords-label" id="keywords-label">
                Keywords
              </span>
              <ul aria-labelledby="keywords-label">
                {metadata.keywords.map((keyword) => (
                  <li key={keyword}>{keyword}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      {body.map((block) => {
        if (block.kind === 'heading') {
          return (
            <h2
              key={block.id}
              id={`section-${block.id}`}
              tabIndex={-1}
              {...blockAttributes(block)}
              className="section-heading block"
            >
              {text(block)}
            </h2>
          )
        }
        if (block.kind === 'caption') {
          return (
            <figure key={block.id} className="figure">
              <figcaption {...blockAttributes(block)} className="block">
                {text(block)}
              </figcaption>
            </figure>
          )
        }
        return (
          <p key={block.id} {...blockAttributes(block)} className="block paragraph">
            {text(block)}
          </p>
        )
      })}

      {footnotes.length > 0 && (
        <section
          className="footnotes"
          id="section-footnotes"
          tabIndex={-1}
          aria-labelledby="footnotes-heading"
        >
          <h2 id="footnotes-heading">Footnotes</h2>
          <ol>
            {footnotes.map((block) => (
              <li key={block.id} id={`fn-${block.number}`} value={block.number ?? undefined}>
                <span {...blockAttributes(block)} className="block">
                  {text(block)}
                </span>{' '}
                <a
                  href={`#fnref-${block.number}`}
                  className="footnote-back"
                  aria-label={`Back to the reference of note ${block.number}`}
                  onClick={(event) => {
                    event.preventDefault()
                    const marker = document.getElementById(`fnref-${block.number}`)
                    marker?.scrollIntoView({ block: 'center' })
                    marker?.focus({ preventScroll: true })
                  }}
                >
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  )
}

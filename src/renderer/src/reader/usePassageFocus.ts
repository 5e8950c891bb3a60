// The reader's passage focus: reading and selecting from the keyboard, as Readwise Reader does. A
// paragraph of the text takes the keyboard's focus (↑/↓), then a sentence in it (←/→); Shift with
// the arrows selects by sentence (Alt+Shift by word, Shift+↑/↓ by paragraph) as the page's own
// selection, so everything that acts on a mouse selection acts on it too. The passage's keys
// (shared/shortcuts.ts) fire only while a passage has the focus: never from a text field.
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { passageAction, type PassageAction } from '../../../shared/shortcuts'
import {
  nextEdge,
  nextSentence,
  spansOf,
  type PassageBlock,
  type Span
} from '../../../shared/document/passage'
import { focusPlace } from '../app/focus'
import { blockTextNodes, selectionOffsets } from './textOffsets'

const blockSelector = '[data-block-id][data-block-start]'
const markClass = 'passage-focus'
const sentenceHighlight = 'passage-sentence'

interface PassageState {
  blockId: string
  sentence: Span | null
  /** The keyboard selection's fixed end and moving end, while there is one. */
  anchor: number | null
  focus: number | null
}

/** The acts the reader does on a passage: what the keys other than moving ask for. */
export type PassageCommand = Exclude<PassageAction, { kind: 'move' | 'extend' | 'leave' }>

function startOf(element: Element): number {
  return Number(element.getAttribute('data-block-start'))
}

function lengthOf(element: Element): number {
  return Number(element.getAttribute('data-block-length'))
}

/** The DOM point of a full-text offset inside `article`'s blocks. */
function pointAt(article: HTMLElement, offset: number): { node: Node; offset: number } | null {
  for (const element of article.querySelectorAll(blockSelector)) {
    const start = startOf(element)
    if (offset < start || offset > start + lengthOf(element)) continue
    let rest = offset - start
    const nodes = blockTextNodes(element)
    for (const node of nodes) {
      if (rest <= node.data.length) return { node, offset: rest }
      rest -= node.data.length
    }
    const last = nodes[nodes.length - 1]
    return last ? { node: last, offset: last.data.length } : { node: element, offset: 0 }
  }
  return null
}

/** The DOM range of a span of the document's full text, or null where the text is not drawn. */
export function rangeOf(article: HTMLElement, span: Span): Range | null {
  const from = pointAt(article, span.start)
  const to = pointAt(article, span.end)
  if (!from || !to) return null
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}

export function usePassageFocus({
  articleRef,
  blocks,
  ready,
  onCommand
}: {
  articleRef: RefObject<HTMLElement | null>
  blocks: readonly PassageBlock[]
  ready: boolean
  /**
   * Does a command on the span under focus (`selected`: a selection, not the focused passage itself);
   * returns false to let the key do what it does anyway.
   */
  onCommand: (command: PassageCommand, span: Span, selected: boolean) => boolean
}): { focusPassageAt: (offset: number) => void; refresh: () => void } {
  const state = useRef<PassageState | null>(null)
  const command = useRef(onCommand)
  useEffect(() => {
    command.current = onCommand
  })

  const elementOf = useCallback(
    (blockId: string): HTMLElement | null =>
      articleRef.current?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(blockId)}"]`) ?? null,
    [articleRef]
  )

  // The marks: an outline around the paragraph (CSS, while it has the focus) and the sentence in
  // the accent colour (the CSS Custom Highlight API: no change to the text's own elements).
  const render = useCallback(() => {
    const article = articleRef.current
    for (const element of article?.querySelectorAll(`.${markClass}`) ?? [])
      element.classList.remove(markClass)
    const highlights = 'highlights' in CSS ? CSS.highlights : null
    highlights?.delete(sentenceHighlight)
    const current = state.current
    if (!article || !current) return
    const element = elementOf(current.blockId)
    if (!element || document.activeElement !== element) return
    element.classList.add(markClass)
    const selecting = current.anchor !== null && current.focus !== null && current.anchor !== current.focus
    const range = current.sentence && !selecting ? rangeOf(article, current.sentence) : null
    if (range && highlights) highlights.set(sentenceHighlight, new Highlight(range))
  }, [articleRef, elementOf])

  const focusBlock = useCallback(
    (element: HTMLElement, sentence: Span | null) => {
      const blockId = element.dataset.blockId
      if (!blockId) return
      state.current = { blockId, sentence, anchor: null, focus: null }
      document.getSelection()?.removeAllRanges()
      focusPlace(element)
      const target = (sentence && articleRef.current && rangeOf(articleRef.current, sentence)) || element
      const rect = target.getBoundingClientRect()
      const top = document.querySelector('.top-bar')?.getBoundingClientRect().bottom ?? 0
      if (rect.top < top + 8 || rect.bottom > window.innerHeight - 8)
        element.scrollIntoView({ block: 'nearest' })
      if (rect.height > window.innerHeight - top) window.scrollBy(0, rect.top - top - 24)
      render()
    },
    [articleRef, render]
  )

  const blockElementAt = useCallback(
    (offset: number): HTMLElement | null => {
      const elements = [...(articleRef.current?.querySelectorAll<HTMLElement>(blockSelector) ?? [])]
      return (
        elements.find(
          (element) => offset >= startOf(element) && offset < startOf(element) + lengthOf(element)
        ) ?? null
      )
    },
    [articleRef]
  )

  /** Puts the passage focus on the sentence holding `offset` (coming back from a note). */
  const focusPassageAt = useCallback(
    (offset: number) => {
      const element = blockElementAt(offset)
      const block = blocks.find((candidate) => candidate.start === Number(element?.dataset.blockStart))
      if (!element || !block) return
      const sentence = spansOf(block, 'sentence').find((span) => offset >= span.start && offset < span.end)
      focusBlock(element, sentence ?? null)
    },
    [blockElementAt, blocks, focusBlock]
  )

  useEffect(() => {
    const article = articleRef.current
    if (!ready || !article) return

    /** The block of the text the focus is on, in the text's order on the page. */
    const move = (current: PassageState, action: Extract<PassageAction, { kind: 'move' }>): void => {
      const element = elementOf(current.blockId)
      if (!element) return
      const all = [...article.querySelectorAll<HTMLElement>(blockSelector)]
      if (action.unit === 'paragraph') {
        const next = all[all.indexOf(element) + action.direction]
        if (next) focusBlock(next, null)
        return
      }
      const start = startOf(element)
      // From a whole paragraph, → goes to its first sentence and ← to its last.
      const from = current.sentence
        ? current.sentence.start
        : action.direction === 1
          ? start - 0.5
          : start + lengthOf(element) + 0.5
      const sentence = nextSentence(blocks, from, action.direction)
      const holder = sentence && blockElementAt(sentence.start)
      if (sentence && holder) focusBlock(holder, sentence)
    }

    const extend = (current: PassageState, action: Extract<PassageAction, { kind: 'extend' }>): void => {
      const element = elementOf(current.blockId)
      if (!element) return
      // A selection made some other way since (or cleared by an action) starts afresh from the passage.
      const page = selectionOffsets(article, document.getSelection())
      const ours =
        page &&
        current.anchor !== null &&
        current.focus !== null &&
        page.start === Math.min(current.anchor, current.focus) &&
        page.end === Math.max(current.anchor, current.focus)
      if (!ours) {
        const passage = current.sentence ?? {
          start: startOf(element),
          end: startOf(element) + lengthOf(element)
        }
        current.anchor = page ? page.start : action.direction === 1 ? passage.start : passage.end
        current.focus = page ? page.end : current.anchor
      }
      const from = current.focus as number
      const shrinking = (from - (current.anchor as number)) * action.direction < 0
      const edge = nextEdge(blocks, from, action.unit, action.direction, shrinking)
      if (edge === null || edge === current.anchor) return
      current.focus = edge
      const base = pointAt(article, current.anchor as number)
      const extent = pointAt(article, edge)
      if (!base || !extent) return
      document.getSelection()?.setBaseAndExtent(base.node, base.offset, extent.node, extent.offset)
      render()
    }

    const onKey = (event: KeyboardEvent): void => {
      const action = passageAction(event)
      if (!action) return
      const target = event.target as HTMLElement
      const current = state.current
      const inPassage =
        current !== null && target.dataset.blockId === current.blockId && target.classList.contains(markClass)
      if (!inPassage) {
        // The arrows start the passage focus from the text itself (after "Skip to content", a section
        // reached from the contents, a passage a link led to): never from a control inside it.
        if (action.kind !== 'move' || target.closest('a, button, input, textarea, select')) return
        if (target.matches(blockSelector)) {
          event.preventDefault()
          focusBlock(target, null)
          return
        }
        const top = document.querySelector('.top-bar')?.getBoundingClientRect().bottom ?? 0
        const first = [...target.querySelectorAll<HTMLElement>(blockSelector)].find(
          (element) => element.getBoundingClientRect().bottom > top
        )
        if (first) {
          event.preventDefault()
          focusBlock(first, null)
        }
        return
      }
      if (action.kind === 'move') {
        event.preventDefault()
        move(current, action)
      } else if (action.kind === 'extend') {
        event.preventDefault()
        extend(current, action)
      } else if (action.kind === 'leave') {
        event.preventDefault()
        state.current = null
        document.getSelection()?.removeAllRanges()
        focusPlace(article)
        render()
      } else {
        const element = elementOf(current.blockId)
        if (!element) return
        const page = selectionOffsets(article, document.getSelection())
        const span = page
          ? { start: page.start, end: page.end }
          : (current.sentence ?? { start: startOf(element), end: startOf(element) + lengthOf(element) })
        if (command.current(action, span, page !== null)) {
          event.preventDefault()
          current.anchor = null
          current.focus = null
        }
      }
    }
    const onFocusChange = (): void => render()
    article.addEventListener('keydown', onKey)
    article.addEventListener('focusin', onFocusChange)
    article.addEventListener('focusout', onFocusChange)
    return () => {
      article.removeEventListener('keydown', onKey)
      article.removeEventListener('focusin', onFocusChange)
      article.removeEventListener('focusout', onFocusChange)
    }
  }, [articleRef, ready, blocks, elementOf, focusBlock, blockElementAt, render])

  return { focusPassageAt, refresh: render }
}

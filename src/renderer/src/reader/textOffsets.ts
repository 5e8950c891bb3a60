// Maps between the DOM and offsets in a document's full text. Every text block is rendered in an
// element carrying data-block-id and data-block-start; its text nodes, leaving out footnote markers
// ([data-marker]), spell exactly the block's text. So a point in the DOM is the block's start plus
// the length of the text before it in that block.

const blockSelector = '[data-block-id][data-block-start]'

/** The attributes every element showing a block's text carries: the contract this module reads. */
export function blockAttributes(block: {
  id: string
  start: number
  text: string
}): Record<string, string | number> {
  return {
    'data-block-id': block.id,
    'data-block-start': block.start,
    'data-block-length': block.text.length
  }
}

function isInsideMarker(node: Node, block: Element): boolean {
  let element: Element | null = node instanceof Element ? node : node.parentElement
  while (element && element !== block) {
    if (element.hasAttribute('data-marker')) return true
    element = element.parentElement
  }
  return false
}

/** The block's text nodes, in order, leaving out footnote markers. */
export function blockTextNodes(block: Element): Text[] {
  const nodes: Text[] = []
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (isInsideMarker(node, block) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
  })
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

function blockStart(block: Element): number {
  return Number(block.getAttribute('data-block-start'))
}

function blockLength(block: Element): number {
  return blockTextNodes(block).reduce((sum, node) => sum + node.data.length, 0)
}

/** Offset, within its block's text, of a DOM point inside the block. */
function offsetInBlock(block: Element, node: Node, offset: number): number {
  const point = document.createRange()
  point.setStart(node, offset)
  let total = 0
  for (const text of blockTextNodes(block)) {
    const position = point.comparePoint(text, 0)
    if (position > 0) break // this text node starts after the point
    if (text === node) return total + offset
    if (point.comparePoint(text, text.data.length) > 0) {
      // The point falls inside this text node (only possible for element boundaries around it).
      return total
    }
    total += text.data.length
  }
  return total
}

/**
 * Full-text offset of a range boundary. A boundary outside any block (in a heading's margin, the
 * title, between blocks) moves to the nearest block edge in the given direction.
 */
export function fullTextOffset(
  root: ParentNode,
  node: Node,
  offset: number,
  direction: 'forward' | 'backward'
): number | null {
  const element = node instanceof Element ? node : node.parentElement
  const block = element?.closest(blockSelector)
  if (block) return blockStart(block) + offsetInBlock(block, node, offset)
  const point = document.createRange()
  point.setStart(node, offset)
  const blocks = [...root.querySelectorAll(blockSelector)]
  if (direction === 'forward') {
    const next = blocks.find((candidate) => point.comparePoint(candidate, 0) >= 0)
    return next ? blockStart(next) : null
  }
  const previous = [...blocks]
    .reverse()
    .find((candidate) => point.comparePoint(candidate, candidate.childNodes.length) <= 0)
  return previous ? blockStart(previous) + blockLength(previous) : null
}

export interface TextSelection {
  start: number
  end: number
  text: string
  /** The rectangle of the selection, for placing a toolbar beside it. */
  rect: DOMRect
}

/** The current selection as full-text offsets, if it lies (at least partly) in `root`'s blocks. */
export function selectionOffsets(root: HTMLElement, selection: Selection | null): TextSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const start = fullTextOffset(root, range.startContainer, range.startOffset, 'forward')
  const end = fullTextOffset(root, range.endContainer, range.endOffset, 'backward')
  if (start === null || end === null || end <= start) return null
  return { start, end, text: selection.toString(), rect: range.getBoundingClientRect() }
}

// Finds every match of a query in the rendered document and describes each as a DOM Range over
// the existing text nodes, so matches can be painted with the CSS Custom Highlight API without
// touching the DOM React renders. Matching folds diacritics and case the way search does.
import { findAll, foldForFind, foldWithMap } from '../../../shared/search/fold'

/** Text that is not the document's own words: footnote marker numbers, back links, hidden labels. */
const skipped = '[data-marker], .footnote-back, [aria-hidden="true"], button'

interface TextRun {
  nodes: Text[]
  starts: number[]
  text: string
}

/** Consecutive text nodes of one block (a paragraph split by emphasis is still one run). */
function textRuns(root: HTMLElement): TextRun[] {
  const runs: TextRun[] = []
  let current: TextRun | null = null
  let currentBlock: Element | null = null
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement
    if (!parent || parent.closest(skipped)) continue
    const block = parent.closest('[data-block-id], h1, h2, h3, p, li, figcaption') ?? parent
    if (!current || block !== currentBlock) {
      current = { nodes: [], starts: [], text: '' }
      currentBlock = block
      runs.push(current)
    }
    current.starts.push(current.text.length)
    current.nodes.push(node)
    current.text += node.data
  }
  return runs
}

function locate(run: TextRun, offset: number, isEnd: boolean): [Text, number] {
  let index = run.starts.length - 1
  while (index > 0 && (run.starts[index] as number) > offset) index--
  // An end offset that falls exactly at a node boundary belongs to the node before it.
  if (isEnd && index > 0 && run.starts[index] === offset) index--
  const node = run.nodes[index] as Text
  return [node, offset - (run.starts[index] as number)]
}

export function findRanges(root: HTMLElement, query: string): Range[] {
  const folded = foldForFind(query)
  if (folded.length === 0) return []
  const ranges: Range[] = []
  for (const run of textRuns(root)) {
    const map = foldWithMap(run.text)
    for (const [start, end] of findAll(map, folded)) {
      const range = document.createRange()
      const [startNode, startOffset] = locate(run, start, false)
      const [endNode, endOffset] = locate(run, end, true)
      range.setStart(startNode, startOffset)
      range.setEnd(endNode, endOffset)
      ranges.push(range)
    }
  }
  return ranges
}

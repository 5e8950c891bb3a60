// Where each note card goes in the column beside the text: level with its passage, pushed down
// just enough not to overlap the card above. Pure, so it is tested without a page.

const gap = 8

export interface StackInput {
  id: string
  desiredTop: number
  height: number
}

/**
 * Greedy stacking: in order of wished-for top, each card goes as high as it can without overlap,
 * and never above the column's top (a passage above it, such as the text's first line, would put
 * its card over the NOTES header).
 */
export function stackCards(cards: readonly StackInput[]): Map<string, number> {
  const sorted = [...cards].sort((a, b) => a.desiredTop - b.desiredTop)
  const tops = new Map<string, number>()
  let nextFree = 0
  for (const card of sorted) {
    const top = Math.max(card.desiredTop, nextFree)
    tops.set(card.id, top)
    nextFree = top + card.height + gap
  }
  return tops
}

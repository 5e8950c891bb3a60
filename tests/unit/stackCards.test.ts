// Note cards beside the text: level with their passages, never overlapping, never above the column.
import { describe, expect, it } from 'vitest'
import { stackCards, type StackInput } from '../../src/renderer/src/notes/stackCards'

const cases: { rule: string; cards: StackInput[]; tops: Record<string, number> }[] = [
  {
    rule: 'puts each card level with its passage when there is room',
    cards: [
      { id: 'a', desiredTop: 100, height: 50 },
      { id: 'b', desiredTop: 400, height: 50 }
    ],
    tops: { a: 100, b: 400 }
  },
  {
    rule: 'pushes a card below the one above it, with a gap, in the order of their passages',
    cards: [
      { id: 'later', desiredTop: 120, height: 40 },
      { id: 'first', desiredTop: 100, height: 60 }
    ],
    tops: { first: 100, later: 168 }
  },
  {
    // A passage above the column's top: the text's first line sits higher than the first card can.
    rule: 'never puts a card above the column’s top, where the NOTES header is',
    cards: [
      { id: 'title', desiredTop: -26, height: 80 },
      { id: 'next', desiredTop: 10, height: 40 }
    ],
    tops: { title: 0, next: 88 }
  }
]

describe('stackCards', () => {
  it.each(cases)('$rule', ({ cards, tops }) => {
    expect(Object.fromEntries(stackCards(cards))).toEqual(tops)
  })
})

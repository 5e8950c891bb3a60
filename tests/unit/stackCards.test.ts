// Note cards beside the text: level with their passages, never overlapping, never above the column.
import { describe, expect, it } from 'vitest'
import { stackCards } from '../../src/renderer/src/notes/stackCards'

describe('stackCards', () => {
  it('puts each card level with its passage when there is room', () => {
    const tops = stackCards([
      { id: 'a', desiredTop: 100, height: 50 },
      { id: 'b', desiredTop: 400, height: 50 }
    ])
    expect(tops.get('a')).toBe(100)
    expect(tops.get('b')).toBe(400)
  })

  it('pushes a card down below the one above it, with a gap, in the order of their passages', () => {
    const tops = stackCards([
      { id: 'later', desiredTop: 120, height: 40 },
      { id: 'first', desiredTop: 100, height: 60 }
    ])
    expect(tops.get('first')).toBe(100)
    expect(tops.get('later')).toBe(168)
  })

  it('never puts a card above the column’s top, where the NOTES header is', () => {
    // A passage above the column's top: the text's first line sits higher than the first card can.
    const tops = stackCards([
      { id: 'title', desiredTop: -26, height: 80 },
      { id: 'next', desiredTop: 10, height: 40 }
    ])
    expect(tops.get('title')).toBe(0)
    expect(tops.get('next')).toBe(88)
  })
})

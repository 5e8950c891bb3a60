import { describe, expect, it } from 'vitest'
import { nextEdge, nextSentence, spansOf, type PassageBlock } from '../../src/shared/document/passage'
import { passageAction, passageShortcuts, shortcutList } from '../../src/shared/shortcuts'
import { press } from '../support/keyPress'

// Two blocks of a full text, joined as the back end lays them out (a blank line between).
const first: PassageBlock = {
  start: 0,
  text: 'From the late 1960s, however, the DPRK started promoting an independent foreign policy. While the common experiences helped.'
}
const second: PassageBlock = { start: first.text.length + 2, text: 'A new paragraph. It ends here.' }
const blocks = [second, first]
const at = (block: PassageBlock, words: string) => block.start + block.text.indexOf(words)
const slice = (from: number, to: number) => `${first.text}\n\n${second.text}`.slice(from, to)

describe('the passage focus: sentences and words of the text', () => {
  it('finds each sentence without its trailing space, and the words', () => {
    expect(spansOf(first, 'sentence').map((span) => slice(span.start, span.end))).toEqual([
      'From the late 1960s, however, the DPRK started promoting an independent foreign policy.',
      'While the common experiences helped.'
    ])
    expect(spansOf(second, 'word').map((span) => slice(span.start, span.end))).toEqual([
      'A',
      'new',
      'paragraph',
      'It',
      'ends',
      'here'
    ])
  })

  it('grows a selection by sentence and word, and shrinks it without a dangling space', () => {
    const sentenceEnd = nextEdge(blocks, 0, 'sentence', 1)
    expect(slice(0, sentenceEnd ?? 0)).toBe(
      'From the late 1960s, however, the DPRK started promoting an independent foreign policy.'
    )
    const oneWord = nextEdge(blocks, sentenceEnd ?? 0, 'word', 1) ?? 0
    const twoWords = nextEdge(blocks, oneWord, 'word', 1) ?? 0
    expect(slice(0, twoWords).endsWith('policy. While the')).toBe(true)
    expect(slice(0, nextEdge(blocks, twoWords, 'word', -1, true) ?? 0).endsWith('policy. While')).toBe(true)
    expect(slice(0, nextEdge(blocks, oneWord, 'word', -1, true) ?? 0).endsWith('policy.')).toBe(true)
    // Growing backwards goes to the start of the word before.
    expect(slice(nextEdge(blocks, oneWord, 'word', -1) ?? 0, oneWord)).toBe('While')
  })

  it('crosses into the next paragraph, and stops at the ends of the text', () => {
    const end = first.text.length
    expect(slice(0, nextEdge(blocks, end, 'sentence', 1) ?? 0).endsWith('A new paragraph.')).toBe(true)
    expect(nextEdge(blocks, second.start + second.text.length, 'word', 1)).toBeNull()
    expect(nextEdge(blocks, 0, 'paragraph', -1)).toBeNull()
    expect(nextEdge(blocks, 3, 'paragraph', 1)).toBe(first.text.length)
  })

  it('moves from sentence to sentence, across paragraphs', () => {
    const second1 = nextSentence(blocks, 0, 1)
    expect(second1 && slice(second1.start, second1.end)).toBe('While the common experiences helped.')
    const next = second1 && nextSentence(blocks, second1.start, 1)
    expect(next && slice(next.start, next.end)).toBe('A new paragraph.')
    const back = next && nextSentence(blocks, next.start, -1)
    expect(back).toEqual(second1)
    expect(nextSentence(blocks, at(second, 'It ends'), 1)).toBeNull()
  })
})

describe('the passage keys', () => {
  it('tells the arrows, Shift+arrows and Alt+Shift+arrows apart', () => {
    expect(passageAction(press('ArrowDown'))).toEqual({ kind: 'move', unit: 'paragraph', direction: 1 })
    expect(passageAction(press('ArrowLeft'))).toEqual({ kind: 'move', unit: 'sentence', direction: -1 })
    expect(passageAction(press('ArrowRight', { shiftKey: true }))).toEqual({
      kind: 'extend',
      unit: 'sentence',
      direction: 1
    })
    expect(passageAction(press('ArrowLeft', { shiftKey: true, altKey: true }))).toEqual({
      kind: 'extend',
      unit: 'word',
      direction: -1
    })
    expect(passageAction(press('ArrowLeft', { altKey: true }))).toBeNull()
  })

  it('takes letters in either case and digits 1 to 5, never with Ctrl or Cmd', () => {
    expect(passageAction(press('H', { shiftKey: false }))).toEqual({ kind: 'highlight', colour: null })
    expect(passageAction(press('3'))).toEqual({ kind: 'highlight', colour: 2 })
    expect(passageAction(press('6'))).toBeNull()
    expect(passageAction(press('c', { ctrlKey: true }))).toBeNull()
    expect(passageAction(press('k'))).toEqual({ kind: 'card' })
    expect(passageAction(press('Delete'))).toEqual({ kind: 'delete' })
    expect(passageAction(press('?', { shiftKey: true }))).toEqual({ kind: 'help' })
  })

  it('lists every passage key in Help › Keyboard shortcuts, each matching what the handler does', () => {
    for (const entry of passageShortcuts) {
      expect(shortcutList).toContainEqual({ label: entry.label, keys: entry.keys })
      for (const binding of entry.bindings)
        expect(
          passageAction(
            press(binding.key, { shiftKey: binding.shift ?? false, altKey: binding.alt ?? false })
          )
        ).toEqual(binding.action)
    }
  })
})

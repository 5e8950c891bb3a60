// How much of compromise extraction runs (issue 21: a 200,000-word book in ≤ 20 s). Tagging a
// text is ten times the work of splitting it into sentences, so sentences are split with the
// tokenizer alone, and only a sentence holding a possible name is tagged. Counted, not timed.

import nlp from 'compromise'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { extractActors, extractDatedEvents, splitSentences } from '../../src/shared/extraction'
import { blocksOf } from '../support/extractionBlocks'

vi.mock('compromise', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof nlp }>()).default
  // A full parse (tagging) goes through the default function; tokenize is counted apart.
  const parse = vi.fn((text: string): ReturnType<typeof nlp> => real(text))
  const tokenize = vi.fn((text: string): ReturnType<typeof nlp> => real.tokenize(text))
  return { default: Object.assign(parse, real, { tokenize }) }
})

const parse = vi.mocked(nlp)
const tokenize = vi.mocked(nlp.tokenize)

beforeEach(() => {
  parse.mockClear()
  tokenize.mockClear()
})

describe('compromise work per text', () => {
  it('splits sentences with the tokenizer alone, never a full parse', () => {
    const text = 'The delegation left on 4 May 1961. It came back in June. Nothing else happened then.'
    expect(splitSentences(text).map((sentence) => sentence.text)).toHaveLength(3)
    expect(tokenize).toHaveBeenCalledTimes(1)
    expect(parse).not.toHaveBeenCalled()
  })

  it('reads dates without tagging anything', () => {
    extractDatedEvents(
      blocksOf(['paragraph', 'In March 1958 the last troops left. They had come in October 1950.'])
    )
    expect(parse).not.toHaveBeenCalled()
  })

  it('tags only the sentences that hold a capitalised name, each once', () => {
    const plain = Array.from({ length: 8 }, (_, index) => `the talks went on for day ${index + 1}.`)
    const text = ['Then Zhou Enlai spoke first.', ...plain.map((sentence) => `And ${sentence}`)].join(' ')
    const actors = extractActors(blocksOf(['paragraph', text]))
    expect(actors.map((actor) => actor.name)).toContain('Zhou Enlai')
    expect(parse.mock.calls.map(([tagged]) => tagged)).toEqual(['Then Zhou Enlai spoke first.'])
  })
})

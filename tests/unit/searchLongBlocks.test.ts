// Long blocks (issue 17): a whole speech or book imported as one block. Each posting keeps where
// its term first occurs, and the snippet is cut from a window there, so a query reads a few hundred
// characters of each hit rather than the whole block.
import { describe, expect, it } from 'vitest'
import { textRow as row } from '../support/searchRows'
import { searchSegments } from '../../src/shared/search/engine'
import { parseQuery } from '../../src/shared/search/query'
import { buildSegment, deserialiseSegment, findTerm, serialiseSegment } from '../../src/shared/search/segment'
import { snippetAround } from '../../src/shared/search/snippet'

const filler = 'The committee met again and talked at length about the harvest and the roads. '
const speech = `${filler.repeat(2000)}Then the treaty with Tripoli was signed. ${filler.repeat(50)}`
const tripoliAt = speech.indexOf('Tripoli')

describe('long blocks', () => {
  it('keeps where each term first occurs in its row, and keeps it through a restart', () => {
    const segment = buildSegment('doc:d1', 'v1', [
      row('b1', speech),
      row('b2', 'Tripoli first, then the treaty.')
    ])
    const index = findTerm(segment.terms, 'atripoli')
    const start = segment.offsets[index] as number
    expect([...segment.postingFirsts.subarray(start, start + 2)]).toEqual([tripoliAt, 0])
    const loaded = deserialiseSegment(serialiseSegment(segment), segment.textOf)
    expect(loaded && [...loaded.postingFirsts]).toEqual([...segment.postingFirsts])
  })

  it('cuts the snippet from a window at the first match, deep inside a long block', () => {
    const { snippet, firstMatch } = snippetAround(speech, tripoliAt, new Set(['tripoli', 'treati']))
    expect(firstMatch).toBe(speech.indexOf('treaty', tripoliAt - 30))
    expect(snippet.cutStart && snippet.cutEnd).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(230)
    expect(snippet.ranges.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['treaty', 'Tripoli'])
  })

  it('never marks half a word at the edge of the window', () => {
    const text = `${'x'.repeat(500)} ${'abc '.repeat(10)}treaty abc`
    const { snippet } = snippetAround(text, text.indexOf('treaty'), new Set(['treati', 'abc']))
    for (const [a, b] of snippet.ranges)
      for (const word of snippet.text.slice(a, b).split(' ')) expect(['abc', 'treaty']).toContain(word)
  })

  it('opens the reader at the match and marks it, whatever the block length', () => {
    const segment = buildSegment('doc:d1', 'v1', [row('b1', speech, 1000)])
    const { groups } = searchSegments([{ segment }], parseQuery('tripoli '))
    const hit = groups[0]?.hits[0]
    expect(hit?.at).toBe(1000 + tripoliAt)
    expect(hit?.snippet.ranges.map(([a, b]) => hit.snippet.text.slice(a, b))).toEqual(['Tripoli'])
  })

  it('reads a segment of the older format as one to rebuild', () => {
    const bytes = serialiseSegment(buildSegment('doc:d1', 'v1', [row('b1', 'a treaty')]))
    const length = new DataView(bytes.buffer).getUint32(0, true)
    const json = new TextDecoder().decode(bytes.subarray(4, 4 + length)).replace('{"v":3', '{"v":2')
    const old = new Uint8Array(bytes)
    old.set(new TextEncoder().encode(json), 4)
    expect(deserialiseSegment(old, () => '')).toBeNull()
  })
})

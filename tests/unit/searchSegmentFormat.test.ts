// The persisted segment format (issue 17, at ten million words): rows are kept without their
// texts, which are read by row only for the results shown; terms are UTF-8 bytes sorted by code
// point and searched in place; the arrays are views into the stored bytes, not copies.
import { describe, expect, it } from 'vitest'
import { textRow as row } from '../support/searchRows'
import { searchSegments } from '../../src/shared/search/engine'
import { parseQuery } from '../../src/shared/search/query'
import { buildSegment, deserialiseSegment, findTerm, serialiseSegment } from '../../src/shared/search/segment'
import { compareByCodePoint, TermTable } from '../../src/shared/search/termTable'

const rows = [
  row('b1', 'The treaty with Tripoli was signed.'),
  row('b2', "Ch'oe Ch'ang-ik and Hong Sökryul (홍석률) wrote of the treaty."),
  row('b3', 'Nothing here but harvest and roads.')
]

describe('segment format', () => {
  it('keeps the rows without their texts and reads the arrays in place', () => {
    const segment = buildSegment('doc:d1', 'v1', rows)
    const bytes = serialiseSegment(segment)
    expect(new TextDecoder().decode(bytes)).not.toContain('Tripoli was signed')
    const loaded = deserialiseSegment(bytes, (index) => `text ${index}`)
    expect(loaded).not.toBeNull()
    if (!loaded) return
    expect(loaded.postingRows.buffer).toBe(bytes.buffer)
    expect(loaded.terms.bytes.buffer).toBe(bytes.buffer)
    expect(loaded.rows.map((loadedRow) => loadedRow.id)).toEqual(['b1', 'b2', 'b3'])
    expect(loaded.rows.some((loadedRow) => 'text' in loadedRow)).toBe(false)
    expect(loaded.textOf(1)).toBe('text 1')
    for (const array of ['offsets', 'postingRows', 'postingCounts', 'postingFirsts', 'fieldLengths'] as const)
      expect([...loaded[array]]).toEqual([...segment[array]])
    const terms = Array.from({ length: segment.terms.length }, (_, index) => segment.terms.at(index))
    expect(terms).toContain('a홍석률')
    expect(Array.from({ length: loaded.terms.length }, (_, index) => loaded.terms.at(index))).toEqual(terms)
    for (const [index, term] of terms.entries()) expect(findTerm(loaded.terms, term)).toBe(index)
  })

  it('finds terms beyond the Basic Multilingual Plane and near its end alike', () => {
    // UTF-16 order puts the surrogate pair of U+1D518 before U+FFFD; UTF-8 bytes put it after.
    const terms = ['a\u{1D518}x', 'a\uFFFDx', 'ab'].sort(compareByCodePoint)
    expect(terms).toEqual(['ab', 'a\uFFFDx', 'a\u{1D518}x'])
    const table = TermTable.fromSorted(terms)
    expect(terms.map((term) => table.find(term))).toEqual([0, 1, 2])
    expect(table.startsWith(2, 'a\u{1D518}')).toBe(true)
  })

  it('a query reads the texts of the results it shows, and no others', () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      row(`b${index}`, `Treaty number ${index} was signed.`)
    )
    const built = buildSegment('doc:d1', 'v1', many)
    const read: number[] = []
    const loaded = deserialiseSegment(serialiseSegment(built), (index) => {
      read.push(index)
      return many[index]?.text ?? ''
    })
    if (!loaded) throw new Error('not loaded')
    const { groups } = searchSegments([{ segment: loaded }], parseQuery('treaty '), { limit: 5 })
    expect(groups[0]?.count).toBe(60)
    expect(groups[0]?.hits.map((hit) => hit.snippet.text)).toEqual(read.map((index) => many[index]?.text))
    expect(read).toHaveLength(5)
  })

  it('keeps row numbers and first offsets in 16 bits unless they need more, through a restart', () => {
    const short = buildSegment('doc:d1', 'v1', rows)
    expect([short.postingRows, short.postingFirsts].map((array) => array.BYTES_PER_ELEMENT)).toEqual([2, 2])
    const long = `${'word '.repeat(14000)}treaty`
    const wide = buildSegment('doc:d1', 'v1', [...rows, row('b4', long)])
    expect(wide.postingFirsts.BYTES_PER_ELEMENT).toBe(4)
    const loaded = deserialiseSegment(serialiseSegment(wide), () => '')
    expect(loaded?.postingFirsts.BYTES_PER_ELEMENT).toBe(4)
    expect(loaded && [...loaded.postingFirsts]).toEqual([...wide.postingFirsts])
    expect(loaded?.postingFirsts).toContain(long.indexOf('treaty'))
  })

  it('reads a segment cut short as one to rebuild', () => {
    const bytes = serialiseSegment(buildSegment('doc:d1', 'v1', rows))
    expect(deserialiseSegment(bytes.subarray(0, bytes.length - 10), () => '')).toBeNull()
  })
})

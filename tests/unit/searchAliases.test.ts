// Every spelling of an actor (issue 17): a query naming an actor the who's-who knows also finds the
// passages that spell it otherwise, and each such passage says which spelling it holds.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { textRow as row } from '../support/searchRows'
import { openDatabase } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrations'
import { createInThreadBuilder } from '../../src/main/services/search/builder'
import { createSearchService } from '../../src/main/services/search/searchService'
import { aliasSearch, mergeActors, type ActorNames } from '../../src/shared/search/aliases'
import { searchSegments } from '../../src/shared/search/engine'
import { parseQuery } from '../../src/shared/search/query'
import { buildSegment } from '../../src/shared/search/segment'

const kim: ActorNames = { name: 'Kim Il Sung', kind: 'person', aliases: ['Kim', 'Sung', 'Kim II Sung'] }
const northKorea: ActorNames = {
  name: 'North Korea',
  kind: 'state',
  aliases: ['DPRK', 'North Korean', 'Pyongyang']
}

const marksOf = (hit: { snippet: { text: string; ranges: Array<[number, number]> } }): string[] =>
  hit.snippet.ranges.map(([a, b]) => hit.snippet.text.slice(a, b))

describe('aliases of a known actor', () => {
  it('searches the other forms of a name, but not a person’s surname alone', () => {
    const found = aliasSearch(parseQuery('Kim Il Sung'), [kim, northKorea])
    expect(found?.name).toBe('Kim Il Sung')
    expect(found?.forms).toEqual(['Kim II Sung'])
  })

  it('is set off by an alias as well as by the name, and keeps the other words of the query', () => {
    const found = aliasSearch(parseQuery('visit Kim II Sung -China'), [kim])
    expect(found?.forms).toEqual(['Kim Il Sung'])
    const words = found?.alternatives[0]?.query.clauses.map((clause) => `${clause.presence}:${clause.word}`)
    expect(words).toEqual([
      'required:kim',
      'required:il',
      'required:sung',
      'required:visit',
      'prohibited:china'
    ])
  })

  it('leaves single words and unknown names alone', () => {
    expect(aliasSearch(parseQuery('Kim'), [kim])).toBeNull()
    expect(aliasSearch(parseQuery('Kim Jong Il'), [kim])).toBeNull()
    expect(aliasSearch(parseQuery('north korea'), [northKorea])?.forms).toEqual([
      'DPRK',
      'North Korean',
      'Pyongyang'
    ])
  })

  it('merges the same actor from several documents', () => {
    const merged = mergeActors([kim, { name: 'Kim Il Sung', kind: 'person', aliases: ['Kim Il-sŏng'] }])
    expect(merged).toEqual([
      { name: 'Kim Il Sung', kind: 'person', aliases: ['Kim', 'Sung', 'Kim II Sung', 'Kim Il-sŏng'] }
    ])
  })

  it('finds every spelling, each passage once, and says which spelling a passage holds', () => {
    const segment = buildSegment('doc:d1', 'v1', [
      row('b1', 'In 1972 Kim Il Sung received the envoy.'),
      row('b2', 'The speech of Kim II Sung (OCR) was printed. Kim Il Sung spoke again.'),
      row('b3', 'Later Kim II Sung travelled to Beijing.'),
      row('b4', 'Kim Jong Il is another person.')
    ])
    const query = parseQuery('Kim Il Sung')
    const plain = searchSegments([{ segment }], query)
    expect(plain.total).toBe(2)
    const alias = aliasSearch(query, [kim])
    const { groups, total } = searchSegments([{ segment }], query, { alternatives: alias?.alternatives })
    expect(total).toBe(3)
    const hits = groups[0]?.hits ?? []
    expect(hits.map((hit) => hit.blockId).sort()).toEqual(['b1', 'b2', 'b3'])
    expect(hits.find((hit) => hit.blockId === 'b3')?.matchedAs).toBe('Kim II Sung')
    expect(hits.find((hit) => hit.blockId === 'b1')?.matchedAs).toBeNull()
    // Both spellings are marked, each as one stretch of text.
    expect(marksOf(hits.find((hit) => hit.blockId === 'b2') as (typeof hits)[number])).toEqual([
      'Kim II Sung',
      'Kim Il Sung'
    ])
  })

  it('finds the bundled article’s Kim II Sung passages for "Kim Il Sung"', () => {
    const article = readFileSync(join(__dirname, '../../resources/kim-2018-sino-dprk-split.md'), 'utf8')
    const rows = article
      .split(/\n\s*\n/)
      .map((text, index) => row(`b${index}`, text))
      .filter((candidate) => candidate.text.trim().length > 0)
    const segment = buildSegment('doc:d1', 'v1', rows)
    const query = parseQuery('Kim Il Sung ')
    const plain = searchSegments([{ segment }], query).total
    const alias = aliasSearch(query, [kim])
    const withAliases = searchSegments([{ segment }], query, { alternatives: alias?.alternatives })
    expect(withAliases.total).toBeGreaterThan(plain)
    expect(withAliases.groups[0]?.hits.some((hit) => hit.matchedAs === 'Kim II Sung')).toBe(true)
  })
})

describe('the search service with the who’s-who', () => {
  it('says which other spellings it searched, and which one each passage holds', async () => {
    const db = openDatabase(':memory:')
    migrate(db)
    const rows = [row('b1', 'Kim Il Sung received the envoy.'), row('b2', 'Later Kim II Sung travelled.')]
    let asked = 0
    const service = createSearchService({
      db,
      sources: [{ name: 'test', segments: () => [{ key: 'doc:d1', stamp: 'v1' }], rows: () => rows }],
      titleOf: () => 'Article',
      now: () => 0,
      builder: createInThreadBuilder(),
      actorsAfterIdleMs: 0,
      actorNames: () => {
        asked++
        return Promise.resolve([kim])
      }
    })
    await service.refresh()
    await service.whenActorsRead()
    // Nothing is read before the first search.
    expect(asked).toBe(0)
    service.search({ query: 'Kim' })
    await service.whenActorsRead()
    const results = service.search({ query: 'Kim Il Sung' })
    expect(results.alsoAs).toEqual({ name: 'Kim Il Sung', forms: ['Kim II Sung'] })
    const byBlock = new Map(results.groups[0]?.hits.map((hit) => [hit.blockId, hit.matchedAs]))
    expect(byBlock).toEqual(
      new Map([
        ['b1', null],
        ['b2', 'Kim II Sung']
      ])
    )
    expect(service.search({ query: 'envoy' }).alsoAs).toBeNull()
    // Nothing changed: the who's-who is not asked again.
    await service.refresh()
    await service.whenActorsRead()
    expect(asked).toBe(1)
    await service.close()
    db.close()
  })
})

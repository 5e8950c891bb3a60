// The search index's life cycle and the search API. Segments (one per document, one per notes or
// cards source) are loaded from SQLite when their stamp still matches what the source says it
// holds, and rebuilt on the builder thread otherwise — never at start-up when nothing changed.
// Loading and building run after start-up in small steps, so the reader never waits on them.
// Rows a source changed after its segment was built are searched directly meanwhile.
import { aliasSearch, mergeActors, type ActorNames } from '../../../shared/search/aliases'
import { searchSegments, VocabularyCache, type SegmentView } from '../../../shared/search/engine'
import { parseQuery } from '../../../shared/search/query'
import {
  buildSegment,
  deserialiseSegment,
  rowTextsOf,
  type IndexRow,
  type Segment
} from '../../../shared/search/segment'
import type { SearchFacets, SearchRequest, SearchResults, SearchStatus } from '../../../shared/search/types'
import { highlightColourIds } from '../../../shared/types'
import type { Db } from '../../db/connection'
import { createSegmentBuilder, type SegmentBuilder } from './builder'
import { createSegmentStore } from './segmentStore'
import type { SearchSource } from './sources'

export interface SearchServiceDependencies {
  db: Db
  sources: SearchSource[]
  /** A document's title, for results. */
  titleOf: (documentId: string) => string
  now: () => number
  builder?: SegmentBuilder
  /** How long stamps are trusted before a query checks them again (ms). */
  recheckAfterMs?: number
  /**
   * The actors of the library's documents, from the who's-who: a query naming one also finds its
   * other spellings. Asked at the first search and again when the segments change; until it
   * answers, queries go without.
   */
  actorNames?: () => Promise<ActorNames[]>
  /** How long searching must pause before the who's-who is read (ms): its first run is heavy. */
  actorsAfterIdleMs?: number
}

interface Wanted {
  source: SearchSource
  stamp: string
}

const loadBatch = 16
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export function createSearchService(dependencies: SearchServiceDependencies) {
  const { db, sources, titleOf, now } = dependencies
  const store = createSegmentStore(db)
  const builder = dependencies.builder ?? createSegmentBuilder()
  const recheckAfterMs = dependencies.recheckAfterMs ?? 1000
  const loaded = new Map<string, Segment>()
  let wanted = new Map<string, Wanted>()
  let views: SegmentView[] = []
  let lastCheck = Number.NEGATIVE_INFINITY
  let running: Promise<void> | null = null
  let again = false
  let building = 0
  let closed = false
  const newest = new WeakMap<Segment, number>()
  let fresh: { signature: string; segment: Segment } | null = null
  let currentViews: SegmentView[] = []
  const vocabulary = new VocabularyCache(() => currentViews)
  let actors: ActorNames[] = []
  let actorsFor = ''
  let actorsRead: Promise<void> = Promise.resolve()
  // The who's-who is first read when someone searches: a library never searched never runs the
  // extraction for it. Its first run loads a language model and reads every text, so it waits
  // for a pause in searching rather than compete with the reader opening the passage just chosen.
  let searched = false
  let actorsTimer: ReturnType<typeof setTimeout> | null = null
  let releaseActors: (() => void) | null = null
  const actorsAfterIdleMs = dependencies.actorsAfterIdleMs ?? 3000
  const titles = new Map<string, string>()
  const cachedTitleOf = (documentId: string): string => {
    let title = titles.get(documentId)
    if (title === undefined) titles.set(documentId, (title = titleOf(documentId)))
    return title
  }

  function refreshViews(): void {
    views = [...wanted.keys()].flatMap((key) => {
      const segment = loaded.get(key)
      return segment ? [{ segment }] : []
    })
    vocabulary.invalidate()
  }

  function newestRowOf(segment: Segment): number {
    let value = newest.get(segment)
    if (value === undefined) {
      value = segment.rows.reduce((latest, row) => Math.max(latest, row.updatedAt), Number.NEGATIVE_INFINITY)
      newest.set(segment, value)
    }
    return value
  }

  /** Segments loaded with the wanted stamp: counted again only after `loaded` or `wanted` changed. */
  let readyCount: number | null = null
  function setLoaded(key: string, segment: Segment): void {
    loaded.set(key, segment)
    readyCount = null
  }

  /** A stored segment, its rows' texts read from the store when a result shows them. */
  function loadSegment(key: string, bytes: Uint8Array): Segment | null {
    return deserialiseSegment(bytes, (row) => (closed ? '' : store.readText(key, row)))
  }

  async function reconcileOnce(): Promise<void> {
    if (closed) return
    titles.clear()
    const stored = new Map(store.list().map((info) => [info.key, info]))
    wanted = new Map()
    for (const source of sources)
      for (const { key, stamp } of source.segments()) wanted.set(key, { source, stamp })
    readyCount = null
    for (const key of [...loaded.keys()]) if (!wanted.has(key)) loaded.delete(key)
    for (const key of stored.keys()) if (!wanted.has(key)) store.remove(key)
    refreshViews()

    const toBuild: string[] = []
    let sinceYield = 0
    for (const [key, { stamp }] of wanted) {
      if (loaded.get(key)?.stamp === stamp) continue
      if (stored.get(key)?.stamp !== stamp) {
        toBuild.push(key)
        continue
      }
      const bytes = store.read(key)
      const segment = bytes ? loadSegment(key, bytes) : null
      if (segment && segment.stamp === stamp) setLoaded(key, segment)
      else toBuild.push(key)
      if (++sinceYield >= loadBatch) {
        sinceYield = 0
        refreshViews()
        await yieldToEventLoop()
        if (closed) return
      }
    }
    refreshViews()

    building = toBuild.length
    for (const key of toBuild) {
      if (closed) return
      const target = wanted.get(key)
      if (!target) continue
      const rows = target.source.rows(key)
      const done = await builder.build({ key, stamp: target.stamp, rows })
      building--
      // The content changed while it was being built: the next pass builds it again.
      if (closed || wanted.get(key)?.stamp !== target.stamp) continue
      store.write(key, target.stamp, done.words, done.bytes, rowTextsOf(rows), now())
      const segment = loadSegment(key, done.bytes)
      if (segment) setLoaded(key, segment)
      refreshViews()
    }
    building = 0
    if (searched) scheduleActors()
  }

  /** Reads the actors once searching has paused (each call starts the pause again). */
  function scheduleActors(): void {
    if (!dependencies.actorNames || closed) return
    if (actorsTimer) clearTimeout(actorsTimer)
    if (!releaseActors) actorsRead = new Promise((resolve) => (releaseActors = resolve))
    actorsTimer = setTimeout(() => {
      actorsTimer = null
      const release = releaseActors
      releaseActors = null
      void refreshActors().finally(() => release?.())
    }, actorsAfterIdleMs)
  }

  /** Reads the actors again when the set of segments changed; a failure leaves search without aliases. */
  async function refreshActors(): Promise<void> {
    const signature = [...wanted].map(([key, { stamp }]) => `${key}@${stamp}`).join('|')
    if (!dependencies.actorNames || signature === actorsFor) return
    actorsFor = signature
    try {
      const found = await dependencies.actorNames()
      if (!closed && actorsFor === signature) actors = mergeActors(found)
    } catch (error) {
      if (!closed) console.error('Scholia search: reading the who’s-who for aliases failed:', error)
    }
  }

  /** Brings the index up to date with the sources; one pass at a time, repeated when asked meanwhile. */
  function reconcile(): Promise<void> {
    // Once closed (the library is shutting down or being replaced) nothing may touch the database.
    if (closed) return Promise.resolve()
    lastCheck = now()
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          try {
            await reconcileOnce()
          } catch (error) {
            // The index is derived data: a failed pass leaves what is loaded searchable and is
            // tried again at the next check, rather than taking the process down.
            building = 0
            if (!closed) console.error('Scholia search: updating the index failed:', error)
          }
        } while (again && !closed)
      } finally {
        running = null
      }
    })()
    return running
  }

  function status(): SearchStatus {
    if (readyCount === null) {
      readyCount = 0
      for (const [key, { stamp }] of wanted) if (loaded.get(key)?.stamp === stamp) readyCount++
    }
    const ready = readyCount
    return { ready, total: wanted.size, building: building > 0 || (running !== null && ready < wanted.size) }
  }

  /** One view object per segment with nothing hidden, so that a query makes none per segment. */
  const plainViews = new WeakMap<Segment, SegmentView>()
  function plainView(segment: Segment): SegmentView {
    let view = plainViews.get(segment)
    if (!view) plainViews.set(segment, (view = { segment }))
    return view
  }

  /** The loaded segments, with rows changed since each was built searched from a small fresh segment. */
  function viewsWithFreshRows(): SegmentView[] {
    const result: SegmentView[] = []
    const freshRows: IndexRow[] = []
    let stale = false
    // forEach rather than for…of: a Map's entries would be an array each, per segment per query.
    wanted.forEach(({ source }, key) => {
      const segment = loaded.get(key)
      if (!source.changedSince) {
        if (segment) result.push(plainView(segment))
        return
      }
      const changes = source.changedSince(key, segment ? newestRowOf(segment) : Number.NEGATIVE_INFINITY)
      if (changes.rows.length === 0 && changes.goneIds.length === 0) {
        if (segment) result.push(plainView(segment))
        return
      }
      stale = true
      freshRows.push(...changes.rows)
      const hidden = new Set([...changes.rows.map((row) => row.id), ...changes.goneIds])
      if (segment) result.push({ segment, hidden })
    })
    if (stale) void reconcile()
    if (freshRows.length === 0) {
      fresh = null
      return result
    }
    const signature = freshRows.map((row) => `${row.id}@${row.updatedAt}`).join('|')
    if (fresh?.signature !== signature) fresh = { signature, segment: buildSegment('fresh', '', freshRows) }
    result.push({ segment: fresh.segment })
    return result
  }

  return {
    /** Starts loading (and, where needed, building) after the current turn: never blocks start-up. */
    start(): void {
      setImmediate(() => void reconcile())
    },

    /** A source's content changed (a document imported or removed): bring the index up to date soon. */
    notifyChanged(): void {
      void reconcile()
    },

    search(request: SearchRequest): SearchResults {
      if (now() - lastCheck > recheckAfterMs) void reconcile()
      const parsed = parseQuery(request.query)
      const searchViews = viewsWithFreshRows()
      if (
        searchViews.length !== currentViews.length ||
        searchViews.some((view, i) => view !== currentViews[i])
      ) {
        if (
          searchViews.length !== currentViews.length ||
          searchViews.some((view, i) => view.segment !== currentViews[i]?.segment)
        )
          vocabulary.invalidate()
        currentViews = searchViews
      }
      if (!searched || actorsTimer) {
        searched = true
        scheduleActors()
      }
      const alias = actors.length > 0 ? aliasSearch(parsed, actors) : null
      const { groups, total } = searchSegments(currentViews, parsed, {
        filters: request.filters,
        limit: request.limit,
        titleOf: cachedTitleOf,
        vocabulary,
        alternatives: alias?.alternatives
      })
      const current = status()
      let notice: string | null = null
      const hasWord = parsed.clauses.some((clause) => clause.presence === 'required')
      if (request.query.trim() !== '' && !hasWord) {
        notice =
          parsed.clauses.length > 0
            ? 'Add a word to look for: words marked with - are only left out.'
            : 'Nothing to search for there: type a word (symbols on their own are not searched).'
      } else if (total === 0 && current.ready < current.total) {
        notice = `Still indexing (${current.ready} of ${current.total}): some results may be missing.`
      }
      return {
        query: request.query,
        groups,
        total,
        ignored: parsed.ignored,
        notice,
        alsoAs: alias && total > 0 ? { name: alias.name, forms: alias.forms } : null,
        status: current
      }
    },

    status,

    facets(): SearchFacets {
      const tags = new Set<string>()
      const colours = new Map<string, string>()
      for (const { segment } of views)
        for (const row of segment.rows) {
          for (const tag of row.tags) tags.add(tag)
          if (row.colour && !colours.has(row.colour)) colours.set(row.colour, row.colourMeaning)
        }
      return {
        tags: [...tags].sort((a, b) => a.localeCompare(b)),
        colours: highlightColourIds
          .filter((id) => colours.has(id))
          .map((id) => ({ id, meaning: colours.get(id) ?? id }))
      }
    },

    /** Resolves when nothing is being loaded or built (tests, benchmarks, shutdown). */
    async whenIdle(): Promise<void> {
      while (running) await running
    },

    /** Resolves when the actors asked for after the last index update have been read (tests). */
    async whenActorsRead(): Promise<void> {
      await this.whenIdle()
      await actorsRead
    },

    /** Brings the index up to date now and waits for it. */
    async refresh(): Promise<void> {
      await reconcile()
      await this.whenIdle()
    },

    builderMode: () => builder.mode(),

    /** Stops loading and building; a build in flight is dropped (it is redone at the next start). */
    async close(): Promise<void> {
      closed = true
      if (actorsTimer) clearTimeout(actorsTimer)
      releaseActors?.()
      await builder.close()
    }
  }
}

export type SearchService = ReturnType<typeof createSearchService>

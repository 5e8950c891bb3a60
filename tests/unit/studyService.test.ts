// The study services on a real SQLite database in a temporary folder, with a clock the test moves:
// cloze notes and their siblings, soft delete, suspension, the daily queue and its limits, FSRS
// answers and their undo, suggestions that never come back once decided, timeline and who's-who.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { fullTextOf } from '../../src/shared/document/layout'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const hour = 3_600_000
const day = 24 * hour
const open: { backend: Backend; remove: () => void }[] = []

/** A backend whose clock the test sets; it starts at 10:00 local time so days are whole. */
function start() {
  const dir = makeTempDir()
  const clock = { time: new Date(2024, 2, 5, 10, 0, 0).getTime() }
  const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir, now: () => clock.time })
  open.push({ backend, remove: dir.remove })
  return { api: backend.handlers, clock }
}

async function smallDocument(api: Backend['handlers']) {
  const text =
    '# Small History\n\nIn 1961 the two states signed a treaty of friendship. Zhou Enlai visited in April 1970.\n\nA second paragraph.'
  return (await api.importDocument({ fileName: 'small.md', text })).document.id
}

afterEach(() => {
  while (open.length) {
    const entry = open.pop()
    entry?.backend.close()
    entry?.remove()
  }
})

describe('cards', () => {
  it('makes one card per cloze deletion; editing the note adds and removes siblings', async () => {
    const { api } = start()
    const documentId = await smallDocument(api)
    const made = await api.createCard({
      documentId,
      kind: 'cloze',
      front: 'In {{c1::1961}} the {{c2::two states}} signed a treaty.',
      back: ''
    })
    expect(made.map((card) => card.clozeIndex)).toEqual([1, 2])
    expect(new Set(made.map((card) => card.noteId)).size).toBe(1)
    const edited = await api.updateCard({
      cardId: made[0]?.id ?? '',
      front: 'In {{c1::1961}} the two states signed a {{c3::treaty}}.'
    })
    expect(edited.map((card) => card.clozeIndex)).toEqual([1, 3])
    expect(edited[0]?.id).toBe(made[0]?.id)
    await expect(async () => api.getCard({ cardId: made[1]?.id ?? '' })).rejects.toThrow(/no longer exists/)
    await expect(async () =>
      api.createCard({ documentId, kind: 'cloze', front: 'no deletion here', back: '' })
    ).rejects.toThrow(/at least one deletion/)
  })

  it('keeps the source passage of a card made from a selection, anchored like an annotation', async () => {
    const { api } = start()
    const documentId = await smallDocument(api)
    const text = fullTextOf((await api.getDocument({ documentId })).blocks)
    const offset = text.indexOf('Zhou Enlai')
    const [card] = await api.createCard({
      documentId,
      kind: 'cloze',
      front: '{{c1::Zhou Enlai}} visited in April 1970.',
      back: '',
      source: { start: offset, end: offset + 'Zhou Enlai'.length }
    })
    expect(card?.source?.quote.exact).toBe('Zhou Enlai')
    expect(card?.source?.position.start).toBe(offset)
    expect(card?.source?.quote.prefix.endsWith('friendship. ')).toBe(true)
  })

  it('deletes softly (Undo restores), suspends out of the queue, and resets to new', async () => {
    const { api } = start()
    const documentId = await smallDocument(api)
    const [card] = await api.createCard({ documentId, kind: 'basic', front: 'Treaty year?', back: '1961' })
    const id = card?.id ?? ''
    await api.deleteCard({ cardId: id })
    expect((await api.listCards({})).total).toBe(0)
    await api.restoreCard({ cardId: id })
    expect((await api.listCards({ search: 'treaty' })).rows.map((row) => row.id)).toEqual([id])
    await api.setCardSuspended({ cardId: id, suspended: true })
    expect((await api.getReviewQueue({})).cards).toHaveLength(0)
    await api.setCardSuspended({ cardId: id, suspended: false })
    await api.answerCard({ cardId: id, grade: 4 })
    expect((await api.getCard({ cardId: id })).schedule.state).toBe('review')
    const reset = await api.resetCard({ cardId: id })
    expect(reset.schedule.state).toBe('new')
    expect(reset.schedule.reps).toBe(0)
  })
})

describe('reviewing', () => {
  it('answers with FSRS: Good is due later than Again, and undo restores the exact previous state', async () => {
    const { api, clock } = start()
    const documentId = await smallDocument(api)
    const [first, second] = await Promise.all([
      api.createCard({ documentId, kind: 'basic', front: 'A?', back: 'a' }),
      api.createCard({ documentId, kind: 'basic', front: 'B?', back: 'b' })
    ])
    const before = await api.getCard({ cardId: first?.[0]?.id ?? '' })
    const again = await api.answerCard({ cardId: first?.[0]?.id ?? '', grade: 1 })
    const good = await api.answerCard({ cardId: second?.[0]?.id ?? '', grade: 3 })
    expect(good.card.due).toBeGreaterThan(again.card.due)
    expect(again.intervals[4]).toBeGreaterThan(again.intervals[1])

    clock.time += 5 * 60_000
    const undone = await api.undoLastAnswer({})
    expect(undone?.card.id).toBe(second?.[0]?.id)
    expect(undone?.card.schedule.state).toBe('new')
    const undoneAgain = await api.undoLastAnswer({})
    expect(undoneAgain?.card.schedule).toEqual(before.schedule)
    expect(await api.undoLastAnswer({})).toBeNull()
    expect((await api.getStudyStats({})).reviewsPerDay.at(-1)?.count).toBe(0)
  })

  it('shows siblings of one note on different days', async () => {
    const { api, clock } = start()
    const documentId = await smallDocument(api)
    const note = await api.createCard({
      documentId,
      kind: 'cloze',
      front: '{{c1::a}} {{c2::b}} {{c3::c}}',
      back: ''
    })
    const queue = await api.getReviewQueue({})
    expect(queue.cards).toHaveLength(1)
    const shown = queue.cards[0]?.card.id ?? ''
    await api.answerCard({ cardId: shown, grade: 4 })
    // Answered Easy: the card is done for today and its siblings wait for another day.
    expect((await api.getReviewQueue({})).cards).toHaveLength(0)
    clock.time += day
    const tomorrow = await api.getReviewQueue({})
    expect(tomorrow.cards).toHaveLength(1)
    expect(tomorrow.cards[0]?.card.id).not.toBe(shown)
    expect(note.map((card) => card.id)).toContain(tomorrow.cards[0]?.card.id)
  })

  it('honours the new-cards and reviews-per-day limits', async () => {
    const { api, clock } = start()
    const documentId = await smallDocument(api)
    for (let index = 0; index < 5; index++) {
      await api.createCard({ documentId, kind: 'basic', front: `Q${index}?`, back: `${index}` })
    }
    await api.updateStudySettings({ newCardsPerDay: 2, maxReviewsPerDay: 1 })
    let queue = await api.getReviewQueue({})
    expect(queue.remaining.new).toBe(2)
    for (const entry of queue.cards) await api.answerCard({ cardId: entry.card.id, grade: 4 })
    queue = await api.getReviewQueue({})
    expect(queue.remaining).toEqual({ new: 0, learning: 0, review: 0 })
    expect((await api.getStudySummary({})).due).toBe(0)
    // Much later both are due for review, but only one review a day is allowed; two more new cards come.
    clock.time += 120 * day
    queue = await api.getReviewQueue({})
    expect(queue.remaining).toEqual({ new: 2, learning: 0, review: 1 })
  })

  it('counts reviews per day, due cards ahead, and retention', async () => {
    const { api, clock } = start()
    const documentId = await smallDocument(api)
    const [card] = await api.createCard({ documentId, kind: 'basic', front: 'Q?', back: 'A' })
    const first = await api.answerCard({ cardId: card?.id ?? '', grade: 4 })
    let stats = await api.getStudyStats({})
    expect(stats.reviewsPerDay.at(-1)?.count).toBe(1)
    expect(stats.duePerDay.reduce((sum, entry) => sum + entry.count, 0)).toBe(1)
    expect(stats.retention).toBeNull()
    clock.time = first.card.due + hour
    await api.answerCard({ cardId: card?.id ?? '', grade: 1 })
    stats = await api.getStudyStats({})
    expect(stats.retention).toBe(0)
    expect(stats.reviewsPerDay.at(-1)?.again).toBe(1)
  })
})

/** A text with a date read with a correction ("1906s" where the text names the 1960s). */
const suspectText = readFileSync(join(__dirname, '..', 'fixtures', 'extraction', 'suspect-decade.md'), 'utf8')

describe('generated cards, timeline and who’s-who on the bundled article', () => {
  it('suggests cards; decided ones never return; accepted ones are anchored and studied', async () => {
    const { api } = start()
    const [article] = await api.listDocuments({})
    const documentId = article?.id ?? ''
    const { suggestions } = await api.generateSuggestions({ documentId })
    expect(suggestions.length).toBeGreaterThan(10)
    const [one, two, three] = suggestions
    const accepted = await api.acceptSuggestion({ documentId, key: one?.key ?? '' })
    await api.acceptSuggestion({ documentId, key: two?.key ?? '', back: 'edited answer' })
    await api.rejectSuggestion({ documentId, key: three?.key ?? '' })
    const again = await api.generateSuggestions({ documentId })
    expect(again.decided).toBe(3)
    expect(again.suggestions.map((suggestion) => suggestion.key)).not.toContain(one?.key)
    expect(again.suggestions.map((suggestion) => suggestion.key)).not.toContain(three?.key)
    expect(again.suggestions).toHaveLength(suggestions.length - 3)
    await expect(async () => api.acceptSuggestion({ documentId, key: one?.key ?? '' })).rejects.toThrow(
      /already/
    )
    const text = fullTextOf((await api.getDocument({ documentId })).blocks)
    const source = accepted[0]?.source
    expect(source && text.slice(source.position.start, source.position.end)).toBe(source?.quote.exact)
    expect((await api.listCards({ search: 'edited answer' })).total).toBe(1)
    const suspect = again.suggestions.filter((suggestion) => suggestion.warning)
    const all = await api.acceptAllSuggestions({ documentId })
    expect(all).toEqual({ accepted: suggestions.length - 3 - suspect.length, heldBack: suspect.length })
    // The suspect ones stay, waiting for the person to confirm them.
    expect((await api.generateSuggestions({ documentId })).suggestions.map((left) => left.key)).toEqual(
      suspect.map((suggestion) => suggestion.key)
    )
    const confirmed = await api.acceptAllSuggestions({
      documentId,
      confirmed: suspect.map((suggestion) => suggestion.key)
    })
    expect(confirmed).toEqual({ accepted: suspect.length, heldBack: 0 })
    expect((await api.generateSuggestions({ documentId })).suggestions).toHaveLength(0)
    expect((await api.listCards({ documentId, limit: 1 })).total).toBeGreaterThanOrEqual(
      suggestions.length - 1
    )
  })

  it('never accepts a suspect suggestion in "Accept all" unless it is confirmed', async () => {
    const { api } = start()
    const documentId = (await api.importDocument({ fileName: 'canal.md', text: suspectText })).document.id
    const { suggestions } = await api.generateSuggestions({ documentId })
    // "mid-1906s" is read as the 1960s, which the text names: read with a correction, so flagged.
    const suspect = suggestions.find((suggestion) => suggestion.warning)
    expect(suspect?.warning).toMatch(/1906s/)
    const plain = suggestions.filter((suggestion) => !suggestion.warning)
    expect(plain.length).toBeGreaterThan(0)
    const all = await api.acceptAllSuggestions({ documentId })
    expect(all).toEqual({ accepted: plain.length, heldBack: 1 })
    const cards = await api.listCards({ documentId, limit: 500 })
    expect(cards.total).toBe(plain.length)
    expect(cards.rows.map((card) => card.back)).not.toContain(suspect?.back)
    const left = (await api.generateSuggestions({ documentId })).suggestions
    expect(left.map((suggestion) => suggestion.key)).toEqual([suspect?.key])
    // Confirmed, it is accepted; `keys` limits "Accept all" to what the dialog shows.
    expect(await api.acceptAllSuggestions({ documentId, keys: [], confirmed: [suspect?.key ?? ''] })).toEqual(
      {
        accepted: 0,
        heldBack: 0
      }
    )
    expect(await api.acceptAllSuggestions({ documentId, confirmed: [suspect?.key ?? ''] })).toEqual({
      accepted: 1,
      heldBack: 0
    })
    expect((await api.generateSuggestions({ documentId })).suggestions).toHaveLength(0)
  })

  it('draws the timeline from the text and the person’s own date cards, and lists actors with aliases', async () => {
    const { api } = start()
    const [article] = await api.listDocuments({})
    const documentId = article?.id ?? ''
    await api.createCard({ documentId, kind: 'basic', front: 'When did I start reading this?', back: '2024' })
    const timeline = await api.getTimeline({ documentId })
    expect(timeline.events.filter((event) => event.origin === 'text').length).toBeGreaterThan(10)
    expect(timeline.events.some((event) => event.origin === 'card' && event.expression === '2024')).toBe(true)
    const years = timeline.events.map((event) => event.from)
    expect(years).toEqual([...years].sort((left, right) => left - right))
    expect(timeline.firstYear).toBeLessThanOrEqual(1953)

    const who = await api.getWhosWho({ documentId })
    const kim = who.actors.find((actor) => actor.name === 'Kim Il Sung')
    expect(kim?.kind).toBe('person')
    expect(kim?.aliases.length).toBeGreaterThan(0)
    expect(kim?.mentionCount).toBe(kim?.mentions.length)
    const mention = kim?.mentions[0]
    const text = fullTextOf((await api.getDocument({ documentId })).blocks)
    expect(mention && text.slice(mention.start, mention.end)).toBe(mention?.text)
  })
})

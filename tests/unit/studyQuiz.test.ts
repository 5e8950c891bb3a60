// The chronology and who-is-this quizzes: one right order, honest scores, distractors of the same kind.
import { describe, expect, it } from 'vitest'
import {
  chronologyQuestion,
  correctOrder,
  scoreChronology,
  seededRandom,
  whoQuestion,
  hideNames
} from '../../src/shared/study/quiz'
import { extractDatedEvents } from '../../src/shared/extraction'
import { dateSpan } from '../../src/shared/study/timeline'
import type { TimelineEvent, WhoActor } from '../../src/shared/study/types'

function event(id: string, from: number, to: number): TimelineEvent {
  return {
    id,
    origin: 'text',
    cardId: null,
    sentence: id,
    expression: String(from),
    date: { start: `${from}-01-01`, end: `${to - 1}-12-31`, precision: 'year' },
    precision: 'year',
    from,
    to,
    at: 0
  }
}

function actor(id: string, kind: WhoActor['kind'], role: string | null = null): WhoActor {
  return {
    id,
    name: `Name ${id}`,
    kind,
    aliases: [`Alias ${id}`],
    acronym: null,
    role,
    mentionCount: 1,
    mentions: [{ start: 0, end: 1, text: `Alias ${id}`, before: 'Then ', after: ' spoke.' }]
  }
}

describe('chronology quiz', () => {
  it('orders years BC and AD as numbers, earliest first', () => {
    const text =
      'Rome fell to the Goths in AD 410. Salamis was fought in 480 BC. Marathon came in 490 BC. ' +
      'Caesar died in 44 BC. The Almagest was written c. AD 150. Plato died around 348 BC.'
    const events: TimelineEvent[] = extractDatedEvents([
      { id: 'b', kind: 'paragraph', text, start: 0, sectionId: null }
    ]).map((found) => ({
      id: found.id,
      origin: 'text',
      cardId: null,
      sentence: found.sentence,
      expression: found.expression,
      date: found.date,
      precision: found.date.precision,
      ...dateSpan(found.date),
      at: found.sentenceStart
    }))
    expect(correctOrder(events).map((found) => found.expression)).toEqual([
      '490 BC',
      '480 BC',
      'around 348 BC',
      '44 BC',
      'c. AD 150',
      'AD 410'
    ])
  })

  const events = [
    event('a', 1953, 1954),
    event('b', 1960, 1961),
    event('c', 1966, 1967),
    event('d', 1970, 1980),
    event('e', 1972, 1973),
    event('f', 1975, 1976),
    event('g', 1958, 1959)
  ]

  it('picks five events with non-overlapping dates, not already in order', () => {
    for (let seed = 1; seed < 30; seed++) {
      const question = chronologyQuestion(events, seededRandom(seed))
      expect(question).toHaveLength(5)
      const sorted = correctOrder(question)
      for (let index = 1; index < sorted.length; index++) {
        expect(sorted[index]?.from).toBeGreaterThanOrEqual(sorted[index - 1]?.to ?? 0)
      }
      expect(question.map((item) => item.id)).not.toEqual(sorted.map((item) => item.id))
    }
  })

  it('scores the places that are right', () => {
    const right = correctOrder(events.slice(0, 5))
    expect(scoreChronology(right)).toEqual({ correct: 5, total: 5 })
    const swapped = [right[1], right[0], ...right.slice(2)] as TimelineEvent[]
    expect(scoreChronology(swapped)).toEqual({ correct: 3, total: 5 })
  })
})

describe('who-is-this quiz', () => {
  it('draws distractors from actors of the same kind only, and hides the names in the clue', () => {
    const actors = [
      actor('p1', 'person'),
      actor('p2', 'person', 'Premier of the PRC'),
      actor('s1', 'state'),
      actor('p3', 'person'),
      actor('o1', 'organisation')
    ]
    for (let seed = 1; seed < 20; seed++) {
      const question = whoQuestion(actors, seededRandom(seed))
      expect(question).not.toBeNull()
      const asked = actors.find((candidate) => candidate.id === question?.actorId)
      expect(asked?.kind).toBe('person')
      expect(question?.options.map((option) => option.id)).toContain(asked?.id)
      for (const option of question?.options ?? []) {
        expect(actors.find((candidate) => candidate.id === option.id)?.kind).toBe('person')
      }
      expect(question?.clue).not.toContain(asked?.aliases[0])
      if (asked?.role) expect(question?.clue).toBe('Who was the Premier of the PRC?')
    }
  })
})

describe('hiding an actor in a "who is this?" clue', () => {
  it('hides whole names only, longest first, and leaves words that merely contain them', () => {
    expect(
      hideNames('The UN and the UNC met; North Korea and North Korea’s allies.', ['UN', 'North Korea'])
    ).toBe('The […] and the UNC met; […] and […]’s allies.')
    expect(hideNames('Kim Il Sung met Kim', ['Kim Il Sung', 'Kim'])).toBe('[…] met […]')
  })

  it('leaves one blank for a name with its other form in brackets', () => {
    expect(hideNames('Kim Il Sung (Kim) spoke.', ['Kim Il Sung', 'Kim'])).toBe('[…] spoke.')
    expect(
      hideNames('The United Nations Emergency Force (UNEF) landed.', [
        'United Nations Emergency Force',
        'UNEF'
      ])
    ).toBe('The […] landed.')
  })
})

describe('the question word of a who-is-this clue', () => {
  it('asks "Which state…", "Which organisation…" or "Who…" by the actor’s kind', () => {
    for (const [kind, start] of [
      ['state', 'Which state is “[…]” here?'],
      ['organisation', 'Which organisation is “[…]” here?'],
      ['person', 'Who is “[…]” here?']
    ] as const) {
      const actors = [actor('a', kind), actor('b', kind)]
      expect(whoQuestion(actors, seededRandom(3))?.clue.startsWith(start)).toBe(true)
    }
    const roles = [actor('s', 'state', 'protecting power of the canal'), actor('t', 'state')]
    const asked = [1, 2, 3, 4, 5, 6].map((seed) => whoQuestion(roles, seededRandom(seed)))
    expect(asked.map((question) => question?.clue)).toContain(
      'Which state was the protecting power of the canal?'
    )
  })
})

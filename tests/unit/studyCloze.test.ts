// Cloze parsing, the cloze proposed for a selection, interval labels and the FSRS wrapper with a
// fixed clock.
import { describe, expect, it } from 'vitest'
import {
  clozeAnswer,
  clozeIndices,
  clozeParts,
  clozePlainText,
  parseCloze,
  renderCloze
} from '../../src/shared/study/cloze'
import { proposeCloze } from '../../src/shared/study/proposeCloze'
import {
  answer,
  createScheduler,
  formatInterval,
  newSchedule,
  nextIntervals
} from '../../src/shared/study/scheduling'
import { axisTicks, axisYearLabel, dateSpan, fractionalYear } from '../../src/shared/study/timeline'

describe('parseCloze', () => {
  it('splits a note into text and numbered deletions, with hints', () => {
    expect(parseCloze('In {{c1::1966}}, {{c2::Kim Il Sung::leader}} spoke.')).toEqual([
      { type: 'text', text: 'In ' },
      { type: 'deletion', index: 1, answer: '1966', hint: null },
      { type: 'text', text: ', ' },
      { type: 'deletion', index: 2, answer: 'Kim Il Sung', hint: 'leader' },
      { type: 'text', text: ' spoke.' }
    ])
  })

  it('keeps malformed deletions as literal text', () => {
    expect(parseCloze('{{c1::unclosed and {{c2::closed}}')).toEqual([
      { type: 'text', text: '{{c1::unclosed and ' },
      { type: 'deletion', index: 2, answer: 'closed', hint: null }
    ])
    expect(parseCloze('{{c0::zero}} {{c1::}} {{cx::y}}')).toEqual([
      { type: 'text', text: '{{c0::zero}} {{c1::}} {{cx::y}}' }
    ])
  })

  it('lists each deletion number once, in order', () => {
    expect(clozeIndices('{{c3::a}} {{c1::b}} {{c3::c}}')).toEqual([1, 3])
    expect(clozeIndices('no deletions')).toEqual([])
  })

  it('hides only the asked deletion, shows the hint, and reveals it on the back', () => {
    const note = 'In {{c1::1966}}, {{c2::Kim Il Sung::leader}} spoke.'
    expect(renderCloze(note, 1, 'front')).toBe('In […], Kim Il Sung spoke.')
    expect(renderCloze(note, 2, 'front')).toBe('In 1966, [leader] spoke.')
    expect(renderCloze(note, 2, 'back')).toBe('In 1966, Kim Il Sung spoke.')
    expect(clozeParts(note, 2).filter((part) => part.kind === 'asked')).toHaveLength(1)
    expect(clozeAnswer('{{c1::a}} and {{c1::b}}', 1)).toBe('a … b')
    expect(clozePlainText(note)).toBe('In 1966, Kim Il Sung spoke.')
  })
})

describe('proposeCloze', () => {
  it('hides the selected words in their sentence', () => {
    expect(proposeCloze('In 1966, Kim Il Sung declared independence.', 'Kim Il Sung')).toBe(
      'In 1966, {{c1::Kim Il Sung}} declared independence.'
    )
  })

  it('prefers a whole-word occurrence and trims the selection', () => {
    expect(proposeCloze('Korea and North Korea met.', ' Korea ')).toBe('{{c1::Korea}} and North Korea met.')
    expect(proposeCloze('Koreans met in Korea.', 'Korea')).toBe('Koreans met in {{c1::Korea}}.')
  })

  it('keeps a selection that is not in the sentence, and strips braces that would break the note', () => {
    expect(proposeCloze('Something else.', 'Mao')).toBe('Something else. {{c1::Mao}}')
    expect(proposeCloze('A {{b}} c', '{{b}}')).toBe('A {{c1::b}} c')
    expect(proposeCloze('Mao\n  Zedong spoke.', 'Mao Zedong')).toBe('{{c1::Mao Zedong}} spoke.')
  })
})

describe('scheduling with a fixed clock', () => {
  const start = Date.UTC(2024, 0, 10, 9)
  const scheduler = createScheduler(0.9, false)

  it('a new card answered Good is due later than one answered Again, Easy later still', () => {
    const fresh = newSchedule(start)
    expect(fresh.state).toBe('new')
    const again = answer(scheduler, fresh, start, 1)
    const good = answer(scheduler, fresh, start, 3)
    const easy = answer(scheduler, fresh, start, 4)
    expect(good.due).toBeGreaterThan(again.due)
    expect(easy.due).toBeGreaterThan(good.due)
    expect(good.reps).toBe(1)
    expect(easy.state).toBe('review')
  })

  it('previews the same intervals the answers then give', () => {
    const fresh = newSchedule(start)
    const intervals = nextIntervals(scheduler, fresh, start)
    for (const grade of [1, 2, 3, 4] as const) {
      expect(answer(scheduler, fresh, start, grade).due - start).toBe(intervals[grade])
    }
    expect(intervals[1]).toBeLessThan(intervals[3])
  })

  it('a higher desired retention gives shorter intervals', () => {
    const learnt = answer(scheduler, newSchedule(start), start, 4)
    const later = learnt.due
    const strict = nextIntervals(createScheduler(0.97, false), learnt, later)
    const lax = nextIntervals(createScheduler(0.8, false), learnt, later)
    expect(strict[3]).toBeLessThan(lax[3])
  })

  it('labels intervals briefly', () => {
    expect(formatInterval(60_000)).toBe('1m')
    expect(formatInterval(10 * 60_000)).toBe('10m')
    expect(formatInterval(3 * 3_600_000)).toBe('3h')
    expect(formatInterval(86_400_000)).toBe('1d')
    expect(formatInterval(75 * 86_400_000)).toBe('2.5mo')
    expect(formatInterval(400 * 86_400_000)).toBe('1.1y')
  })
})

describe('timeline axis', () => {
  it('places days, months and years as fractional years', () => {
    expect(fractionalYear('1966-01-01')).toBe(1966)
    expect(fractionalYear('1966-07-02')).toBeCloseTo(1966.5, 2)
    expect(dateSpan({ start: '1966-01-01', end: '1966-12-31', precision: 'year' })).toEqual({
      from: 1966,
      to: 1967
    })
    const decade = dateSpan({ start: '1970-01-01', end: '1979-12-31', precision: 'decade' })
    expect(decade.to - decade.from).toBeCloseTo(10, 5)
  })

  it('counts years BC as numbers, with no year 0 between 1 BC and AD 1', () => {
    // As strings "-0490" sorts after "-0480"; on the axis 490 BC comes first.
    const marathon = dateSpan({ start: '-0490-09-01', end: '-0490-09-30', precision: 'month' })
    const salamis = dateSpan({ start: '-0480-09-01', end: '-0480-09-30', precision: 'month' })
    expect(marathon.from).toBeLessThan(salamis.from)
    expect(salamis.from - marathon.from).toBeCloseTo(10, 5)
    const oneBc = dateSpan({ start: '-0001-01-01', end: '-0001-12-31', precision: 'year' })
    expect(oneBc).toEqual({ from: 0, to: 1 })
    expect(dateSpan({ start: '0001-01-01', end: '0001-12-31', precision: 'year' })).toEqual({
      from: 1,
      to: 2
    })
    const span = dateSpan({ start: '-0031-01-01', end: '0014-12-31', precision: 'year' })
    expect(span.to - span.from).toBeCloseTo(45, 5) // 31 BC to AD 14: 45 years, not 46
  })

  it('labels the axis in years as a reader counts them', () => {
    const ticks = axisTicks(-499, -403)
    expect(ticks.map((tick) => tick.label)).toEqual([
      '500 BC',
      '490 BC',
      '480 BC',
      '470 BC',
      '460 BC',
      '450 BC',
      '440 BC',
      '430 BC',
      '420 BC',
      '410 BC'
    ])
    expect(ticks[0]?.at).toBe(-499)
    expect(axisTicks(1945, 1990).map((tick) => tick.label)).toEqual([
      '1945',
      '1950',
      '1955',
      '1960',
      '1965',
      '1970',
      '1975',
      '1980',
      '1985',
      '1990'
    ])
    expect(axisYearLabel(-488.5)).toBe('490 BC')
    expect(axisYearLabel(150)).toBe('AD 150')
  })
})

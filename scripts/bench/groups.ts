// The bench groups and the command line that picks them: `npm run bench [-- GROUP…]`. Kept apart
// from index.ts, which imports every benchmark, so that the choice can be tested on its own.

export interface BenchGroup {
  name: string
  /** One line on what the group measures, for --help. */
  measures: string
}

export const benchGroups: readonly BenchGroup[] = [
  { name: 'foundation', measures: 'first start (import the article) and URL → article visible in Chromium' },
  { name: 'annotations', measures: 'one save with 100,000 stored; 10,000 highlights opened and scrolled' },
  { name: 'long-text', measures: 'a 5 MB, 784,000-word text imported, opened and scrolled' },
  {
    name: 'search',
    measures: 'index build, query p50/p95, restart: 1M generated words, then real prose beside FTS5 and lunr'
  },
  {
    name: 'search-scale',
    measures: 'ten million words of real prose: build, restart, query p50/p95, resident memory (minutes)'
  },
  { name: 'study', measures: "100,000 cards: the card browser's first page and the review queue" },
  {
    name: 'pdf',
    measures: 'a 30-page and a 400-page PDF imported (and searches meanwhile) vs the same text as Markdown'
  },
  {
    name: 'epub',
    measures: 'a ~200,000-word EPUB imported vs the same text as Markdown; search and notes on it'
  },
  {
    name: 'cards',
    measures: 'card suggestions: 10,000 words warm, a 200,000-word book, thread memory, search meanwhile'
  },
  {
    name: 'freezes',
    measures:
      'crafted inputs (unbalanced tags, common-quote annotations, long fuzzy words, deleted noted passages) vs normal ones'
  }
]

export type BenchChoice =
  { kind: 'help' } | { kind: 'run'; groups: string[] } | { kind: 'unknown'; names: string[] }

export function benchUsage(): string {
  const width = Math.max(...benchGroups.map((group) => group.name.length))
  return [
    'Usage: npm run bench [-- GROUP…]',
    '',
    'Builds the app, then runs each group (all of them when none is named) and prints its figures',
    'beside baselines measured in the same run. Groups:',
    ...benchGroups.map((group) => `  ${group.name.padEnd(width)}  ${group.measures}`)
  ].join('\n')
}

export function chooseBenches(argv: readonly string[]): BenchChoice {
  if (argv.some((argument) => argument === '--help' || argument === '-h')) return { kind: 'help' }
  const known = new Set(benchGroups.map((group) => group.name))
  const unknown = argv.filter((name) => !known.has(name))
  if (unknown.length > 0) return { kind: 'unknown', names: unknown }
  return { kind: 'run', groups: argv.length > 0 ? [...argv] : benchGroups.map((group) => group.name) }
}

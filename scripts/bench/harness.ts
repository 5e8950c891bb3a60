// Shared helpers for `npm run bench`: time a function several times, summarise, and print
// figures with ratios against a baseline measured in the same run (never a fixed number).
import { performance } from 'node:perf_hooks'

export interface Summary {
  label: string
  unit: 'ms'
  samples: number
  median: number
  p50: number
  p95: number
  p99: number
  min: number
  max: number
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[index] as number
}

export function summarise(label: string, durations: number[]): Summary {
  const sorted = [...durations].sort((a, b) => a - b)
  return {
    label,
    unit: 'ms',
    samples: sorted.length,
    median: percentile(sorted, 0.5),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN
  }
}

/** Runs `fn` `runs` times (after `warmup` untimed runs) and summarises the durations. */
export async function measure(label: string, fn: () => unknown, runs: number, warmup = 1): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn()
  const durations: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    durations.push(performance.now() - start)
  }
  return summarise(label, durations)
}

function format(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3)
}

/** One printed line: median, spread and, when given, the ratio to a baseline from the same run. */
export function report(
  summary: Summary,
  baseline?: Summary,
  target?: { p: 'p50' | 'p95' | 'p99' | 'median'; ms: number }
): string {
  const spread = `p50 ${format(summary.p50)} ms, p95 ${format(summary.p95)} ms, p99 ${format(summary.p99)} ms, min ${format(summary.min)}, max ${format(summary.max)} (n=${summary.samples})`
  const ratio = baseline ? `; ×${(summary.median / baseline.median).toFixed(2)} of "${baseline.label}"` : ''
  const goal = target
    ? `; target ${target.p} ≤ ${target.ms} ms: ${summary[target.p] <= target.ms ? 'met' : 'NOT met'}`
    : ''
  return `  ${summary.label}: ${spread}${ratio}${goal}`
}

export function heading(title: string): void {
  console.log(`\n== ${title} ==`)
}

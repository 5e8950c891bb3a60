// `npm run bench [-- GROUP…]`: the benchmarks of the named groups (all by default), each printing
// figures with same-run baselines and ratios. `--help` and an unknown group list the groups.
import { runAnnotationBench } from './annotations'
import { runCardsBench } from './cards'
import { runEpubBench } from './epub'
import { runFoundationBench } from './foundation'
import { runFreezesBench } from './freezes'
import { benchUsage, chooseBenches } from './groups'
import { runLongTextBench } from './longText'
import { runPdfBench } from './pdf'
import { runSearchBench } from './search'
import { runRealSearchBench } from './searchReal'
import { runScaleSearchBench } from './searchScale'
import { runStudyBench } from './study'

const runners: Record<string, () => Promise<void>> = {
  foundation: runFoundationBench,
  annotations: runAnnotationBench,
  'long-text': runLongTextBench,
  search: async () => {
    await runSearchBench()
    await runRealSearchBench()
  },
  'search-scale': runScaleSearchBench,
  study: runStudyBench,
  pdf: runPdfBench,
  epub: runEpubBench,
  cards: runCardsBench,
  freezes: runFreezesBench
}

async function main(): Promise<void> {
  const choice = chooseBenches(process.argv.slice(2))
  if (choice.kind === 'help') {
    console.log(benchUsage())
    return
  }
  if (choice.kind === 'unknown') {
    console.error(`No bench group named ${choice.names.map((name) => `"${name}"`).join(', ')}.\n`)
    console.error(benchUsage())
    process.exit(2)
  }
  for (const group of choice.groups) {
    const run = runners[group]
    if (!run) throw new Error(`bench group ${group} has no runner in scripts/bench/index.ts`)
    await run()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

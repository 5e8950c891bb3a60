// `npm run bench`: every benchmark, each printing figures with same-run baselines and ratios.
import { runAnnotationBench } from './annotations'
import { runFoundationBench } from './foundation'
import { runFreezesBench } from './freezes'
import { runLongTextBench } from './longText'
import { runSearchBench } from './search'
import { runStudyBench } from './study'

async function main(): Promise<void> {
  const only = process.argv[2]
  const benches: [string, () => Promise<void>][] = [
    ['foundation', runFoundationBench],
    ['annotations', runAnnotationBench],
    ['long-text', runLongTextBench],
    ['search', runSearchBench],
    ['study', runStudyBench],
    ['freezes', runFreezesBench]
  ]
  for (const [name, run] of benches) {
    if (only && only !== name) continue
    await run()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

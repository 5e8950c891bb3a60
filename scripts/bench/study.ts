// Study benchmarks with a large collection (BAD_INPUTS 16: 10^5 cards): the card browser's first
// page, a search in it, the review queue and the study summary, against the same calls with 1,000.
import { join } from 'node:path'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot } from '../../tests/support/webServer'
import { heading, measure, report } from './harness'

async function withCards(
  count: number,
  run: (backend: Backend, documentId: string) => Promise<void>
): Promise<void> {
  const dir = makeTempDir('scholia-bench-')
  const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir: join(repoRoot, 'resources') })
  try {
    const [document] = await backend.handlers.listDocuments({})
    const documentId = document?.id ?? ''
    backend.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        void backend.handlers.createCard({
          documentId,
          kind: 'basic',
          front: `Question ${i} about détente and Kim Il Sung`,
          back: `Answer ${i}`
        })
      }
    })()
    await run(backend, documentId)
  } finally {
    backend.close()
    dir.remove()
  }
}

export async function runStudyBench(): Promise<void> {
  heading('Study with 100,000 cards (service calls), against 1,000 in the same run')
  const results: Record<number, Awaited<ReturnType<typeof measure>>[]> = {}
  for (const count of [1_000, 100_000]) {
    await withCards(count, async (backend) => {
      results[count] = [
        await measure(
          `card browser, first 200 by due date (${count.toLocaleString('en')} cards)`,
          () => backend.handlers.listCards({ sort: 'due', limit: 200 }),
          20,
          2
        ),
        await measure(
          `card browser, search "kim" (${count.toLocaleString('en')} cards)`,
          () => backend.handlers.listCards({ search: 'kim', limit: 200 }),
          20,
          2
        ),
        await measure(
          `review queue (${count.toLocaleString('en')} cards)`,
          () => backend.handlers.getReviewQueue({}),
          20,
          2
        ),
        await measure(
          `study summary (${count.toLocaleString('en')} cards)`,
          () => backend.handlers.getStudySummary({}),
          20,
          2
        )
      ]
    })
  }
  const small = results[1_000] ?? []
  ;(results[100_000] ?? []).forEach((summary, index) => {
    console.log(report(small[index] as (typeof small)[number]))
    console.log(report(summary, small[index]))
  })
}

// Cards are searched with the text and the notes: a card made a moment ago is found at once, under
// "Cards", opening its source passage; a deleted card is not found.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/app/compositionRoot'
import { useTestBackend } from '../support/testBackend'

let backend: Backend
let documentId = ''

const context = useTestBackend()
beforeEach(() => {
  ;({ backend, documentId } = context.current)
})

async function cardHits(query: string) {
  const results = await backend.handlers.search({ query })
  return results.groups.find((group) => group.kind === 'card')?.hits ?? []
}

describe('searching cards', () => {
  it('finds a cloze card by its hidden answer and its question, opening its passage', async () => {
    const view = await backend.handlers.getDocument({ documentId })
    const text = view.blocks.map((block) => block.text).join('\n\n')
    const start = text.indexOf('August 1956')
    await backend.handlers.createCard({
      documentId,
      kind: 'cloze',
      front: 'In {{c1::August 1956}} a coup attempt against Kim failed.',
      back: 'Zaporozhets',
      source: { start, end: start + 'August 1956'.length }
    })
    const byAnswer = await cardHits('august 1956 coup')
    expect(byAnswer).toHaveLength(1)
    expect(byAnswer[0]?.at).toBe(start)
    expect(await cardHits('zaporozhets')).toHaveLength(1)
    // The cloze markup itself is not searchable text.
    expect(await cardHits('c1')).toHaveLength(0)
  })

  it('stops finding a card once it is deleted', async () => {
    const card = await backend.handlers.createCard({
      documentId,
      kind: 'basic',
      front: 'Who chaired the SPA?',
      back: 'Hwang Jang-yop'
    })
    expect(await cardHits('hwang')).toHaveLength(1)
    await backend.handlers.deleteCard({ cardId: card[0]?.id ?? '' })
    expect(await cardHits('hwang')).toHaveLength(0)
  })
})

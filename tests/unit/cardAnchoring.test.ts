// Cards follow their passage when the document is updated from a changed file, like notes do; a
// card whose passage was deleted is marked orphaned and keeps what it pointed at.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/app/compositionRoot'
import { resourcesDir, useTestBackend } from '../support/testBackend'

const article = readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8')
let backend: Backend
let documentId = ''

const context = useTestBackend()
beforeEach(() => {
  ;({ backend, documentId } = context.current)
})

async function fullText(): Promise<string> {
  const view = await backend.handlers.getDocument({ documentId })
  return view.blocks.map((block) => block.text).join('\n\n')
}

describe('cards when their document changes', () => {
  it('follow a moved passage and orphan one whose passage is gone, as notes do', async () => {
    const before = await fullText()
    const source = (quote: string) => ({
      start: before.indexOf(quote),
      end: before.indexOf(quote) + quote.length
    })
    const [moved] = await backend.handlers.createCard({
      documentId,
      kind: 'cloze',
      front: 'In {{c1::August 1956}} a coup failed.',
      back: '',
      source: source('August 1956')
    })
    const [lost] = await backend.handlers.createCard({
      documentId,
      kind: 'basic',
      front: 'Which talks?',
      back: 'Six-Party',
      source: source('Six-Party Talks')
    })
    const note = await backend.handlers.createAnnotation({
      documentId,
      ...source('Six-Party Talks'),
      colour: 'pink'
    })

    const sentence =
      "North Korea's preoccupation with bilateral negotiation has a much longer history than the Six-Party Talks."
    const edited = article
      .replace(
        '## Abstract',
        '## Abstract\n\nA paragraph added at the top by an editor, long enough to move everything.\n'
      )
      .replace(sentence, 'North Korea had long preferred direct talks.')
    const result = await backend.handlers.updateDocumentFromFile({
      documentId,
      fileName: 'kim-edited.md',
      text: edited
    })
    expect(result).toMatchObject({ unchanged: false, anchored: 1, orphaned: 2 })

    const after = await fullText()
    const movedNow = await backend.handlers.getCard({ cardId: moved?.id ?? '' })
    expect(movedNow.sourceAnchor?.state).toBe('anchored')
    expect(movedNow.source?.position.start).toBe(after.indexOf('August 1956'))
    expect(movedNow.source?.position.start).not.toBe(moved?.source?.position.start)
    const lostNow = await backend.handlers.getCard({ cardId: lost?.id ?? '' })
    expect(lostNow.sourceAnchor?.state).toBe('orphaned')
    expect(lostNow.source?.quote.exact).toBe('Six-Party Talks')
    const [annotation] = await backend.handlers.listAnnotations({ documentId })
    expect(annotation).toMatchObject({ id: note.id, anchor: { state: 'orphaned' } })
  })
})

// A W3C Web Annotation export read back, as a person does it in the browser mode: two notes
// exported from the reader's Export panel, deleted, then imported from the downloaded file with
// "Import annotations (W3C)…" — and both are back in the Notes column without reloading the page.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const notes = (page: Page) => page.getByRole('complementary', { name: 'Notes' })

/** The list of every note (beside the text, only the notes of passages on screen are shown). */
async function showNoteList(page: Page): Promise<void> {
  await notes(page).getByRole('button', { name: 'List', exact: true }).click()
}

/** Calls the browser-mode API from the page (its session cookie authenticates). */
function call<T>(page: Page, method: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, body }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      })
      const answer = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!answer.ok) throw new Error(answer.error?.message ?? 'the call failed')
      return answer.value
    },
    { method, body }
  ) as Promise<T>
}

interface Block {
  kind: string
  text: string
  start: number
}

test('annotations exported as W3C, deleted, and imported from the file come back in the notes', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const [document] = await call<{ id: string }[]>(page, 'listDocuments', {})
  const documentId = document?.id ?? ''
  const { blocks } = await call<{ blocks: Block[] }>(page, 'getDocument', { documentId })
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph' && block.text.length > 60)
  const passages = [paragraphs[0], paragraphs[2]].map((block) => ({
    start: (block?.start ?? 0) + 5,
    end: (block?.start ?? 0) + 45,
    quote: block?.text.slice(5, 45) ?? ''
  }))
  const [first, second] = passages
  const made = [
    await call<{ id: string }>(page, 'createAnnotation', {
      documentId,
      start: first?.start,
      end: first?.end,
      colour: 'yellow',
      note: 'Imported back: the first',
      tags: ['round-trip']
    }),
    await call<{ id: string }>(page, 'createAnnotation', {
      documentId,
      start: second?.start,
      end: second?.end,
      colour: 'blue',
      note: 'Imported back: the second'
    })
  ]
  await page.reload()
  await showNoteList(page)
  const firstCard = notes(page).getByRole('article', { name: /^Key argument: / })
  const secondCard = notes(page).getByRole('article', { name: /^Actor: / })
  await expect(firstCard).toBeVisible()
  await expect(secondCard).toBeVisible()

  // Export through the reader's Export panel, as a download.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('radio', { name: /Web Annotation \(JSON-LD\)/ }).check()
  const downloadPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export file' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/ annotations\.jsonld$/)
  const exported = readFileSync(await download.path(), 'utf8')
  expect(exported).toContain('Imported back: the first')

  for (const annotation of made) await call(page, 'deleteAnnotation', { id: annotation.id })
  await page.reload()
  await showNoteList(page)
  await expect(notes(page).getByRole('article')).toHaveCount(0)

  // Import the downloaded file from the same panel; the notes return without a reload.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Import annotations (W3C)…' })).toBeVisible()
  await page.getByLabel('Annotation file to import').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/ld+json',
    buffer: Buffer.from(exported)
  })
  await expect(page.getByText(/Imported 2 annotations from .* annotations\.jsonld/)).toBeVisible()
  await expect(firstCard).toBeVisible()
  await expect(secondCard).toBeVisible()
  await expect(firstCard).toContainText('Imported back: the first')
  await expect(notes(page).getByRole('article')).toHaveCount(2)

  // The same file again adds nothing and says so.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByLabel('Annotation file to import').setInputFiles({
    name: 'again.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(exported)
  })
  await expect(
    page.getByText(/No new annotations in again\.jsonld; 2 were already in this document/)
  ).toBeVisible()
  await expect(notes(page).getByRole('article')).toHaveCount(2)
})

test('a file that is not JSON is refused in the panel with the reason', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByLabel('Annotation file to import').setInputFiles({
    name: 'broken.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from('{"type": "AnnotationCollection", ')
  })
  await expect(page.getByRole('alert')).toContainText('broken.jsonld is not valid JSON')
})

/** A W3C export of one new note, as text with its annotation changed by `change`; the note itself is deleted. */
async function exportedOneNote(page: Page, change: (item: Record<string, unknown>) => void): Promise<string> {
  const [document] = await call<{ id: string }[]>(page, 'listDocuments', {})
  const documentId = document?.id ?? ''
  const { blocks } = await call<{ blocks: Block[] }>(page, 'getDocument', { documentId })
  const block = blocks.find((candidate) => candidate.kind === 'paragraph' && candidate.text.length > 60)
  const made = await call<{ id: string }>(page, 'createAnnotation', {
    documentId,
    start: (block?.start ?? 0) + 5,
    end: (block?.start ?? 0) + 45,
    colour: 'yellow',
    note: 'From another tool'
  })
  const { files } = await call<{ files: { content: string }[] }>(page, 'exportFiles', {
    documentId,
    format: 'w3c'
  })
  const collection = JSON.parse(files[0]?.content ?? '{}') as { first: { items: Record<string, unknown>[] } }
  for (const item of collection.first.items) change(item)
  await call(page, 'deleteAnnotation', { id: made.id })
  await page.reload()
  return JSON.stringify(collection)
}

async function importInPanel(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByLabel('Annotation file to import').setInputFiles({
    name: 'other-tool.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(text)
  })
}

test('an imported note whose id has spaces stays linked to its highlight', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await importInPanel(page, await exportedOneNote(page, (item) => (item.id = 'my note 1')))
  await expect(page.getByText(/Imported 1 annotation from other-tool\.jsonld/)).toBeVisible()
  await page.keyboard.press('Escape')
  // Clicking the highlight selects its note: the card takes the focus.
  await page.locator('article mark[data-annotation-ids]').first().click()
  await expect(notes(page).getByRole('article', { name: /^Key argument: / })).toBeFocused()
})

test('half a surrogate pair in a file is refused; nothing is imported', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await importInPanel(page, await exportedOneNote(page, (item) => (item.bodyValue = 'broken \ud800 here')))
  await expect(page.getByRole('alert')).toContainText(
    'other-tool.jsonld holds a broken character (half of a UTF-16 surrogate pair'
  )
  await expect(page.locator('article mark[data-annotation-ids]')).toHaveCount(0)
})

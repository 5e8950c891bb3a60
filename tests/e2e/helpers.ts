// Steps several end-to-end tests share: opening the bundled article, selecting text in it as a
// drag would, and setting up notes and cards through the API when the test is about something else.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import { applyTheme, themes } from './themes'

/** Opens the app's home (the bundled article) and returns the page's base URL and document id. */
export async function openArticle(page: Page, url: string): Promise<{ base: string; documentId: string }> {
  await page.goto(url)
  await expect(page).toHaveURL(/#\/doc\//)
  const documentId = decodeURIComponent(page.url().split('#/doc/')[1]?.split('?')[0] ?? '')
  return { base: page.url().split('#')[0] ?? '', documentId }
}

/**
 * Imports a Markdown text through the library's "Import files", opens it and returns the page's
 * base URL and its document id (`title` is the text's first heading, as the library lists it).
 */
export async function importMarkdown(
  page: Page,
  title: string,
  markdown: string
): Promise<{ base: string; documentId: string }> {
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page.getByLabel('Import files').setInputFiles({
    name: 'text.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(markdown, 'utf8')
  })
  await page.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(/#\/doc\//)
  const documentId = decodeURIComponent(page.url().split('#/doc/')[1]?.split('?')[0] ?? '')
  return { base: page.url().split('#')[0] ?? '', documentId }
}

/** Imports a text through the API from the open page (no library screen); returns its document id. */
export async function importThroughApi(page: Page, fileName: string, text: string): Promise<string> {
  return page.evaluate(
    async (body) => {
      const response = await fetch('/api/importDocument', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      })
      return ((await response.json()) as { value: { document: { id: string } } }).value.document.id
    },
    { fileName, text }
  )
}

// One definition, shared with the Electron test (selection.ts).
export { selectText } from './selection'

/** Types `query` into the top bar's search box and waits for its first result; returns the box. */
export async function searchFor(page: Page, query: string): Promise<Locator> {
  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.pressSequentially(query)
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()
  ).toBeVisible()
  return search
}

/**
 * Searches until a result holding `hitText` shows: a document just imported is indexed in the
 * background, so the query is typed again until it is in. Escape closes the results.
 */
export async function searchUntilFound(page: Page, query: string, hitText: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search' })
  await expect(async () => {
    await box.fill('')
    await box.fill(query)
    await expect(page.getByRole('option').filter({ hasText: hitText }).first()).toBeVisible({ timeout: 1000 })
  }).toPass()
  await page.keyboard.press('Escape')
}

/** Calls the back end from the page, with its session cookie, as the renderer does. */
export async function callApi<T>(page: Page, method: string, args: Record<string, unknown>): Promise<T> {
  const response = await page.evaluate(
    async ({ method, args }) => {
      const reply = await fetch(`/api/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args)
      })
      return (await reply.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    },
    { method, args }
  )
  expect(response.ok, `${method}: ${response.error?.message ?? ''}`).toBe(true)
  return response.value as T
}

/** Where `quote` starts in the document's full text (blocks joined as the back end lays them out). */
async function offsetOf(page: Page, documentId: string, quote: string): Promise<number> {
  const view = await callApi<{ blocks: { start: number; text: string }[] }>(page, 'getDocument', {
    documentId
  })
  for (const block of view.blocks) {
    const index = block.text.indexOf(quote)
    if (index >= 0) return block.start + index
  }
  throw new Error(`"${quote}" is not in the document`)
}

/** Highlights `quote` (with a note and tags if given) through the API. */
export async function annotate(
  page: Page,
  documentId: string,
  quote: string,
  options: { colour: string | null; note?: string; tags?: string[] }
): Promise<void> {
  const start = await offsetOf(page, documentId, quote)
  const created = await callApi<{ id: string }>(page, 'createAnnotation', {
    documentId,
    start,
    end: start + quote.length,
    colour: options.colour,
    ...(options.note === undefined ? {} : { note: options.note })
  })
  if (options.tags) await callApi(page, 'updateAnnotation', { id: created.id, tags: options.tags })
}

/**
 * The last `count` cards the text suggests, accepted: a review queue, a card browser and statistics
 * to show, and suggestions still to decide (the first, with its warning, among them).
 */
export async function acceptSuggestedCards(page: Page, documentId: string, count: number): Promise<void> {
  const { suggestions } = await callApi<{ suggestions: { key: string }[] }>(page, 'generateSuggestions', {
    documentId
  })
  for (const suggestion of suggestions.slice(-count))
    await callApi(page, 'acceptSuggestion', { documentId, key: suggestion.key })
}

/** With SCHOLIA_SCREENSHOTS=1, the page saved in both themes to docs/screens/NAME-light.png and -dark.png. */
export async function screenshots(page: Page, name: string, fullPage = true): Promise<void> {
  if (!process.env.SCHOLIA_SCREENSHOTS) return
  for (const theme of themes) {
    await applyTheme(page, theme)
    await page.screenshot({ path: `docs/screens/${name}-${theme}.png`, fullPage })
  }
}

// Search as a person uses it: type in the box, see grouped results with counts, choose one with
// the keyboard and land on the passage; a note written a moment ago is found; Find in document
// counts and moves between matches.
import { expect, test } from './fixtures'

/** The page's CSS Custom Highlight registry (the e2e project has no DOM types). */
type HighlightRegistry = { get(name: string): { size: number } | undefined; has(name: string): boolean }

test('typing shows grouped results; arrow keys and Enter open the passage', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Control+k')
  const box = page.getByRole('searchbox', { name: 'Search' })
  await expect(box).toBeFocused()
  await box.pressSequentially('nixon beij')
  const results = page.getByRole('listbox', { name: 'Search results' })
  const text = results.getByRole('group', { name: /^Text \(\d+\)$/ })
  await expect(text).toBeVisible()
  await expect(text.getByRole('option').first().locator('mark').first()).toBeVisible()
  const marks = await text.getByRole('option').first().locator('mark').allTextContents()
  expect(marks.map((mark) => mark.toLowerCase())).toEqual(expect.arrayContaining(['beijing']))

  await box.press('ArrowDown')
  await expect(text.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  const chosen = (await text.getByRole('option').first().locator('.search-hit-snippet').textContent()) ?? ''
  await box.press('Enter')
  await expect(page).toHaveURL(/\?at=\d+$/)
  await expect(results).toBeHidden()
  const flashed = page.locator('.block.flash')
  await expect(flashed).toBeInViewport()
  const words = chosen.replace(/…/g, '').trim().split(/\s+/).slice(2, 8).join(' ')
  await expect(flashed).toContainText(words)
})

test('a known actor is found under every spelling, each passage once under its document’s title', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const box = page.getByRole('searchbox', { name: 'Search' })
  const results = page.getByRole('listbox', { name: 'Search results' })
  const text = results.getByRole('group', { name: /^Text \(\d+\)$/ })
  // The who's-who is read once the index is up (the first extraction loads its language model).
  await expect(async () => {
    await box.fill('')
    await box.fill('Kim Il Sung')
    await expect(page.getByText(/^Kim Il Sung — also as .*Kim II Sung/)).toBeVisible({ timeout: 2000 })
  }).toPass({ timeout: 90_000 })
  const alias = text.getByRole('option').filter({ hasText: 'also as Kim II Sung' }).first()
  await expect(alias).toBeVisible()
  await expect(alias.locator('mark').first()).toHaveText(/^Kim II Sung/)
  // The spelling typed is marked as one stretch, and the title is shown once for its passages.
  const typed = text.getByRole('option').filter({ hasNotText: 'also as' }).first()
  await expect(
    typed
      .locator('mark')
      .filter({ hasText: /^Kim Il Sung/ })
      .first()
  ).toBeVisible()
  await expect(text.locator('.search-document-title')).toHaveCount(1)
  expect(await text.getByRole('option').count()).toBeGreaterThan(2)
})

test('Hangul and folded spellings find the footnotes; symbols alone say why nothing is shown', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill('홍석률')
  const footnotes = page.getByRole('group', { name: /^Footnotes \(\d+\)$/ })
  await expect(footnotes).toBeVisible()
  await expect(footnotes.getByRole('option').first()).toContainText('Hong Sökryul')
  await box.fill('Sŏkryul')
  await expect(footnotes.getByRole('option').first().locator('mark').first()).toHaveText('Sökryul')
  await box.fill("'); DROP TABLE cards;--")
  await expect(page.getByText(/No matches for/)).toBeVisible()
  await box.fill('%')
  await expect(page.getByText(/type a word/)).toBeVisible()
})

test('a note written a moment ago is found', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#\/doc\//)
  const documentId = decodeURIComponent(/#\/doc\/([^?]+)/.exec(page.url())?.[1] ?? '')
  const saved = await page.evaluate(async (id) => {
    const response = await fetch('/api/createAnnotation', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        documentId: id,
        start: 1200,
        end: 1260,
        colour: 'yellow',
        note: 'Zhou Enlai met Kim in Pyongyang: check the chronology',
        tags: ['chronology']
      })
    })
    return ((await response.json()) as { ok: boolean }).ok
  }, documentId)
  expect(saved).toBe(true)
  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill('chronology')
  const notes = page.getByRole('group', { name: 'Notes (1)' })
  await expect(notes).toBeVisible()
  await expect(notes.getByRole('option')).toContainText('Zhou Enlai met Kim')
  await expect(notes.getByRole('option')).toContainText('#chronology')
})

test('Find in document marks every match, counts them and moves with Enter and Shift+Enter', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Control+f')
  const find = page.getByRole('searchbox', { name: 'Find in document' })
  await expect(find).toBeFocused()
  await find.pressSequentially('sino')
  const count = page.getByRole('status').filter({ hasText: / of / })
  await expect(count).toHaveText(/^1 of \d+$/)
  const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1])
  expect(total).toBeGreaterThan(3)
  const painted = await page.evaluate(
    () =>
      (globalThis as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights.get('scholia-find')
        ?.size ?? 0
  )
  expect(painted).toBe(total)
  await find.press('Enter')
  await expect(count).toHaveText(`2 of ${total}`)
  await find.press('Shift+Enter')
  await find.press('Shift+Enter')
  await expect(count).toHaveText(`${total} of ${total}`)
  // Diacritics fold here too: "song" finds Il-sŏng.
  await find.fill('il-song')
  await expect(count).toHaveText('1 of 1')
  await find.press('Escape')
  await expect(find).toBeHidden()
  const stillPainted = await page.evaluate(() =>
    (globalThis as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights.has('scholia-find')
  )
  expect(stillPainted).toBe(false)
})

test('choosing a hit inside a footnote opens that footnote beside its marker', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Control+k')
  const box = page.getByRole('searchbox', { name: 'Search' })
  // Only note 16 names "Comrade Kurbatov"; the body speaks of Kurbatov alone.
  await box.pressSequentially('comrade kurbatov')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').first()).toContainText('Kurbatov')
  await box.press('ArrowDown')
  await box.press('Enter')
  const note = page.getByRole('dialog', { name: 'Footnote 16' })
  await expect(note).toBeVisible()
  await expect(note).toContainText('Comrade Kurbatov')
  await expect(note).toBeInViewport()
  await expect(page.getByRole('button', { name: 'Note 16', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true'
  )
})

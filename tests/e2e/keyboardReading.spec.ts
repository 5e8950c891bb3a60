// Reading, highlighting and annotating without a mouse: the passage focus moves by paragraph and
// sentence, Shift and Alt+Shift with the arrows select, and the passage's single keys act only
// while it has the focus. Every step here is a key press; the stored annotation, the clipboard
// and the card are read back from the back end.
import type { Locator, Page } from '@playwright/test'
import { apiResponse, expect, test } from './fixtures'
import { annotate, callApi, openArticle } from './helpers'

interface StoredAnnotation {
  id: string
  colour: string | null
  note: string
  target: { quote: { exact: string } }
}

const third = 'From the late 1960s, however, the DPRK started promoting an independent foreign policy.'
const quote = `${third} While the`
const citation =
  '(Eungseo Kim, "The Sino-DPRK Split and Origins of US-DPRK Bilateralism", European Journal of Korean Studies 17, no. 2 (2018): 71–79)'

const notes = (page: Page) => page.getByRole('complementary', { name: 'Notes' })
const focusedPassage = (page: Page) => page.locator('article .block.passage-focus:focus')

/** Presses `key` until `target` has the focus (at most `most` times). */
async function pressUntilFocused(page: Page, key: string, target: Locator, most: number): Promise<void> {
  for (let step = 0; step < most; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press(key)
  }
}

const themes = ['light', 'dark'] as const
const useTheme = (page: Page, theme: (typeof themes)[number]) =>
  page.evaluate((value) => {
    document.documentElement.dataset.theme = value
  }, theme)

/** From the top of the page: Skip to content, then ↓ until the `nth` paragraph has the passage focus. */
async function toParagraph(page: Page, nth: number): Promise<void> {
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Enter')
  const target = page.locator('article p.paragraph').nth(nth)
  await pressUntilFocused(page, 'ArrowDown', target, 12)
  await expect(target).toBeFocused()
  await expect(target).toHaveClass(/passage-focus/)
}

const selectedText = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? '')

test('open the article, go to the third paragraph, select a sentence and two words, highlight, note, copy, card, delete and undo: all from the keyboard', async ({
  page,
  context,
  scholia
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: scholia.origin })
  const { documentId } = await openArticle(page, scholia.url)
  await toParagraph(page, 2)

  // → focuses the first sentence; Shift+→ selects it, Alt+Shift+→ twice adds two words.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  expect(await selectedText(page)).toBe(third)
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await page.keyboard.press('Alt+Shift+ArrowRight')
  expect(await selectedText(page)).toBe(quote)
  // Alt+Shift+← takes a word back, and → gives it again.
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  expect(await selectedText(page)).toBe(`${third} While`)
  await page.keyboard.press('Alt+Shift+ArrowRight')

  // H highlights the selection in the last colour (yellow to start with).
  const created = apiResponse(page, 'createAnnotation')
  await page.keyboard.press('h')
  await created
  await expect(page.locator('mark.hl-yellow', { hasText: 'While the' })).toBeVisible()
  const [stored] = await callApi<StoredAnnotation[]>(page, 'listAnnotations', { documentId })
  expect(stored?.target.quote.exact).toBe(quote)
  expect(stored?.colour).toBe('yellow')
  await expect(focusedPassage(page)).toHaveCount(1)

  // N opens the note of the highlight under the focus; Escape leaves the editor for its card.
  await page.keyboard.press('n')
  const editor = notes(page).getByRole('textbox', { name: 'Note' })
  await expect(editor).toBeFocused()
  const saved = apiResponse(page, 'updateAnnotation', (args) => args.note === 'Why the late 1960s?')
  await page.keyboard.type('Why the late 1960s?')
  await saved
  await page.keyboard.press('Escape')
  const card = notes(page).getByRole('article', { name: /^Key argument: From the late 1960s/ })
  await expect(card).toBeFocused()
  // Shift+Tab goes back to the passage, Tab to the note again, and Shift+Tab back.
  await page.keyboard.press('Shift+Tab')
  await expect(focusedPassage(page)).toContainText(third)
  await page.keyboard.press('Tab')
  await expect(card).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(focusedPassage(page)).toContainText(third)

  // 3 gives the highlight under the focus the third colour.
  const recoloured = apiResponse(page, 'updateAnnotation', (args) => args.colour === 'blue')
  await page.keyboard.press('3')
  await recoloured
  await expect(page.locator('mark.hl-blue', { hasText: 'While the' })).toBeVisible()

  // C copies the highlight's quote with its citation.
  await page.keyboard.press('c')
  await expect(page.getByRole('status')).toContainText('Quote copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`“${quote}” ${citation}`)

  // K makes a card of it: the dialog opens on its cloze text, saved from the keyboard.
  await page.keyboard.press('k')
  const dialog = page.getByRole('dialog', { name: 'Make card' })
  await expect(dialog).toBeVisible()
  const cardCreated = apiResponse(page, 'createCard')
  const save = dialog.getByRole('button', { name: /^Save card/ })
  await pressUntilFocused(page, 'Tab', save, 6)
  await page.keyboard.press('Enter')
  await cardCreated
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Card saved')
  const cards = await callApi<{ rows: unknown[] }>(page, 'listCards', {})
  expect(JSON.stringify(cards.rows)).toContain('While the')

  // Back on the passage, Delete removes the highlight with its note; Ctrl+Z brings it back.
  await expect(focusedPassage(page)).toContainText(third)
  await page.keyboard.press('Delete')
  await expect(page.getByRole('status')).toContainText('Note deleted')
  await expect(page.locator('mark', { hasText: 'While the' })).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(page.locator('mark.hl-blue', { hasText: 'While the' })).toBeVisible()
  const [restored] = await callApi<StoredAnnotation[]>(page, 'listAnnotations', { documentId })
  expect(restored?.note).toBe('Why the late 1960s?')

  // Escape leaves the passage focus: the keys are plain keys again.
  await page.keyboard.press('Escape')
  await expect(focusedPassage(page)).toHaveCount(0)
})

test('the single keys do nothing from a text field or the page, only from the passage focus; ? lists them', async ({
  page,
  scholia
}) => {
  const { documentId } = await openArticle(page, scholia.url)
  await page.locator('article p.paragraph').first().waitFor()
  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.focus()
  await page.keyboard.type('h1nck')
  await expect(search).toHaveValue('h1nck')
  await search.press('Escape')
  await page.keyboard.press('Escape')

  // The article itself has the focus (Skip to content), but no passage yet: H, 2, K are plain keys.
  await page.getByRole('link', { name: 'Skip to content' }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowDown')
  await expect(focusedPassage(page)).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(page.locator('article.article')).toBeFocused()
  for (const key of ['h', '2', 'k', 'n']) await page.keyboard.press(key)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await callApi<StoredAnnotation[]>(page, 'listAnnotations', { documentId })).toEqual([])

  // ↓ takes it up again; ? lists the passage keys, from the same table the handler reads.
  await page.keyboard.press('ArrowDown')
  await expect(focusedPassage(page)).toHaveCount(1)
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help.getByRole('row', { name: /Passage: select by word/ })).toContainText('Alt+Shift+→')
  await expect(help.getByRole('row', { name: /Passage: highlight in colour 1 – 5/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
  await expect(focusedPassage(page)).toHaveCount(1)

  // With no selection, 2 highlights the focused passage (here, the whole paragraph) in the second colour.
  const created = apiResponse(page, 'createAnnotation')
  await page.keyboard.press('2')
  await created
  const [stored] = await callApi<StoredAnnotation[]>(page, 'listAnnotations', { documentId })
  expect(stored?.colour).toBe('green')
  expect(await focusedPassage(page).textContent()).toContain(stored?.target.quote.exact.slice(0, 60))
})

test('Tab from a highlight far down the text reaches its note beside it, and Shift+Tab comes back', async ({
  page,
  scholia
}, testInfo) => {
  const { documentId } = await openArticle(page, scholia.url)
  await annotate(page, documentId, "Kim's disappointment with China is illustrated", {
    colour: 'pink',
    note: 'The last paragraph.'
  })
  await annotate(page, documentId, 'frequently labelled as erratic and irrational', { colour: 'yellow' })
  await page.reload()
  const far = notes(page).getByRole('article', { name: /Kim's disappointment/ })
  await expect(notes(page).getByRole('article', { name: /frequently labelled/ })).toBeVisible()
  // Only the notes near the view are drawn: the far one is not there yet.
  await expect(far).toHaveCount(0)

  await toParagraph(page, 0)
  await page.keyboard.press('ArrowRight')
  // Screenshots of the focused sentence and of a keyboard selection, in both themes.
  const passage = page.locator('article p.paragraph').first()
  for (const theme of themes) {
    await useTheme(page, theme)
    await passage.screenshot({ path: testInfo.outputPath(`passage-focus-${theme}.png`) })
  }
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Alt+Shift+ArrowRight')
  for (const theme of themes) {
    await useTheme(page, theme)
    await page.screenshot({ path: testInfo.outputPath(`keyboard-selection-${theme}.png`) })
  }
  await page.keyboard.press('ArrowRight')

  // ↓ to the last paragraph of the body, then Tab: its note, drawn now and focused.
  const last = page.locator('article p.paragraph', { hasText: "Kim's disappointment with China" })
  await pressUntilFocused(page, 'ArrowDown', last, 40)
  await expect(last).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(far).toBeFocused()
  await expect(far).toContainText('The last paragraph.')
  await page.keyboard.press('Shift+Tab')
  await expect(focusedPassage(page)).toContainText("Kim's disappointment with China")
  // A passage without a highlight lets Tab go on as usual.
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Tab')
  await expect(focusedPassage(page)).toHaveCount(0)
  await expect(far).not.toBeFocused()

  // The notes as a list keep their own Tab order: Shift+Tab stays among them.
  await notes(page).getByRole('button', { name: 'List' }).click()
  await notes(page)
    .getByRole('article', { name: /Kim's disappointment/ })
    .focus()
  await page.keyboard.press('Shift+Tab')
  await expect(focusedPassage(page)).toHaveCount(0)
})

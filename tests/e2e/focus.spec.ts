// The keyboard's focus is never dropped on the page body: dialogs take it, keep it and give it back;
// panels closed with Escape give it to their button; what replaces a pressed control receives it;
// a search result hands it to its passage; and a skip link leads past the top bar to the text.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { acceptSuggestedCards, openArticle, searchFor, selectText } from './helpers'

/** Waits until the focused element is `locator` itself or inside it. */
async function expectFocusWithin(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => element.contains(document.activeElement)), {
      message: 'focus is inside the element'
    })
    .toBe(true)
}

async function expectFocusNotLost(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none'), {
      message: 'focus is somewhere, not on the page body'
    })
    .not.toMatch(/^(BODY|none)$/)
}

test('in the reader: skip link, footnote, panels, Find, a search result and Make card keep the focus', async ({
  page,
  scholia
}) => {
  await openArticle(page, scholia.url)
  const article = page.locator('article.article')
  await expect(article.getByRole('heading', { level: 1 })).toBeVisible()

  // The first Tab stop skips the top bar and the contents, to the text.
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(article).toBeFocused()

  // Tabbing past the footnote's × closes it and goes on in the text after its marker.
  const marker = page.getByRole('button', { name: 'Note 12', exact: true })
  await marker.click()
  const footnote = page.getByRole('dialog', { name: 'Footnote 12' })
  await expect(footnote).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(footnote.getByRole('button', { name: 'Close footnote' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(footnote).toBeHidden()
  await expectFocusWithin(article)
  await expect(marker).not.toBeFocused()
  // Shift+Tab out of it goes back to the marker.
  await marker.click()
  await expect(footnote).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(footnote).toBeHidden()
  await expect(marker).toBeFocused()

  // Escape in Export and in Reader settings closes them and gives focus back to their buttons.
  const exportButton = page.getByRole('button', { name: 'Export' })
  await exportButton.click()
  await page.getByRole('radio', { name: /CSV/ }).focus()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Export this document' })).toBeHidden()
  await expect(exportButton).toBeFocused()
  const settingsButton = page.getByRole('button', { name: 'Reader settings' })
  await settingsButton.click()
  await page.getByRole('slider', { name: 'Text size' }).focus()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('group', { name: 'Reader settings' })).toBeHidden()
  await expect(settingsButton).toBeFocused()

  // Escape in Find goes back to where focus was: here, the Reader settings button.
  await page.keyboard.press('Control+f')
  const find = page.getByRole('searchbox', { name: 'Find in document' })
  await expect(find).toBeFocused()
  await find.fill('Beijing')
  await find.press('Escape')
  await expect(find).toBeHidden()
  await expect(settingsButton).toBeFocused()
  // Opened from nowhere in particular, it leaves focus at the passage of the match it showed.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Control+f')
  await find.fill('Beijing')
  await expect(page.getByRole('status').filter({ hasText: /^1 of \d+$/ })).toBeVisible()
  await find.press('Escape')
  await expect(find).toBeHidden()
  await expectFocusWithin(article)
  await expect(page.locator('article [data-block-id]:focus')).toContainText('Beijing')

  // A search result chosen with Enter hands focus to its passage.
  await page.keyboard.press('Control+k')
  const search = await searchFor(page, 'nixon beij')
  await expect(search).toBeFocused()
  await search.press('ArrowDown')
  await search.press('Enter')
  await expect(page).toHaveURL(/\?at=\d+$/)
  await expect(page.locator('.block.flash')).toBeFocused()

  // Make card takes focus into its dialog, keeps it there, and Escape returns it to the passage.
  await selectText(page, 'frequently labelled as erratic and irrational')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Make card' }).click()
  const makeCard = page.getByRole('dialog', { name: 'Make card' })
  await expect(makeCard.getByRole('textbox').first()).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expectFocusWithin(makeCard)
  await page.keyboard.press('Escape')
  await expect(makeCard).toBeHidden()
  await expect(page.locator('article [data-block-id]:focus')).toContainText('frequently labelled as erratic')
})

test('Generate cards takes the focus, keeps it through Accept, Reject and Accept all, and gives it back', async ({
  page,
  scholia
}) => {
  await openArticle(page, scholia.url)
  const opener = page.getByRole('button', { name: 'Generate cards' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Generate cards' })
  await expectFocusWithin(dialog)
  const suggestions = dialog.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible({ timeout: 30_000 })
  // Every suggestion, not the Top 20: then deciding one shortens the list.
  await dialog
    .getByRole('group', { name: 'Suggestions to show' })
    .getByRole('button', { name: /^All \(/ })
    .click()
  const offered = await suggestions.count()

  // Tab goes round inside the dialog: Shift+Tab from its start lands on its last control.
  await dialog.getByRole('button', { name: 'Close' }).focus()
  await page.keyboard.press('Shift+Tab')
  await expectFocusWithin(suggestions.last())
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()

  // Accept and Reject hand focus to the suggestion that takes the decided one's place.
  await suggestions.first().getByRole('button', { name: 'Accept' }).click()
  await expect(suggestions).toHaveCount(offered - 1)
  await expect(suggestions.first().getByRole('button', { name: 'Accept' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(suggestions.first().getByRole('button', { name: 'Reject' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(suggestions).toHaveCount(offered - 2)
  await expectFocusWithin(suggestions.first())
  // Edit opens the form at its question; Cancel comes back to Edit.
  await suggestions.first().getByRole('button', { name: 'Edit' }).click()
  await expect(suggestions.first().getByRole('textbox').first()).toBeFocused()
  await suggestions.first().getByRole('button', { name: 'Cancel' }).click()
  await expect(suggestions.first().getByRole('button', { name: 'Edit' })).toBeFocused()

  await dialog.getByRole('button', { name: /^Accept all/ }).click()
  await expect(suggestions).toHaveCount(0)
  await expect(dialog.getByRole('status')).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
})

test('reviews, the chronology quiz and the who’s-who quiz keep the focus on what replaces a pressed control', async ({
  page,
  scholia
}) => {
  const { base, documentId } = await openArticle(page, scholia.url)
  await acceptSuggestedCards(page, documentId, 3)
  const id = encodeURIComponent(documentId)

  // "Show answer" gives focus to the grades and announces the answer; a grade to the next card.
  await page.goto(`${base}#/study`)
  await page.getByRole('button', { name: /Show answer/ }).click()
  await expectFocusWithin(page.getByRole('group', { name: 'How well did you remember?' }))
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: /^Answer: .+/ })).toHaveCount(1)
  await page.keyboard.press('3')
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeFocused()
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: /^Answer:/ })).toHaveCount(0)

  // Moving an event carries the focus with it, to its other button at the end of the list.
  await page.goto(`${base}#/timeline/${id}`)
  const order = page.getByRole('list', { name: 'Your order' })
  await expect(order).toBeVisible({ timeout: 30_000 })
  const count = await order.getByRole('listitem').count()
  await page.getByRole('button', { name: 'Move down: event 1' }).click()
  await expect(page.getByRole('button', { name: 'Move down: event 2' })).toBeFocused()
  for (let position = 2; position < count; position++) await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: `Move up: event ${count}` })).toBeFocused()
  await page.getByRole('button', { name: 'Check order' }).click()
  await expectFocusWithin(page.getByRole('group', { name: 'Chronology quiz' }))
  await expectFocusNotLost(page)
  await page.getByRole('button', { name: 'New quiz' }).click()
  await expectFocusWithin(order)

  // A link that leads to another screen goes with the old screen: focus goes to the new one's content.
  await page.getByRole('link', { name: '← Study page' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Study: / })).toBeVisible()
  await expectFocusWithin(page.getByRole('main'))
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expectFocusWithin(page.getByRole('main'))

  // Answering who's who gives focus to "Next question", which gives it to the next options.
  await page.goto(`${base}#/people/${id}`)
  const quiz = page.getByRole('group', { name: 'Who is this? quiz' })
  await quiz.getByRole('button').first().click()
  await expect(quiz.getByRole('button', { name: 'Next question' })).toBeFocused()
  await expect(quiz.getByRole('status')).toContainText(/so far/)
  await page.keyboard.press('Enter')
  await expect(quiz.getByRole('button').first()).toBeFocused()
})

// The study screens explain themselves: the timeline labels its events in the chart (no hover),
// groups dense ones and zooms; the card browser shows each question around its blank and previews
// the chosen card; statistics say "No reviews yet" on empty charts and count what is due as the
// top bar does; empty review and card screens say where cards come from.
// With SCHOLIA_SCREENSHOTS=1 each screen is also saved in both themes to docs/screens/.
import { expect, test } from './fixtures'
import { acceptSuggestedCards, importMarkdown, openArticle, screenshots, selectText } from './helpers'

test('the timeline labels its events in the chart, groups dense ones and zooms in on them', async ({
  page,
  scholia
}) => {
  const { base, documentId } = await openArticle(page, scholia.url)
  await page.goto(`${base}#/timeline/${encodeURIComponent(documentId)}`)
  const chart = page.getByRole('img', { name: /Time axis from/ })
  await expect(chart).toBeVisible({ timeout: 30_000 })
  const labels = chart.locator('.timeline-label')
  // Labels are text in the chart, not tooltips.
  expect(await labels.count()).toBeGreaterThan(5)
  await expect(labels.filter({ hasText: /^19\d\d$/ }).first()).toBeVisible()
  // The legend says what the rows and colours mean.
  await expect(page.getByText('events dated to the day')).toBeVisible()
  await expect(page.getByText('stated in the text')).toBeVisible()
  await screenshots(page, 'timeline', false)
})

test('events too dense to label apart are grouped, and zooming in separates them', async ({
  page,
  scholia
}) => {
  await openArticle(page, scholia.url)
  const days = [3, 6, 9, 12, 15, 18, 21, 24]
  const { base, documentId } = await importMarkdown(
    page,
    'A crowded June',
    `# A crowded June\n\n${days.map((day) => `The council met again on ${day} June 1950.`).join(' ')}\n`
  )
  await page.goto(`${base}#/timeline/${encodeURIComponent(documentId)}`)
  const chart = page.getByRole('img', { name: /Time axis from/ })
  await expect(chart).toBeVisible({ timeout: 30_000 })
  const labels = chart.locator('.timeline-label')
  // Too dense to label apart: a group ("+4"); a click on it zooms in, and at the closest zoom every
  // event has its own label.
  const groups = chart.locator('.timeline-group')
  await expect(groups).not.toHaveCount(0)
  await groups.first().click()
  await expect(page.getByRole('status').filter({ hasText: 'Zoomed 2×' })).toBeVisible()
  const zoomIn = page.getByRole('button', { name: 'Zoom in' })
  while (await zoomIn.isEnabled()) await zoomIn.click()
  await expect(groups).toHaveCount(0)
  await expect(labels).toHaveCount(days.length)
  await page.getByRole('button', { name: 'Fit' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Whole span shown' })).toBeVisible()
  await expect(groups).not.toHaveCount(0)
})

test('the reader leads to its document’s timeline and who’s-who', async ({ page, scholia }) => {
  const { documentId } = await openArticle(page, scholia.url)
  await page.getByRole('banner').getByRole('link', { name: 'Timeline' }).click()
  await expect(page).toHaveURL(new RegExp(`#/timeline/${encodeURIComponent(documentId)}$`))
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible()
  await page.goBack()
  await page.getByRole('banner').getByRole('link', { name: 'Who’s who' }).click()
  await expect(page).toHaveURL(new RegExp(`#/people/${encodeURIComponent(documentId)}$`))
})

test('the card browser shows each question around its blank, previews the chosen card and keeps row actions in a menu', async ({
  page,
  scholia
}) => {
  const { base, documentId } = await openArticle(page, scholia.url)
  await acceptSuggestedCards(page, documentId, 6)
  await page.goto(`${base}#/cards`)
  const rows = page.getByRole('table', { name: 'Cards' }).getByRole('row')
  await expect(rows).toHaveCount(7)
  // Cloze questions show their blank, not only their first words.
  const questions = page.locator('.card-question')
  const texts = await questions.allInnerTexts()
  const clozes = texts.flatMap((text, index) => (/\[[^\]]+\]/.test(text) ? [index] : []))
  expect(clozes.length).toBeGreaterThan(2)
  // "new" is the State, not repeated as the Due date.
  for (let index = 1; index < 7; index++) {
    const cells = rows.nth(index).getByRole('cell')
    await expect(cells.nth(4)).toHaveText('new')
    await expect(cells.nth(3)).not.toHaveText('new')
  }

  // The preview shows the chosen card's front (blank hidden) and back (answer shown), as in review.
  const preview = page.getByRole('complementary', { name: 'Preview' })
  // (The list shows an excerpt, "…" where it starts inside the sentence; the preview the whole.)
  await expect(preview.getByTestId('preview-front')).toContainText(
    (texts[0] ?? '').replace(/^…/, '').slice(0, 10)
  )
  const pick = clozes.at(-1) ?? 0
  await questions.nth(pick).click()
  await expect(rows.nth(pick + 1)).toHaveAttribute('aria-current', 'true')
  await expect(preview.getByTestId('preview-front').locator('.cloze-hidden')).toBeVisible()
  const chosen = (texts[pick] ?? '').split('[')[0]?.replace(/^…/, '').trim().slice(-12) ?? ''
  await expect(preview.getByTestId('preview-front')).toContainText(chosen)
  await expect(preview.getByTestId('preview-back').locator('.cloze-revealed')).toBeVisible()
  await screenshots(page, 'cards')

  // Row actions are one menu, usable from the keyboard.
  const actions = rows.nth(3).getByRole('button', { name: /^Actions:/ })
  await actions.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu')
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Suspend' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(actions).toBeFocused()
  await actions.click()
  await menu.getByRole('menuitem', { name: 'Suspend' }).click()
  await expect(rows.filter({ hasText: 'suspended' })).toHaveCount(1)
  await rows
    .nth(1)
    .getByRole('button', { name: /^Actions:/ })
    .click()
  await menu.getByRole('menuitem', { name: 'Delete' }).click()
  await expect(page.getByRole('status').filter({ hasText: '5 cards' })).toBeVisible()
})

test('with no cards, review and the card browser say where cards come from and link to “Generate cards”', async ({
  page,
  scholia
}) => {
  const { base } = await openArticle(page, scholia.url)
  await page.goto(`${base}#/study`)
  const progress = page.getByRole('progressbar', { name: 'Session progress' })
  await expect(progress).toHaveAttribute('aria-valuenow', '0')
  await expect(progress).toHaveAttribute('aria-valuetext', 'No cards to study')
  await expect(progress.locator('div')).toHaveAttribute('style', /width: 0%/)
  await expect(page.getByRole('link', { name: /^Generate cards/ })).toBeVisible()
  await screenshots(page, 'review-empty')

  await page.goto(`${base}#/cards`)
  await expect(page.getByRole('heading', { name: 'No cards yet' })).toBeVisible()
  await expect(page.getByText(/Cards come from what you read/)).toBeVisible()
  await screenshots(page, 'cards-empty')
  await page.getByRole('link', { name: /^Generate cards/ }).click()
  await expect(page).toHaveURL(/#\/deck\//)
})

test('statistics say “No reviews yet” on empty charts, count today as the top bar does, and write dates one way', async ({
  page,
  scholia
}) => {
  const { base, documentId } = await openArticle(page, scholia.url)
  await page.goto(`${base}#/stats`)
  const chart = (name: string) => page.getByRole('figure', { name })
  await expect(chart('Reviews per day')).toContainText('No reviews yet')
  await expect(chart('Retention per week')).toContainText('No reviews yet')
  await expect(chart('Reviews due in the next 30 days')).toContainText('No cards yet')

  await acceptSuggestedCards(page, documentId, 6)
  await page.reload()
  const badge = page.getByRole('link', { name: /^Study \d+ due$/ })
  await expect(badge).toHaveAccessibleName('Study 6 due')
  await expect(page.getByTestId('due-today')).toHaveText(/^6\s*to study today \(6 new, 0 to review\)$/)
  await expect(chart('Reviews due in the next 30 days')).toContainText('No reviews due')

  // Axis labels are 12 px or more as drawn, and days are written as the system's locale writes them.
  const labels = page.locator('.chart svg text.chart-axis')
  expect(await labels.count()).toBeGreaterThan(6)
  const sizes = await labels.evaluateAll((elements) =>
    elements.map(
      (element) =>
        ((element as SVGGraphicsElement).getScreenCTM()?.a ?? 0) *
        parseFloat(getComputedStyle(element).fontSize)
    )
  )
  for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12)
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(new Date())
  )
  await expect(
    chart('Reviews due in the next 30 days').locator('text.chart-axis', { hasText: today })
  ).toHaveCount(1)
  for (const text of await labels.allTextContents()) expect(text).not.toMatch(/^\d+\/\d+$|^\d{4}-\d\d-\d\d$/)
  await screenshots(page, 'stats')
})

test('the Generate cards dialog has one heading, Accept all as its main action, and filters by kind', async ({
  page,
  scholia
}) => {
  await openArticle(page, scholia.url)
  await page.getByRole('banner').getByRole('button', { name: 'Generate cards' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate cards' })
  const suggestions = dialog.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByRole('heading')).toHaveCount(1)
  await expect(dialog.getByRole('button', { name: /^Accept all/ })).toHaveClass(/primary-button/)
  await expect(dialog.getByRole('button', { name: 'Generate again' })).not.toHaveClass(/primary-button/)
  await expect(dialog.getByRole('status')).not.toContainText('decided before')
  await screenshots(page, 'generate', false)

  const filters = dialog.getByRole('group', { name: 'Show' })
  const dates = filters.getByRole('button', { name: /^Dates \(\d+\)$/ })
  const count = Number(/\((\d+)\)/.exec((await dates.textContent()) ?? '')?.[1])
  await dates.click()
  await expect(suggestions).toHaveCount(count)
  for (const kind of await suggestions.locator('.suggestion-kind').allTextContents())
    expect(kind).toBe('Date')
  await expect(filters.getByRole('button', { name: /^People \(\d+\)$/ })).toBeVisible()
  await dialog.getByRole('button', { name: `Accept all dates (${count})` }).click()
  await expect(suggestions).toHaveCount(0)
  await expect(page.getByRole('link', { name: `Study ${Math.min(count, 20)} due` })).toBeVisible()
})

test('the reader’s details: colour meanings written in the toolbar, highlights of whole words, a Read button in the library', async ({
  page,
  scholia
}) => {
  const { documentId } = await openArticle(page, scholia.url)
  await selectText(page, 'eninsul')
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  // The meanings are text on the buttons, not only tooltips.
  await expect(toolbar.getByText('Key argument', { exact: true })).toBeVisible()
  await expect(toolbar.getByText('Question', { exact: true })).toBeVisible()
  await screenshots(page, 'selection-toolbar', false)
  await toolbar.getByRole('button', { name: 'Highlight: Key argument' }).click()
  const notes = page.getByRole('complementary', { name: 'Notes' })
  await expect(notes.getByRole('article').first()).toContainText(/“peninsula”/i)
  await expect(page.locator('article mark.hl').first()).toHaveText(/^peninsula$/i)

  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page
    .getByRole('listitem')
    .filter({ hasText: 'The Sino-DPRK Split' })
    .getByRole('link', { name: 'Read', exact: true })
    .click()
  await expect(page).toHaveURL(new RegExp(`#/doc/${encodeURIComponent(documentId)}`))
})

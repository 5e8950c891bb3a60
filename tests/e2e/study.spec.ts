// Studying as a person does: generate card suggestions from the article, accept some, review three
// cards from the keyboard (Space, then 3) and undo the last answer, then see the timeline and the
// who's-who.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { apiResponse, expect, test } from './fixtures'
import { longHistoryText } from '../support/longHistory'
import { importThroughApi, openArticle } from './helpers'

test('suggested cards are accepted one by one and reviewed from the keyboard', async ({ page, scholia }) => {
  const { base, documentId } = await openArticle(page, scholia.url)
  await page.goto(`${base}#/deck/${encodeURIComponent(documentId)}`)
  await page.getByRole('button', { name: 'Generate cards' }).click()
  const suggestions = page.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible({ timeout: 30_000 })
  // The Top 20 come first; "All" lists every one, so accepting one shortens the list.
  await page.getByRole('button', { name: /^All \(/ }).click()
  const offered = await suggestions.count()
  expect(offered).toBeGreaterThan(20)
  // Nothing is studied before it is accepted.
  await expect(page.getByRole('link', { name: 'Study 0 due' })).toBeVisible()
  for (let index = 0; index < 3; index++) {
    await suggestions.first().getByRole('button', { name: 'Accept' }).click()
    await expect(suggestions).toHaveCount(offered - index - 1)
  }
  await suggestions.first().getByRole('button', { name: 'Reject' }).click()
  await expect(suggestions).toHaveCount(offered - 4)
  await expect(page.getByRole('link', { name: 'Study 3 due' })).toBeVisible()

  // Regenerating brings back neither the accepted nor the rejected ones.
  await page.getByRole('button', { name: 'Generate again' }).click()
  await expect(page.getByText(`${offered - 4} suggestions to review`)).toBeVisible()

  await page.getByRole('link', { name: 'Study 3 due' }).click()
  const progress = page.getByRole('progressbar', { name: 'Session progress' })
  for (let answered = 0; answered < 3; answered++) {
    await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible()
    await expect(page.locator('.cloze-hidden, [data-testid="card-front"]').first()).toBeVisible()
    await page.keyboard.press('Space')
    const good = page.getByRole('button', { name: /^Good/ })
    await expect(good).toBeVisible()
    await expect(good).toContainText(/\d+(m|h|d)/)
    await page.keyboard.press('3')
    await expect(progress).toHaveAttribute('aria-valuenow', String(answered + 1))
  }
  // Ctrl+Z takes the last answer back.
  await page.keyboard.press('Control+z')
  await expect(progress).toHaveAttribute('aria-valuenow', '2')

  // The cards are in the browser, with their document and state.
  await page.getByRole('link', { name: 'Cards', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '3 cards' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'learning' })).toHaveCount(2)
})

test('the timeline shows the article’s dated events and the who’s-who lists Kim Il Sung with his aliases', async ({
  page,
  scholia
}) => {
  const { base, documentId } = await openArticle(page, scholia.url)
  await page.goto(`${base}#/timeline/${encodeURIComponent(documentId)}`)
  const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem')
  await expect(events.first()).toBeVisible({ timeout: 30_000 })
  expect(await events.count()).toBeGreaterThan(10)
  await expect(page.getByRole('img', { name: /Time axis from 195\d to 19[78]\d/ })).toBeVisible()
  // Each event opens its passage.
  await events.first().getByRole('link').click()
  await expect(page).toHaveURL(/#\/doc\/[^?]+\?at=\d+/)

  // Chronology quiz from the keyboard: move an event, check, see the score and the right order.
  await page.goBack()
  await page.getByRole('button', { name: 'Move down: event 1' }).click()
  await page.getByRole('button', { name: 'Check order' }).click()
  await expect(page.getByRole('status').filter({ hasText: /of \d in the right place/ })).toBeVisible()

  await page.goto(`${base}#/people/${encodeURIComponent(documentId)}`)
  const kim = page.getByRole('listitem', { name: 'Kim Il Sung', exact: true })
  await expect(kim).toBeVisible({ timeout: 30_000 })
  const aliases = kim.getByRole('list', { name: 'Also called (Kim Il Sung)' })
  await expect(aliases).toContainText('Kim Il-sŏng')
  await expect(kim).toContainText(/\d+ mentions/)
  await expect(page.getByRole('group', { name: 'Who is this? quiz' }).getByRole('button')).toHaveCount(4)
})

test('a text of years BC gets a timeline that runs from the earliest year BC, labelled as a reader counts', async ({
  page,
  scholia
}) => {
  await openArticle(page, scholia.url)
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page.getByLabel('Import files').setInputFiles({
    name: 'wars.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Greece and Persia\n\nSalamis was fought in September 480 BC. Marathon came in 490 BC. ' +
        'The Parthenon was begun in 447 BC. The league was founded in the 470s BC.\n',
      'utf8'
    )
  })
  await page.getByRole('link', { name: 'Greece and Persia' }).click()
  await expect(page).toHaveURL(/#\/doc\//)
  const documentId = decodeURIComponent(page.url().split('#/doc/')[1]?.split('?')[0] ?? '')
  await page.goto(`${page.url().split('#')[0] ?? ''}#/timeline/${encodeURIComponent(documentId)}`)
  const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem')
  await expect(events).toHaveCount(4, { timeout: 30_000 })
  // Ordered as numbers: 490 BC first, although "-0490" sorts after "-0480" as a string.
  await expect(events.nth(0)).toContainText('490 BC')
  await expect(events.nth(1)).toContainText('September 480 BC')
  await expect(events.nth(2)).toContainText('479–470 BC')
  await expect(events.nth(3)).toContainText('447 BC')
  await expect(page.getByRole('img', { name: 'Time axis from 490 BC to 447 BC, 4 events' })).toBeVisible()
  await expect(page.getByText('4 dated events, 490 BC to 447 BC.')).toBeVisible()
})

test('study settings (retention, new cards and reviews per day) are set on the statistics page and kept', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await page.goto(`${scholia.origin}/#/stats`)
  const settings = page.getByRole('region', { name: 'Study settings' })
  const newPerDay = settings.getByRole('spinbutton', { name: 'New cards per day' })
  await expect(newPerDay).toHaveValue('20')
  const saved = apiResponse(page, 'updateStudySettings', (args) => args.newCardsPerDay === 7)
  await newPerDay.fill('7')
  await saved
  const retentionSaved = apiResponse(page, 'updateStudySettings', (args) => args.desiredRetention === 0.85)
  await settings.getByRole('slider', { name: 'Desired retention' }).fill('0.85')
  await expect(settings.getByText('85%')).toBeVisible()
  await retentionSaved
  await page.reload()
  await expect(
    page
      .getByRole('region', { name: 'Study settings' })
      .getByRole('spinbutton', { name: 'New cards per day' })
  ).toHaveValue('7')
  await expect(page.getByRole('region', { name: 'Study settings' }).getByText('85%')).toBeVisible()
})

test('"Generate cards" in the reader opens the suggestions as a full dialog over the page', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await page.getByRole('button', { name: 'Generate cards' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate cards' })
  await expect(dialog.getByRole('button', { name: /Accept all/ })).toBeVisible()
  // Not squeezed into (and clipped by) the top bar: the person can see and press what it offers.
  await expect(dialog.getByRole('button', { name: /Accept all/ })).toBeInViewport()
  const hit = await dialog
    .getByRole('button', { name: 'Reject' })
    .first()
    .evaluate((button) => {
      const box = button.getBoundingClientRect()
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === button
    })
  expect(hit).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('the dialog shows the Top 20 first, then All', async ({ page, scholia }, testInfo) => {
  await page.goto(scholia.url)
  await page.getByRole('button', { name: 'Generate cards' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate cards' })
  const suggestions = dialog.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible({ timeout: 30_000 })
  const show = dialog.getByRole('group', { name: 'Suggestions to show' })
  await expect(show.getByRole('button', { name: 'Top 20' })).toHaveAttribute('aria-pressed', 'true')
  await expect(suggestions).toHaveCount(20)
  await page.screenshot({ path: testInfo.outputPath('suggestions-top-20.png') })

  await show.getByRole('button', { name: /^All \(/ }).click()
  await expect(show.getByRole('button', { name: /^All \(/ })).toHaveAttribute('aria-pressed', 'true')
  const all = await suggestions.count()
  expect(all).toBeGreaterThan(20)
  await page.screenshot({ path: testInfo.outputPath('suggestions-all.png') })
})

test('"Accept all" asks before taking a suspect suggestion, and leaves it unticked in the list', async ({
  page,
  scholia
}, testInfo) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // "mid-1906s" where the text names the 1960s: read as the 1960s, with a warning.
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'extraction', 'suspect-decade.md'), 'utf8')
  const documentId = await importThroughApi(page, 'canal.md', text)
  await page.goto(`${scholia.origin}/#/doc/${documentId}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/the canal company/i)
  await page.getByRole('button', { name: 'Generate cards' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate cards' })
  const suggestions = dialog.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible({ timeout: 30_000 })
  const all = await suggestions.count()
  await dialog.getByRole('button', { name: `Accept all (${all})` }).click()
  const confirm = dialog.getByRole('region', { name: /Check this suggestion first/ })
  await expect(confirm).toBeVisible()
  const suspect = confirm.getByRole('checkbox')
  await expect(suspect).toHaveCount(1)
  await expect(suspect).not.toBeChecked()
  await expect(confirm.getByText(/1906s/).first()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('suggestions-confirm-suspect.png') })

  // Left unticked, it stays in the list and is not a card.
  await confirm.getByRole('button', { name: `Accept ${all - 1}, leave 1 unticked` }).click()
  await expect(confirm).toBeHidden()
  await expect(suggestions).toHaveCount(1)
  await expect(suggestions.first().getByText(/1906s/).first()).toBeVisible()
  await expect(dialog.getByText(`${all - 1} accepted now`, { exact: false })).toBeVisible()
})

test('"Generate cards" on a book shows how far it has read, can be stopped, then gives the suggestions', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // About 60,000 words: long enough to be read for seconds, short enough for a test.
  const documentId = await importThroughApi(
    page,
    'long-history.md',
    longHistoryText(60_000, 'A Long History')
  )
  await page.goto(`${scholia.origin}/#/doc/${documentId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A Long History')
  await page.getByRole('button', { name: 'Generate cards' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate cards' })
  const status = dialog.getByRole('status')
  const reading = /^Finding .+: passage [\d,]+ of [\d,]+$/
  const bar = dialog.getByRole('progressbar', { name: 'Generation progress' })
  // Stopped while it reads: said so, nothing suggested, and the button starts it again.
  await expect(status).toHaveText(reading, { timeout: 30_000 })
  await dialog.getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveText(/^Stopped: nothing was suggested/)
  await expect(bar).toBeHidden()
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Generate cards' }).click()
  // While the text is read: the stage, the passage reached of all, and a bar with the share done.
  await expect(status).toHaveText(reading, { timeout: 30_000 })
  await expect(bar).toHaveAttribute('value', /^0\.\d+$/)
  const suggestions = dialog.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible({ timeout: 120_000 })
  await expect(bar).toBeHidden()
  await expect(status).toHaveText(/suggestions to review/)
})

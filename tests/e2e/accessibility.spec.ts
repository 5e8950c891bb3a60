// Accessibility: axe-core (WCAG 2.1 A and AA, no best-practice rules) finds nothing on any screen,
// in the light theme and in the dark one. Each page load is scanned in several states (a dialog
// open, a panel open, an answer shown) to stay within the two minutes the issue allows.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { acceptSuggestedCards, annotate, openArticle, searchFor, selectText } from './helpers'
import { scanBothThemes } from './themes'

/** The article with highlights in two colours, a note with a tag and a note without a colour. */
async function openAnnotatedArticle(page: Page, url: string): Promise<void> {
  const { documentId } = await openArticle(page, url)
  await annotate(page, documentId, 'North Korea has identified its official foreign policy', {
    colour: 'yellow',
    note: 'The **thesis**',
    tags: ['frame']
  })
  await annotate(page, documentId, 'strong sense of self-reliance', { colour: 'green' })
  await annotate(page, documentId, 'Six-Party Talks', { colour: null, note: 'Compare with 1994.' })
  await page.reload()
  await expect(page.getByRole('complementary', { name: 'Notes' }).getByRole('article').first()).toBeVisible()
}

/**
 * A test that takes the page through states, scanning each (`scan`), and expects no violation in
 * any of them: all are listed at the end, named by state and theme.
 */
function axeTest(
  title: string,
  visit: (page: Page, url: string, scan: (state: string) => Promise<void>) => Promise<void>
): void {
  test(title, async ({ page, scholia }) => {
    const found: string[] = []
    await visit(page, scholia.url, (state) => scanBothThemes(page, state, found))
    expect(found, found.join('\n')).toEqual([])
  })
}

// Three tests that run side by side (each scan of the long article takes a while on a busy machine);
// the time limit is generous because the machine may be busier still, not because a scan is slow.
test.describe.configure({ mode: 'parallel', timeout: 180_000 })

axeTest(
  'the reader with its notes, search and Find has no axe violations in either theme',
  async (page, url, scan) => {
    await openAnnotatedArticle(page, url)
    const notes = page.getByRole('complementary', { name: 'Notes' })
    await scan('the reader with notes and highlights')

    await notes.getByRole('button', { name: 'Edit note' }).first().click()
    await expect(notes.getByRole('textbox', { name: 'Note' })).toBeFocused()
    await scan('the note editor')
    await notes.getByRole('button', { name: 'Done' }).click()

    await notes.getByRole('button', { name: 'List' }).click()
    await expect(notes.getByText(/\d+ notes/)).toBeVisible()
    await scan('notes as a list')
    await notes.getByRole('button', { name: 'Beside text' }).click()

    await page.getByRole('button', { name: 'Note 12', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Footnote 12' })).toBeVisible()
    await scan('a footnote open')
    await page.keyboard.press('Escape')

    const search = await searchFor(page, 'nixon')
    await search.press('ArrowDown')
    await search.press('ArrowDown')
    await scan('search results')
    await search.press('Escape')
    await search.press('Escape')

    await page.keyboard.press('Control+f')
    const find = page.getByRole('searchbox', { name: 'Find in document' })
    await find.fill('Beijing')
    await expect(page.getByRole('status').filter({ hasText: /of \d+/ })).toBeVisible()
    await scan('Find')
    await find.press('Escape')
  }
)

axeTest(
  'the reader’s panels, toolbar and dialogs have no axe violations in either theme',
  async (page, url, scan) => {
    await openAnnotatedArticle(page, url)

    await page.getByRole('button', { name: 'Export' }).click()
    await expect(page.getByRole('dialog', { name: 'Export this document' })).toBeVisible()
    await scan('Export')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Reader settings' }).click()
    await expect(page.getByRole('group', { name: 'Reader settings' })).toBeVisible()
    await scan('Reader settings')
    await page.keyboard.press('Escape')

    // The keyboard's passage focus on a sentence, then a selection made with Shift+→.
    await page.getByRole('link', { name: 'Skip to content' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('article .block.passage-focus:focus')).toHaveCount(1)
    await scan('the passage focus')
    await page.keyboard.press('Shift+ArrowRight')
    await scan('a keyboard selection')
    await page.keyboard.press('Escape')

    await selectText(page, 'frequently labelled as erratic and irrational')
    const toolbar = page.getByRole('toolbar', { name: 'Selection' })
    await expect(toolbar).toBeVisible()
    await scan('the selection toolbar')
    await toolbar.getByRole('button', { name: 'Make card' }).click()
    await expect(page.getByRole('dialog', { name: 'Make card' })).toBeVisible()
    await scan('Make card')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Generate cards' }).click()
    const generate = page.getByRole('dialog', { name: 'Generate cards' })
    await expect(
      generate.getByRole('list', { name: 'Suggestions' }).getByRole('listitem').first()
    ).toBeVisible({
      timeout: 30_000
    })
    await scan('Generate cards')
  }
)

axeTest(
  'the library and the study screens have no axe violations in either theme',
  async (page, url, scan) => {
    const { base, documentId } = await openArticle(page, url)
    await acceptSuggestedCards(page, documentId, 6)
    const id = encodeURIComponent(documentId)

    await page.goto(`${base}#/library`)
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
    await scan('the library')

    await page.goto(`${base}#/deck/${id}`)
    await page.getByRole('button', { name: 'Generate cards' }).click()
    await expect(page.getByRole('list', { name: 'Suggestions' }).getByRole('listitem').first()).toBeVisible({
      timeout: 30_000
    })
    await scan('a document’s study page')

    await page.goto(`${base}#/study`)
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible()
    await scan('review, front')
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible()
    await scan('review, back')
    await page.keyboard.press('3')

    await page.goto(`${base}#/cards`)
    await expect(page.getByRole('row').nth(1)).toBeVisible()
    await scan('the card browser')

    await page.goto(`${base}#/stats`)
    await expect(page.getByRole('region', { name: 'Study settings' })).toBeVisible()
    await scan('statistics')

    await page.goto(`${base}#/timeline/${id}`)
    await expect(page.getByRole('list', { name: 'Events' }).getByRole('listitem').first()).toBeVisible({
      timeout: 30_000
    })
    await scan('the timeline')
    await page.getByRole('button', { name: 'Check order' }).click()
    await scan('the timeline, quiz checked')

    await page.goto(`${base}#/people/${id}`)
    const quiz = page.getByRole('group', { name: 'Who is this? quiz' })
    await expect(quiz.getByRole('button').first()).toBeVisible({ timeout: 30_000 })
    await scan('the who’s-who')
    await quiz.getByRole('button').first().click()
    await scan('the who’s-who, answered')
  }
)

axeTest(
  'a PDF’s page markers in the margin and “Go to page” have no axe violations in either theme',
  async (page, url, scan) => {
    await page.goto(url)
    await page.getByRole('link', { name: 'Library', exact: true }).click()
    await page
      .getByLabel('Import files')
      .setInputFiles(join(__dirname, '..', 'fixtures', 'pdf', 'latex-roman-pages.pdf'))
    await page.getByRole('status').getByRole('link', { name: 'Open it' }).click()
    await expect(page.locator('.page-marker .page-label').first()).toBeVisible()
    const goTo = page.getByRole('textbox', { name: 'Go to page' })
    await goTo.fill('xii')
    await goTo.press('Enter')
    await expect(page.getByText('No page “xii”')).toBeVisible()
    await scan('a PDF with its pages, a page not found')
  }
)

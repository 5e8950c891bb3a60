// Layout at three common window sizes, checked as geometry rather than looked at: nothing wider
// than the window, panels and dialogs inside it, no note card hidden under the sticky NOTES header,
// and the top bar's items side by side without overlapping.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { annotate, openArticle, searchFor, selectText } from './helpers'

const sizes = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 }
]

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  expect(box, 'the element is laid out').not.toBeNull()
  return box as Box
}

/** The whole of `locator` is inside the window (rounding aside). */
async function expectInsideWindow(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await boxOf(locator)
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 }
  const where = `${what} at ${JSON.stringify(box)} in ${width}×${height}`
  expect(box.x, where).toBeGreaterThanOrEqual(-0.5)
  expect(box.y, where).toBeGreaterThanOrEqual(-0.5)
  expect(box.x + box.width, where).toBeLessThanOrEqual(width + 0.5)
  expect(box.y + box.height, where).toBeLessThanOrEqual(height + 0.5)
}

async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth
  }))
  expect(scrollWidth, `${what}: the page is no wider than the window`).toBeLessThanOrEqual(innerWidth)
}

const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5

/** The top bar's visible items (its tools one by one) neither overlap nor leave the window. */
async function expectTopBarTidy(page: Page, what: string): Promise<void> {
  const items = await page.evaluate(() => {
    const bar = document.querySelector('.top-bar')
    const elements = Array.from(bar?.children ?? []).flatMap((child) =>
      child.classList.contains('top-tools') ? Array.from(child.children) : [child]
    )
    return elements
      .filter((element) => {
        const style = getComputedStyle(element)
        const box = element.getBoundingClientRect()
        return (
          style.visibility !== 'hidden' && box.width > 0 && box.bottom > 0 && !element.matches('.skip-link')
        )
      })
      .map((element) => {
        const box = element.getBoundingClientRect()
        return {
          name: element.className || element.tagName,
          box: { x: box.x, y: box.y, width: box.width, height: box.height }
        }
      })
  })
  const width = page.viewportSize()?.width ?? 0
  for (const [index, item] of items.entries()) {
    expect(item.box.x, `${what}: ${item.name} starts inside the window`).toBeGreaterThanOrEqual(0)
    expect(item.box.x + item.box.width, `${what}: ${item.name} ends inside the window`).toBeLessThanOrEqual(
      width
    )
    for (const other of items.slice(index + 1))
      expect(overlap(item.box, other.box), `${what}: ${item.name} overlaps ${other.name}`).toBe(false)
  }
}

/** No note card shows under the sticky NOTES header (the header hides what passes beneath it). */
async function expectNoCardUnderNotesHeader(page: Page, what: string): Promise<void> {
  const notes = page.getByRole('complementary', { name: 'Notes' })
  const head = await boxOf(notes.locator('.notes-head'))
  const cards = notes.getByRole('article')
  for (let index = 0; index < (await cards.count()); index++) {
    const card = await boxOf(cards.nth(index))
    // Only what is on screen matters: a card scrolled away above the window is not "under" it.
    if (card.y + card.height <= 0) continue
    expect(overlap(card, head), `${what}: note card ${index + 1} at ${card.y} is under the header`).toBe(
      false
    )
  }
}

test('at 1024×768, 1440×900 and 1920×1080 the reader’s panels fit the window and nothing overlaps', async ({
  page,
  scholia
}) => {
  test.setTimeout(120_000)
  const { documentId } = await openArticle(page, scholia.url)
  // A note on the text's first line, where the NOTES header is, and one further down.
  await annotate(page, documentId, 'North Korea has identified its official foreign policy', {
    colour: 'yellow',
    note: 'The thesis'
  })
  await annotate(page, documentId, 'Six-Party Talks', { colour: 'blue', note: 'Compare with 1994.' })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  for (const size of sizes) {
    const what = `${size.width}×${size.height}`
    await page.setViewportSize(size)
    await page.reload()
    const notes = page.getByRole('complementary', { name: 'Notes' })
    await expect(notes.getByRole('article')).toHaveCount(2)
    await expectNoHorizontalOverflow(page, what)
    await expectTopBarTidy(page, what)
    await expectNoCardUnderNotesHeader(page, `${what}, on opening`)

    // A highlight clicked further down brings its note into view: below the header, not under it.
    await page.locator('mark.hl-blue').first().click()
    await expect(notes.getByRole('article', { name: /Six-Party Talks/ })).toBeFocused()
    await expect(notes.getByRole('article', { name: /Six-Party Talks/ })).toBeInViewport({ ratio: 0.95 })
    await expectNoCardUnderNotesHeader(page, `${what}, a note shown`)

    const search = await searchFor(page, 'nixon')
    await expectInsideWindow(page, page.locator('.search-panel'), `${what}: search results`)
    await search.press('Escape')
    await search.press('Escape')

    await page.getByRole('button', { name: 'Export' }).click()
    const exportPanel = page.getByRole('dialog', { name: 'Export this document' })
    await expectInsideWindow(page, exportPanel, `${what}: Export`)
    // Everything it offers is in sight, "Import annotations" included, without scrolling it.
    const scrolls = await exportPanel.evaluate((panel) => panel.scrollHeight > panel.clientHeight + 1)
    expect(scrolls, `${what}: Export shows everything without scrolling`).toBe(false)
    await expect(exportPanel.getByRole('button', { name: /Import annotations/ })).toBeInViewport({ ratio: 1 })
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Reader settings' }).click()
    await expectInsideWindow(
      page,
      page.getByRole('group', { name: 'Reader settings' }),
      `${what}: Reader settings`
    )
    await page.keyboard.press('Escape')

    await selectText(page, 'frequently labelled as erratic and irrational')
    await expectInsideWindow(
      page,
      page.getByRole('toolbar', { name: 'Selection' }),
      `${what}: selection toolbar`
    )
    await page.evaluate(() => document.getSelection()?.removeAllRanges())

    await page.getByRole('button', { name: 'Generate cards' }).click()
    const generate = page.getByRole('dialog', { name: 'Generate cards' })
    await expect(generate.getByRole('button', { name: /^Accept all/ })).toBeVisible({ timeout: 30_000 })
    // The dialog scrolls as a whole; its width, heading and first actions fit the window.
    const dialogBox = await boxOf(generate)
    expect(dialogBox.x, `${what}: Generate cards starts inside the window`).toBeGreaterThanOrEqual(0)
    expect(
      dialogBox.x + dialogBox.width,
      `${what}: Generate cards ends inside the window`
    ).toBeLessThanOrEqual(size.width)
    await expectInsideWindow(
      page,
      generate.getByRole('button', { name: 'Close' }),
      `${what}: Generate cards’ Close`
    )
    await expectInsideWindow(
      page,
      generate.getByRole('button', { name: /^Accept all/ }),
      `${what}: Generate cards’ Accept all`
    )
    await expectNoHorizontalOverflow(page, `${what}, Generate cards open`)
    await page.keyboard.press('Escape')
  }
})

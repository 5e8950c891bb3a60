// "Show page" (issue 12): a passage of an imported PDF, chosen in the reader, opens its original
// page beside the text, drawn by PDF.js under the app's CSP (no violation reported): the right page
// (its text layer holds the passage and the page's own running head "-2-"), the passage's words
// covered by the marked area and the next sentence not, glyphs drawn on the canvas under the mark,
// zoom in and back to the panel's width, the passage kept marked in the text while the page is open,
// and Escape closing it with the focus back in the text; no
// axe violation in either theme (SCHOLIA_SCREENSHOTS=1 saves docs/screens/show-page-*.png).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { selectText } from './selection'
import { screenshots } from './helpers'
import { scanBothThemes } from './themes'

/** The text marked in the reader while its page is open (CSS Custom Highlight API). */
const markedInText = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('shown-on-page')
    return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '')) : []
  })

/** The sentence the passage focus is on (drawn with the CSS Custom Highlight API). */
const focusedSentence = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('passage-sentence')
    const range = highlight ? [...highlight][0] : undefined
    return range instanceof Range ? range.toString() : ''
  })

const groff = {
  name: 'groff-article.pdf',
  mimeType: 'application/pdf',
  buffer: readFileSync(join(__dirname, '..', 'fixtures', 'pdf', 'groff-article.pdf'))
}

// On page 2 of the PDF, over two of its lines.
const passage =
  'conditions were not sufficient for Kim to take autonomous action in domestic and foreign policy'

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** The boxes, on screen, of `words` in the page's text layer (one per line they are on). */
async function wordBoxes(layer: Locator, words: string): Promise<Box[]> {
  return layer.evaluate((element, wanted) => {
    const boxes: Box[] = []
    for (const span of element.querySelectorAll('span')) {
      const node = span.firstChild
      if (!(node instanceof Text)) continue
      const index = node.data.indexOf(wanted)
      if (index < 0) continue
      const range = document.createRange()
      range.setStart(node, index)
      range.setEnd(node, index + wanted.length)
      const { left, top, right, bottom } = range.getBoundingClientRect()
      boxes.push({ left, top, right, bottom })
    }
    return boxes
  }, words)
}

async function markBoxes(panel: Locator): Promise<Box[]> {
  return panel.locator('.page-mark').evaluateAll((marks) =>
    marks.map((mark) => {
      const { left, top, right, bottom } = mark.getBoundingClientRect()
      return { left, top, right, bottom }
    })
  )
}

/** Whether the middle of `box` is inside one of the marks. */
function covered(box: Box, marks: Box[]): boolean {
  const x = (box.left + box.right) / 2
  const y = (box.top + box.bottom) / 2
  return marks.some((mark) => x >= mark.left && x <= mark.right && y >= mark.top && y <= mark.bottom)
}

async function openImportedPdf(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/library`)
  await page.getByLabel('Import files').setInputFiles(groff)
  const notice = page.getByRole('status').filter({ hasText: 'Imported “The Sino-DPRK Split' })
  await notice.getByRole('link', { name: 'Open it' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The Sino-DPRK Split')
}

test('a passage whose words are on several pages opens the page its block gives', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await openImportedPdf(page, scholia.origin)
  // "Kim II Sung" is on page 1 too ("Before this, Kim II Sung and his"): this one is on page 2.
  await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll('article p.paragraph')].find((element) =>
      element.textContent?.includes('From the late 1960s, however')
    )
    const walker = document.createTreeWalker(paragraph ?? document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf('Kim II Sung')
      if (index < 0) continue
      const range = document.createRange()
      range.setStart(node, index)
      range.setEnd(node, index + 'Kim II Sung'.length)
      node.parentElement?.scrollIntoView({ block: 'center' })
      document.getSelection()?.removeAllRanges()
      document.getSelection()?.addRange(range)
      return
    }
  })
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Show page' }).click()
  const panel = page.getByRole('dialog', { name: /^Page \d+ of 3$/ })
  await expect(panel).toHaveAccessibleName('Page 2 of 3')
  await expect(panel.getByRole('status')).toHaveText('The passage is marked on page 2.')
  await expect(panel.locator('.page-mark')).toHaveCount(1)
})

test('Show page opens the passage’s PDF page beside the text, marked, with zoom, under the CSP', async ({
  page,
  scholia
}) => {
  const cspViolations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text())
  })
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await openImportedPdf(page, scholia.origin)

  await selectText(page, passage)
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Show page' }).click()

  const panel = page.getByRole('dialog', { name: /^Page \d+ of 3$/ })
  await expect(panel).toHaveAccessibleName('Page 2 of 3')
  await expect(panel).toBeFocused()
  await expect(panel.getByRole('status')).toHaveText('The passage is marked on page 2.')
  // The text beside the page keeps the passage marked (the selection it came from is gone).
  await expect.poll(() => markedInText(page)).toEqual([passage])
  const layer = panel.locator('.textLayer')
  // The right page: its running head ("-2-") and the passage are in the text PDF.js laid over it.
  await expect(layer).toContainText('-2-')
  await expect(layer).toContainText('were not sufficient for Kim')
  await expect(panel.locator('.page-mark')).toHaveCount(2)

  // The marked area covers the passage's words on both its lines, and not the next sentence.
  const marks = await markBoxes(panel)
  for (const words of ['conditions', 'sufficient for Kim', 'domestic and foreign policy']) {
    const boxes = await wordBoxes(layer, words)
    expect(boxes.length, `"${words}" is in the text layer`).toBeGreaterThan(0)
    expect(
      boxes.every((box) => covered(box, marks)),
      `"${words}" is marked`
    ).toBe(true)
  }
  const after = await wordBoxes(layer, 'Pyongyang had to rely')
  expect(after.some((box) => covered(box, marks))).toBe(false)

  // Glyphs are drawn on the canvas where the mark is (dark pixels under it, on a white page).
  const inked = await panel.locator('.pdf-page').evaluate((pageElement) => {
    const canvas = pageElement.querySelector('canvas')
    const context = canvas?.getContext('2d')
    if (!canvas || !context) return 0
    const origin = canvas.getBoundingClientRect()
    const scale = canvas.width / origin.width
    let dark = 0
    for (const mark of pageElement.querySelectorAll('.page-mark')) {
      const box = mark.getBoundingClientRect()
      const data = context.getImageData(
        Math.round((box.left - origin.left) * scale),
        Math.round((box.top - origin.top) * scale),
        Math.max(1, Math.round(box.width * scale)),
        Math.max(1, Math.round(box.height * scale))
      ).data
      for (let index = 0; index < data.length; index += 4) if ((data[index] ?? 255) < 100) dark += 1
    }
    return dark
  })
  expect(inked).toBeGreaterThan(100)

  // Zoom in, then back to the panel's width, by button and by key.
  const pageElement = panel.locator('.pdf-page')
  const fitted = (await pageElement.boundingBox())?.width ?? 0
  await panel.getByRole('button', { name: 'Zoom in' }).click()
  await expect.poll(async () => (await pageElement.boundingBox())?.width ?? 0).toBeGreaterThan(fitted + 10)
  await expect(panel.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'false')
  await panel.press('0')
  await expect
    .poll(async () => Math.round((await pageElement.boundingBox())?.width ?? 0))
    .toBe(Math.round(fitted))
  await panel.getByRole('button', { name: 'Next page' }).click()
  await expect(panel).toHaveAccessibleName('Page 3 of 3')
  await expect(layer).toContainText('-3-')
  await expect(panel.locator('.page-mark')).toHaveCount(0)

  // Escape closes it and gives the passage focus back to the sentence the passage is in.
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect.poll(() => markedInText(page)).toEqual([])
  await expect.poll(() => focusedSentence(page)).toMatch(/^Therefore, conditions were not sufficient/)

  // Two sentences back, one runs over the page break: P shows where it begins, and says it runs on.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect.poll(() => focusedSentence(page)).toMatch(/^Before this, Kim II Sung and his/)
  await page.keyboard.press('p')
  await expect(panel).toHaveAccessibleName('Page 1 of 3')
  await expect(panel.getByRole('status')).toHaveText(
    'The passage begins on page 1, marked, and runs on to page 2.'
  )
  await expect(panel.locator('.page-mark').first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  expect(cspViolations).toEqual([])
  // PDF.js ran in its own worker, served by the app (not the main-thread fallback it takes when the worker fails).
  expect(page.workers().some((worker) => worker.url().endsWith('/pdfjs/pdf.worker.min.mjs'))).toBe(true)
})

test('the page beside the text has no axe violations in either theme', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await openImportedPdf(page, scholia.origin)
  await selectText(page, passage)
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Show page' }).click()
  const panel = page.getByRole('dialog', { name: 'Page 2 of 3' })
  await expect(panel.locator('.page-mark')).toHaveCount(2)
  const found: string[] = []
  await scanBothThemes(page, 'Show page', found)
  expect(found, found.join('\n')).toEqual([])
  await screenshots(page, 'show-page', false)
})

test('a library exported with its PDF and imported again still shows the page', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await openImportedPdf(page, scholia.origin)
  const exported = await page.evaluate(async () => {
    const response = await fetch('/api/exportFiles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId: null, format: 'library' })
    })
    const { value } = (await response.json()) as { value: { files: { fileName: string; content: string }[] } }
    return value.files[0]
  })
  await page.goto(`${scholia.origin}/#/library`)
  await page.getByText('Backups and moving your library').click()
  await page.getByLabel('Import library file').setInputFiles({
    name: exported?.fileName ?? 'library.scholia',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(exported?.content ?? '', 'base64')
  })
  await page.getByRole('button', { name: 'Replace library' }).click()
  await expect(page.getByText(/replaced this one/)).toBeVisible()
  await page
    .getByRole('link', { name: /Sino-DPRK Split/ })
    .last()
    .click()
  await selectText(page, passage)
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Show page' }).click()
  await expect(page.getByRole('dialog', { name: 'Page 2 of 3' }).locator('.page-mark')).toHaveCount(2)
})

test('the page of a book with roman-numbered front matter says its printed number', async ({
  page,
  scholia
}) => {
  await page.goto(`${scholia.url}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await page.goto(`${scholia.origin}/#/library`)
  await page
    .getByLabel('Import files')
    .setInputFiles(join(__dirname, '..', 'fixtures', 'pdf', 'latex-roman-pages.pdf'))
  await page.getByRole('status').getByRole('link', { name: 'Open it' }).click()
  // Physical page 6 of 8 is printed "2" (after i–iv and 1).
  await selectText(page, 'Sentence 36 of chapter one goes on for a while')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Show page' }).click()
  const panel = page.getByRole('dialog', { name: /^Page \d+ of 8/ })
  await expect(panel).toHaveAccessibleName('Page 6 of 8 · printed p. 2')
  await expect(panel.locator('.page-mark')).toHaveCount(1)
  await expect(panel.locator('.textLayer')).toContainText('Sentence 36 of chapter one')
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  // A note's passage shows its page too, from the note's own "Show page".
  await selectText(page, 'Sentence 45 of chapter one goes on')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: /^Highlight: / })
    .first()
    .click()
  const notes = page.getByRole('complementary', { name: 'Notes' })
  await notes.getByRole('button', { name: 'Show page' }).click()
  await expect(panel).toHaveAccessibleName(/^Page \d of 8 · printed p\. \d$/)
  await expect(panel.locator('.page-mark')).toHaveCount(1)
  await expect(panel.locator('.textLayer')).toContainText('Sentence 45 of chapter one')
})

// Pages of a PDF in the reader: a book with roman-numbered front matter imported as a person does
// it; its page boundaries stand in the margin ("p. ii"), a quote copied across a page break cites
// both pages ("pp. i–ii"), and Contents goes to a printed page. With SCHOLIA_SCREENSHOTS=1 the
// margin and the Contents are saved in both themes to docs/screens/.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { screenshots, selectText } from './helpers'

const book = {
  name: 'latex-roman-pages.pdf',
  mimeType: 'application/pdf',
  buffer: readFileSync(join(__dirname, '..', 'fixtures', 'pdf', 'latex-roman-pages.pdf'))
}

test('a PDF shows its printed pages in the margin, cites them in a copied quote and goes to a page', async ({
  page,
  context,
  scholia
}) => {
  await page.goto(scholia.url)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: scholia.origin })
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page.getByLabel('Import files').setInputFiles(book)
  const notice = page.getByRole('status').filter({ hasText: 'Imported “A Small Book of Numbered Pages' })
  await notice.getByRole('link', { name: 'Open it' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A Small Book of Numbered Pages')

  // Each page boundary is marked, named for a screen reader, labelled as printed in the margin.
  const pageBreak = (label: string) => page.getByRole('separator', { name: `Page ${label}`, exact: true })
  for (const label of ['i', 'ii', 'iii', '1', '2', '4']) await expect(pageBreak(label)).toHaveCount(1)
  await expect(pageBreak('ii')).toHaveText('p. ii')
  // The label stands in the margin, left of the text column.
  const labelBox = await pageBreak('ii').locator('.page-label').boundingBox()
  const textBox = await page.locator('article p.paragraph > span').first().boundingBox()
  expect(labelBox, 'the label is drawn').not.toBeNull()
  expect(textBox).not.toBeNull()
  expect((labelBox?.x ?? 0) + (labelBox?.width ?? 0)).toBeLessThanOrEqual(textBox?.x ?? 0)

  // A quote over the break from page i to page ii cites both.
  await selectText(page, 'Sentence 25 of the preface goes on for a while and then it stops. Sentence 26')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Copy quote' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Quote copied' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(
    '“Sentence 25 of the preface goes on for a while and then it stops. Sentence 26” (Ada Example, "A Small Book of Numbered Pages", pp. i–ii)'
  )
  await pageBreak('ii').locator('.page-label').scrollIntoViewIfNeeded()
  await screenshots(page, 'pages-margin', false)

  // Contents goes to a printed page; a page the text does not have is answered in words.
  const goTo = page.getByRole('textbox', { name: 'Go to page' })
  await goTo.fill('xii')
  await goTo.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'No page “xii”' })).toContainText(
    'its pages run from i to 4'
  )
  await screenshots(page, 'pages-contents', false)
  await goTo.fill('3')
  await goTo.press('Enter')
  await expect(page.locator('[data-block-id]').filter({ has: pageBreak('3') })).toBeFocused()
  await expect(pageBreak('3').locator('.page-label')).toBeInViewport()
})

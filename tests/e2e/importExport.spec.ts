// Importing, exporting and removing documents in the library, as a person does it in the browser
// mode: the file picker, drag and drop, refusals that say why, a Markdown export downloaded and
// read back, and removal undone from its toast.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { RunningServer } from '../support/webServer'
import { expect, test } from './fixtures'

/** The first visit opens the bundled article (home); the library is one link away from there. */
async function openLibrary(page: Page, scholia: RunningServer): Promise<void> {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
}

const markdown = `# A Short History of Tea

Tea came to Europe in the seventeenth century, carried by Dutch traders.

## Trade

By 1700 tea was sold in London coffee houses, and its price fell as trade grew.
`

test('a Markdown file picked in the library is imported, opened and exported back as Markdown', async ({
  page,
  scholia
}) => {
  await openLibrary(page, scholia)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await page.getByLabel('Import files').setInputFiles({
    name: 'tea.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(markdown, 'utf8')
  })
  await expect(page.getByText('Imported “A Short History of Tea”.')).toBeVisible()
  const row = page.getByRole('listitem', { name: 'A Short History of Tea' })
  await expect(row).toContainText('0 notes')
  await expect(row).toContainText('0 cards')

  // The same file again offers the document that is already there.
  await page.getByLabel('Import files').setInputFiles({
    name: 'tea copy.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(markdown, 'utf8')
  })
  await expect(page.getByText('“A Short History of Tea” is already in your library.')).toBeVisible()

  await row.getByRole('link', { name: 'A Short History of Tea' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A Short History of Tea')

  await page.goto(`${scholia.origin}/#/library`)
  const exportRow = page.getByRole('listitem', { name: 'A Short History of Tea' })
  await exportRow.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('radio', { name: /Markdown/ }).check()
  const downloadPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export file' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toBe('A Short History of Tea notes.md')
  const content = readFileSync(await download.path(), 'utf8')
  expect(content.startsWith('---\n')).toBe(true)
  expect(content).toContain('title: "A Short History of Tea"')
  expect(content).toContain('# A Short History of Tea')
})

test('binary files and damaged PDFs are refused with a message that names the problem', async ({
  page,
  scholia
}) => {
  await openLibrary(page, scholia)
  await page.getByLabel('Import files').setInputFiles([
    {
      name: 'picture.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])
    },
    { name: 'paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') }
  ])
  await expect(page.getByText('picture.md: This is a PNG image, not text.', { exact: false })).toBeVisible()
  await expect(
    page.getByText('paper.pdf: This file could not be read as a PDF: it is damaged or not a PDF', {
      exact: false
    })
  ).toBeVisible()
})

test('a dropped HTML file is imported as text, its scripts never run', async ({ page, scholia }) => {
  await openLibrary(page, scholia)
  const html =
    '<!doctype html><html><head><title>Dropped page</title><script>window.__ran = true</script></head>' +
    '<body><h1>Dropped page</h1><p>Hello <img src=x onerror="window.__ran = true"> reader.</p></body></html>'
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([text], 'page.html', { type: 'text/html' }))
    return transfer
  }, html)
  await page.dispatchEvent('main.library', 'dragover', { dataTransfer })
  await page.dispatchEvent('main.library', 'drop', { dataTransfer })
  await expect(page.getByText('Imported “Dropped page”.', { exact: false })).toBeVisible()
  await page.getByRole('link', { name: 'Dropped page' }).first().click()
  await expect(page.getByText('Hello reader.', { exact: false })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
})

test('a removed document comes back with Undo', async ({ page, scholia }) => {
  await openLibrary(page, scholia)
  const row = page.getByRole('listitem', { name: /Sino-DPRK Split/ })
  await expect(row).toBeVisible()
  await row.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('listitem', { name: /Sino-DPRK Split/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('listitem', { name: /Sino-DPRK Split/ })).toBeVisible()
})
